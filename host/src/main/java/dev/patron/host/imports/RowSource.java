package dev.patron.host.imports;

import java.io.Closeable;
import java.io.IOException;

/** Rows of one file, read one at a time: nothing but the current row is held. */
interface RowSource extends Closeable {

    /** The next row, or null at the end of the file. */
    SourceRow next() throws IOException;

    /** The line the reader has reached, for messages about unreadable input. */
    long line();
}
