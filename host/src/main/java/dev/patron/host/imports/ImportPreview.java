package dev.patron.host.imports;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What a file would give before it is imported: its columns and first rows, which column feeds
 * which field, and what the importer does with those rows.
 *
 * <p>The rows are judged by the importer itself, never by a copy of its rules: the first rows are
 * copied line for line (so line numbers stay those of the file) into a sample that is imported as
 * a dry run, in one transaction rolled back at the end. A preview therefore reports exactly what
 * an import of those rows reports, unknown customers, stored ids and the shop currency included.
 * Blocking; holds the store's writer for the few milliseconds of the sample's dry run.
 */
public final class ImportPreview {

    /** Rows shown and checked unless asked otherwise. */
    public static final int DEFAULT_ROWS = 10;
    private static final int SHOWN_CHARS = 120;

    /** What becomes of a column. */
    public enum Use { FIELD, ATTRIBUTE, DROPPED }

    /**
     * One column of the file.
     *
     * @param field the field it gives ({@code attributes.NAME} for an attribute), or null when dropped
     */
    public record Column(String name, String field, Use use) {
    }

    /**
     * One of the first rows as found.
     *
     * @param line the physical line where the row starts (the CSV header is line 1)
     * @param values the row's values in column order (cut for display)
     * @param problem why the row cannot be read at all, or null
     */
    public record Row(long line, List<String> values, String problem) {
    }

    /**
     * A preview.
     *
     * @param columns the file's columns (CSV header, or the keys of the NDJSON rows shown)
     * @param more whether the file has rows after those shown
     * @param fields the fields a column may be chosen for (CSV)
     * @param columnOfField field → the column giving it, with the options previewed
     * @param refused why the import cannot start with these options (header, currency, encoding), or null
     * @param issues every row the importer would skip or reject among those shown, and notes
     * @param tally what importing the rows shown would write
     */
    public record Result(ImportKind kind, ImportFormat format, List<Column> columns, List<Row> rows, boolean more,
                         List<String> fields, Map<String, String> columnOfField, String refused, List<Issue> issues,
                         ImportTally tally) {

        /** Whether columns can be chosen per field: CSV; NDJSON lines are the API's objects. */
        public boolean mappable() {
            return format == ImportFormat.CSV;
        }

        /** Lines of rows the importer would reject. */
        public Set<Long> rejectedLines() {
            Set<Long> lines = new TreeSet<>();
            issues.stream().filter(i -> i.code().outcome() == IssueCode.Outcome.REJECTED).forEach(i -> lines.add(i.line()));
            return lines;
        }

        /** Lines of rows the importer would skip (valid, but not imported by the file's conventions). */
        public Set<Long> skippedLines() {
            Set<Long> lines = new TreeSet<>();
            issues.stream().filter(i -> i.code().outcome() == IssueCode.Outcome.SKIPPED).forEach(i -> lines.add(i.line()));
            lines.removeAll(rejectedLines());
            return lines;
        }
    }

    private final ImportService imports;

    public ImportPreview(ImportService imports) {
        this.imports = imports;
    }

