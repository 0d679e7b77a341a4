package dev.patron.host.imports;

import java.util.List;
import java.util.Map;

/**
 * One row of the file, its values keyed by field name.
 *
 * @param line the physical line where the row starts (the CSV header is line 1)
 * @param fields field → value: text for CSV (blank cells left out), any JSON value for NDJSON
 * @param raw the row as found, to recognise exact duplicates
 * @param problem why the row could not be read at all (wrong number of values, not JSON), or null
 */
record SourceRow(long line, Map<String, Object> fields, List<String> raw, String problem) {

    String text(String field) {
        Object value = fields.get(field);
        return value == null ? null : String.valueOf(value);
    }
}
