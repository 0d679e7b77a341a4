package dev.patron.host.exports;

import dev.patron.api.exports.ExportSink;
import java.io.IOException;
import java.util.List;

/**
 * The sink a plugin's export writes into: checks each row against the declared columns, passes
 * it on at once, and stops taking rows when revoked (the call ended or overran), so a plugin
 * thread left running can never write into a response or file that has moved on.
 */
final class PluginRowSink implements ExportSink {

    private final String kind;
    private final List<String> columns;
    private final RowWriter out;
    private boolean open = true;
    private long rows;

    PluginRowSink(ExportKind kind, RowWriter out) {
        this.kind = kind.name();
        this.columns = kind.columns();
        this.out = out;
    }

    @Override
    public synchronized void row(Object... values) {
        if (!open) {
            throw new IllegalStateException("the " + kind + " export has ended; its sink takes no more rows");
        }
        if (values == null || values.length != columns.size()) {
            throw new RefusedRowException("the " + kind + " export has " + columns.size() + " columns " + columns
                    + " but row " + (rows + 1) + " has " + (values == null ? 0 : values.length) + " values");
        }
        Object[] plain = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            plain[i] = ExportValues.plain(values[i], columns.get(i));
        }
        try {
            out.row(plain);
        } catch (IOException e) {
            throw new IllegalStateException("the " + kind + " export could not be written: " + e.getMessage(), e);
        }
        rows++;
    }

    /** Ends the sink's life; waits for a row being written to finish. */
    synchronized void revoke() {
        open = false;
    }

    synchronized long rows() {
        return rows;
    }
}
