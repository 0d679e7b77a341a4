package dev.patron.host.imports;

import java.sql.Connection;
import java.sql.SQLException;

/** Follows a running import: progress for bars and status, and a hook in each chunk's transaction. */
interface ImportListener {

    ImportListener NONE = new ImportListener() {
    };

    default void started(ImportFormat format, long bytesTotal) {
    }

    /** Called every few thousand rows and after each chunk. */
    default void advanced(long rowsRead, long bytesRead, ImportTally total) {
    }

    /**
     * Called inside a chunk's write transaction after its rows were written, so progress recorded
     * here commits with them. Not called in dry runs or strict imports (one transaction for all).
     */
    default void chunkWritten(Connection c, long rowsRead, long bytesRead, ImportTally total) throws SQLException {
    }
}
