package dev.patron.host.imports;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NDJSON rows: one JSON object per line, in the API's shapes (docs/http-api.md), read line by
 * line. Blank lines are skipped; keys are renamed by the plan.
 */
final class NdjsonRowSource implements RowSource {

    private final BufferedReader reader;
    private final ColumnPlan plan;
    private long line;

    NdjsonRowSource(BufferedReader reader, ColumnPlan plan) {
        this.reader = reader;
        this.plan = plan;
    }

    @Override
    public SourceRow next() throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            line++;
            if (!text.isBlank()) {
                return row(text);
            }
        }
        return null;
    }

    private SourceRow row(String text) {
        Object value;
        try {
            value = io.vertx.core.json.Json.decodeValue(text);
        } catch (DecodeException e) {
            return new SourceRow(line, Map.of(), List.of(text), "is not valid JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject json)) {
            return new SourceRow(line, Map.of(), List.of(text), "is not a JSON object; each line holds one object");
        }
        Map<String, Object> fields = new HashMap<>();
        for (String key : json.fieldNames()) {
            String field = plan.renamedKey(key);
            if (field != null) {
                fields.put(field, json.getValue(key));
            }
        }
        return new SourceRow(line, fields, List.of(text), null);
    }

    @Override
    public long line() {
        return line + 1;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