    /**
     * Previews the first {@code rows} rows of {@code file} read with {@code options} (its dry-run
     * and strict flags are ignored: a preview never writes).
     *
     * @throws IOException when the file cannot be read at all
     */
    public Result preview(Path file, ImportOptions options, int rows) throws IOException {
        Sample sample = sample(file, options, Math.max(1, rows));
        ImportFormat format = sample.format;
        List<Column> columns = format == ImportFormat.CSV ? uses(options, sample.columns)
                : sample.columns.stream().map(c -> new Column(c, c, Use.FIELD)).toList();
        Map<String, String> columnOfField = format == ImportFormat.CSV
                ? automatic(options.kind(), options.mapping(), options.renames(), sample.columns) : Map.of();
        List<String> fields = format == ImportFormat.CSV ? fields(options.kind(), options.mapping()) : List.of();
        if (sample.refused != null) {
            return new Result(options.kind(), format, columns, sample.rows, sample.more, fields, columnOfField, sample.refused,
                    List.of(), new ImportTally());
        }
        Path dir = Files.createTempDirectory("patron-preview");
        try {
            Path copy = dir.resolve(format == ImportFormat.CSV ? "sample.csv" : "sample.ndjson");
            copyLines(file, options, sample.more ? sample.lines : Long.MAX_VALUE, copy);
            Path reportFile = dir.resolve("report.csv");
            String refused = null;
            ImportTally tally = new ImportTally();
            IssueReport report = new IssueReport(reportFile);
            try {
                ImportOptions dry = options.withFormat(format).withCharset(StandardCharsets.UTF_8).withDryRun(true).withStrict(false);
                tally = imports.runner().run(copy, dry, report, ImportListener.NONE).tally();
            } catch (ImportRefusedException e) {
                refused = e.getMessage();
            } finally {
                report.close();
            }
            return new Result(options.kind(), format, columns, sample.rows, sample.more, fields, columnOfField, refused,
                    refused == null ? issues(reportFile) : List.of(), tally);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The columns of a CSV file's header; empty for NDJSON or an empty file. */
    public List<String> columns(Path file, ImportOptions options) throws IOException {
        try (ImportInput input = ImportInput.open(file, options.charset())) {
            if (format(options, input) != ImportFormat.CSV) {
                return List.of();
            }
            return List.copyOf(new CsvRowSource(input.reader(), delimiter(options)).header());
        } catch (CharacterCodingException e) {
            return List.of();
        }
    }

    /**
     * Field → column as the importer reads a header with these options: the mapping's columns
     * with the renames over them, then columns named like a field (any case). The first column
     * wins when two give the same field.
     */
    public static Map<String, String> automatic(ImportKind kind, String mapping, Map<String, String> renames, List<String> columns) {
        ImportMapping plan = mapping(kind, mapping).withRenames(renames);
        Map<String, String> byLowerCase = byLowerCase(kind);
        Map<String, String> columnOfField = new LinkedHashMap<>();
        for (String column : columns) {
            String field = plan.columns().containsKey(column) ? plan.columns().get(column)
                    : byLowerCase.get(column.toLowerCase(Locale.ROOT));
            if (field != null && !ImportMapping.DROP.equals(field)) {
                columnOfField.putIfAbsent(field, column);
            }
        }
        return columnOfField;
    }

    /**
     * The renames that make exactly {@code choices} (field → column; blank for none): each chosen
     * column gives its field, and every other column is dropped, except that a customers file's
     * other columns stay attributes when their names can be attribute names.
     */
    public static Map<String, String> renames(ImportKind kind, String mapping, List<String> columns, Map<String, String> choices) {
        ImportMapping base = mapping(kind, mapping);
        Map<String, String> byLowerCase = byLowerCase(kind);
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> chosen = new HashSet<>();
        choices.forEach((field, column) -> {
            if (column != null && columns.contains(column) && chosen.add(column)) {
                renames.put(column, field);
            }
        });
        for (String column : columns) {
            if (chosen.contains(column) || column.isBlank()) {
                continue;
            }
            String field = base.columns().containsKey(column) ? base.columns().get(column)
                    : byLowerCase.get(column.toLowerCase(Locale.ROOT));
            boolean attribute = kind == ImportKind.CUSTOMERS && field == null && ColumnPlan.attributeName(column);
            if (!attribute) {
                renames.put(column, ImportMapping.DROP);
            }
        }
        return renames;
    }

    /** The fields a column may be chosen for: the kind's, and the attributes the mapping names. */
    public static List<String> fields(ImportKind kind, String mapping) {
        Set<String> fields = new LinkedHashSet<>(ColumnPlan.offered(kind));
        mapping(kind, mapping).columns().values().stream().filter(f -> f.startsWith(ColumnPlan.ATTRIBUTES)).forEach(fields::add);
        return List.copyOf(fields);
    }

    /** The built-in mapping of that name when it reads this kind, else none (the import then says why). */
    private static ImportMapping mapping(ImportKind kind, String name) {
        if (name == null || name.isBlank()) {
            return ImportMapping.none(kind);
        }
        return ImportMapping.builtIn(name).filter(m -> m.kind() == kind).orElse(ImportMapping.none(kind));
    }

    private static Map<String, String> byLowerCase(ImportKind kind) {
        Map<String, String> byLowerCase = new HashMap<>();
        ColumnPlan.offered(kind).forEach(f -> byLowerCase.put(f.toLowerCase(Locale.ROOT), f));
        return byLowerCase;
    }

    private static List<Column> uses(ImportOptions options, List<String> columns) {
        ImportMapping plan = mapping(options.kind(), options.mapping()).withRenames(options.renames());
        Map<String, String> byLowerCase = byLowerCase(options.kind());
        List<Column> uses = new ArrayList<>();
        for (String column : columns) {
            String field = plan.columns().containsKey(column) ? plan.columns().get(column)
                    : byLowerCase.get(column.toLowerCase(Locale.ROOT));
            if (field == null && options.kind() == ImportKind.CUSTOMERS && !column.isBlank()) {
                field = ColumnPlan.ATTRIBUTES + column;
            }
            if (field == null || ImportMapping.DROP.equals(field)) {
                uses.add(new Column(column, null, Use.DROPPED));
            } else {
                uses.add(new Column(column, field, field.startsWith(ColumnPlan.ATTRIBUTES) ? Use.ATTRIBUTE : Use.FIELD));
            }
        }
        return uses;
    }

    /** The first rows as found, and how many physical lines they take. */
    private static final class Sample {
        ImportFormat format;
        List<String> columns = List.of();
        final List<Row> rows = new ArrayList<>();
        boolean more;
        long lines;
        String refused;
    }

    private static Sample sample(Path file, ImportOptions options, int limit) throws IOException {
        Sample sample = new Sample();
        try (ImportInput input = ImportInput.open(file, options.charset())) {
            sample.format = format(options, input);
            // A plan that maps no column: rows come back as they are in the file.
            ColumnPlan asFound = ColumnPlan.forJsonLines(ImportMapping.none(options.kind()));
            RowSource source;
            Set<String> keys = new LinkedHashSet<>();
            if (sample.format == ImportFormat.CSV) {
                CsvRowSource csv = new CsvRowSource(input.reader(), delimiter(options));
                sample.columns = List.copyOf(csv.header());
                if (sample.columns.isEmpty()) {
                    sample.refused = options.fileName() + " is empty: a CSV import starts with a header line";
                    return sample;
                }
                csv.use(asFound);
                source = csv;
            } else {
                source = new NdjsonRowSource(input.reader(), asFound);
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            SourceRow row;
            while ((row = source.next()) != null) {
                if (sample.rows.size() == limit) {
                    sample.more = true;
                    sample.lines = row.line() - 1;
                    break;
                }
                if (sample.format == ImportFormat.CSV) {
                    sample.rows.add(new Row(row.line(), row.raw().stream().map(ImportPreview::shown).toList(), row.problem()));
                } else {
                    Map<String, Object> object = row.problem() == null ? new JsonObject(row.raw().get(0)).getMap() : Map.of();
                    keys.addAll(object.keySet());
                    objects.add(object);
                    sample.rows.add(new Row(row.line(), List.of(shown(row.raw().get(0))), row.problem()));
                }
            }
            if (sample.format == ImportFormat.NDJSON) {
                sample.columns = List.copyOf(keys);
                for (int i = 0; i < sample.rows.size(); i++) {
                    Row shown = sample.rows.get(i);
                    if (shown.problem() == null) {
                        Map<String, Object> object = objects.get(i);
                        List<String> values = keys.stream().map(k -> shown(text(object.get(k)))).toList();
                        sample.rows.set(i, new Row(shown.line(), values, null));
                    }
                }
            }
        } catch (CharacterCodingException e) {
            sample.refused = ImportInput.undecodable(file, options.charset());
        }
        return sample;
    }

    private static ImportFormat format(ImportOptions options, ImportInput input) throws IOException {
        return options.format() != null ? options.format() : ImportFormat.guess(options.fileName(), input.peekSignificant());
    }

    private static char delimiter(ImportOptions options) {
        return options.delimiter() == null ? ',' : options.delimiter();
    }

    /** Copies the first {@code lines} physical lines of the (decoded, decompressed) file as UTF-8. */
    private static void copyLines(Path file, ImportOptions options, long lines, Path copy) throws IOException {
        try (ImportInput input = ImportInput.open(file, options.charset());
             BufferedWriter out = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            BufferedReader reader = input.reader();
            String line;
            for (long n = 0; n < lines && (line = reader.readLine()) != null; n++) {
                out.write(line);
                out.write('\n');
            }
        }
    }

    private static List<Issue> issues(Path reportFile) throws IOException {
        List<Issue> issues = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(reportFile, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord record : parser) {
                issues.add(new Issue(Long.parseLong(record.get("line")), record.get("column"), record.get("value"),
                        IssueCode.byCode(record.get("code")), record.get("reason")));
            }
        }
        return Collections.unmodifiableList(issues);
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof String s ? s : Json.encode(value);
    }

    private static String shown(String value) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > SHOWN_CHARS ? stripped.substring(0, SHOWN_CHARS) + "…" : stripped;
    }
}
