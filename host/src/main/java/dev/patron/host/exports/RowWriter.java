package dev.patron.host.exports;

import java.io.IOException;

/**
 * Writes an export's rows in one format as they come. Values are already plain
 * ({@link ExportValues#plain}): strings, longs, doubles, booleans, {@link JsonText} or null.
 */
interface RowWriter {

    void row(Object[] values) throws IOException;

    /** Flushes what is left; the header is written even when there was no row. */
    void finish() throws IOException;
}
