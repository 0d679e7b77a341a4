package dev.patron.host.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows through commons-csv (RFC 4180: quoted fields with embedded separators, quotes and line
 * breaks; CRLF or LF). Empty lines are skipped; values are trimmed and blank values left out. The
 * line number of each row is where it starts, counted in physical lines, so a row with an embedded
 * line break still points at the right place.
 */
final class CsvRowSource implements RowSource {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private List<String> header;
    private ColumnPlan plan;
    private long linesConsumed;

    CsvRowSource(Reader reader, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get();
        this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        this.records = parser.iterator();
    }

    /** The header: the first line that is not empty; an empty list for an empty file. */
    List<String> header() throws IOException {
        if (header == null) {
            header = new ArrayList<>();
            Numbered first = nextNonEmpty();
            if (first != null) {
                first.record().forEach(column -> header.add(column.strip()));
            }
        }
        return header;
    }

    void use(ColumnPlan columns) {
        this.plan = columns;
    }

    @Override
    public SourceRow next() throws IOException {
        header();
        Numbered next = nextNonEmpty();
        if (next == null) {
            return null;
        }
        List<String> raw = next.record().toList();
        if (raw.size() != header.size()) {
            return new SourceRow(next.start(), Map.of(), raw, "has " + raw.size() + " values but the header has " + header.size()
                    + " columns (a missing or extra separator, or an unclosed quote)");
        }
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = plan.field(i);
            String value = raw.get(i).strip();
            if (field != null && !value.isEmpty()) {
                fields.put(field, value);
            }
        }
        return new SourceRow(next.start(), fields, raw, null);
    }

    /** A record and the physical line it starts on. */
    private record Numbered(CSVRecord record, long start) {
    }

    /** The next record with a value; empty lines come from the parser as records of one blank value. */
    private Numbered nextNonEmpty() throws IOException {
        try {
            while (records.hasNext()) {
                long start = linesConsumed + 1;
                CSVRecord record = records.next();
                linesConsumed = parser.getCurrentLineNumber();
                if (!isBlank(record)) {
                    return new Numbered(record, start);
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long line() {
        return linesConsumed + 1;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
