package dev.patron.host.exports;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One JSON object per line, keyed by column; {@link JsonText} values are embedded as JSON. */
final class NdjsonRowWriter implements RowWriter {

    private final Writer out;
    private final List<String> columns;

    NdjsonRowWriter(Writer out, List<String> columns) {
        this.out = out;
        this.columns = columns;
    }

    @Override
    public void row(Object[] values) throws IOException {
        JsonObject json = new JsonObject();
        for (int i = 0; i < values.length; i++) {
            json.put(columns.get(i), values[i] instanceof JsonText text ? new JsonObject(text.text()) : values[i]);
        }
        out.write(json.encode());
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
