package dev.patron.host.imports;

import java.util.Locale;

/** The file format: comma-separated values with a header line, or one JSON object per line. */
public enum ImportFormat {
    CSV,
    NDJSON;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportFormat parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "csv" -> CSV;
            case "ndjson", "jsonl" -> NDJSON;
            default -> throw new IllegalArgumentException("'" + text + "' is not an import format; use csv or ndjson");
        };
    }

    /**
     * The format a file most likely has when none was given: by its name ({@code .ndjson},
     * {@code .jsonl}, {@code .csv}, each optionally {@code .gz}), else by its first significant
     * character ({@code {} starts NDJSON).
     */
    static ImportFormat guess(String fileName, int firstSignificantChar) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return NDJSON;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        return firstSignificantChar == '{' ? NDJSON : CSV;
    }
}
