package dev.patron.host.imports;

import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to read one file.
 *
 * @param format CSV or NDJSON; null to guess from the file name and first character
 * @param mapping a built-in mapping's name ({@link ImportMapping#builtIn}), or null
 * @param renames source column (or NDJSON key) → field, applied over the mapping; the field
 *     {@code -} drops the column
 * @param dryRun validate and count everything, write nothing
 * @param strict write nothing unless every row is valid (skipped rows do not count as invalid)
 * @param charset the file's character set (default UTF-8)
 * @param zone the time zone of local date-times in the file; null for the mapping's, else the shop's
 * @param delimiter the CSV field separator; null for the mapping's, else a comma
 * @param createCustomers create customers that orders name but that do not exist yet
 * @param chunkRows rows per write transaction (0 for the default)
 * @param fileName the file's name, for people (the API stores uploads under a generated name)
 */
public record ImportOptions(ImportKind kind, ImportFormat format, String mapping, Map<String, String> renames,
                            boolean dryRun, boolean strict, Charset charset, ZoneId zone, Character delimiter,
                            boolean createCustomers, int chunkRows, String fileName) {

    public static final int DEFAULT_CHUNK_ROWS = 5_000;

    public ImportOptions {
        Objects.requireNonNull(kind, "kind");
        renames = renames == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(renames));
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        chunkRows = chunkRows <= 0 ? DEFAULT_CHUNK_ROWS : chunkRows;
        fileName = fileName == null ? "" : fileName;
    }

    /** Options with every default: CSV or NDJSON guessed, no mapping, UTF-8. */
    public static ImportOptions of(ImportKind kind, String fileName) {
        return new ImportOptions(kind, null, null, Map.of(), false, false, null, null, null, false, 0, fileName);
    }

    public ImportOptions withFormat(ImportFormat value) {
        return new ImportOptions(kind, value, mapping, renames, dryRun, strict, charset, zone, delimiter, createCustomers, chunkRows, fileName);
    }

    public ImportOptions withMapping(String value) {
        return new ImportOptions(kind, format, value, renames, dryRun, strict, charset, zone, delimiter, createCustomers, chunkRows, fileName);
    }

    public ImportOptions withRenames(Map<String, String> value) {
        return new ImportOptions(kind, format, mapping, value, dryRun, strict, charset, zone, delimiter, createCustomers, chunkRows, fileName);
    }

    public ImportOptions withDryRun(boolean value) {
        return new ImportOptions(kind, format, mapping, renames, value, strict, charset, zone, delimiter, createCustomers, chunkRows, fileName);
    }

    public ImportOptions withStrict(boolean value) {
        return new ImportOptions(kind, format, mapping, renames, dryRun, value, charset, zone, delimiter, createCustomers, chunkRows, fileName);
    }

    public ImportOptions withCharset(Charset value) {
        return new ImportOptions(kind, format, mapping, renames, dryRun, strict, value, zone, delimiter, createCustomers, chunkRows, fileName);
    }

    public ImportOptions withZone(ZoneId value) {
        return new ImportOptions(kind, format, mapping, renames, dryRun, strict, charset, value, delimiter, createCustomers, chunkRows, fileName);
    }

    public ImportOptions withDelimiter(Character value) {
        return new ImportOptions(kind, format, mapping, renames, dryRun, strict, charset, zone, value, createCustomers, chunkRows, fileName);
    }

    public ImportOptions withCreateCustomers(boolean value) {
        return new ImportOptions(kind, format, mapping, renames, dryRun, strict, charset, zone, delimiter, value, chunkRows, fileName);
    }

    public ImportOptions withChunkRows(int value) {
        return new ImportOptions(kind, format, mapping, renames, dryRun, strict, charset, zone, delimiter, createCustomers, value, fileName);
    }

    /**
     * Parses {@code column=field} pairs (the last {@code =} separates, so a column name may itself
     * hold one).
     *
     * @throws IllegalArgumentException naming the pair that is not of that form
     */
    public static Map<String, String> parseRenames(List<String> pairs) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int at = pair.lastIndexOf('=');
            if (at <= 0 || at == pair.length() - 1) {
                throw new IllegalArgumentException("--map '" + pair + "' must be COLUMN=FIELD, e.g. InvoiceNo=id (FIELD '-' drops the column)");
            }
            renames.put(pair.substring(0, at), pair.substring(at + 1).trim());
        }
        return renames;
    }

    /** The options as stored with the job. */
    JsonObject toJson() {
        return new JsonObject()
                .put("renames", new JsonObject(new LinkedHashMap<>(renames)))
                .put("encoding", charset.name())
                .put("timezone", zone == null ? null : zone.getId())
                .put("delimiter", delimiter == null ? null : String.valueOf(delimiter))
                .put("createCustomers", createCustomers)
                .put("chunkRows", chunkRows);
    }
}
