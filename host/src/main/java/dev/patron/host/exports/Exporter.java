package dev.patron.host.exports;

import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams customers or current scores out of the store as CSV or NDJSON: one cursor, rows written
 * as they are read, so a million customers need no more memory than one. Used by
 * {@code patron export} and {@code GET /api/v1/exports/{kind}}.
 */
public final class Exporter {

    private static final Sql SQL = Sql.load("sql/exports.sql");

    /** What can be exported. */
    public enum Kind {
        CUSTOMERS("customers"), SCORES("scores");

        private final String statement;

        Kind(String statement) {
            this.statement = statement;
        }

        public static Kind parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidInputException("kind", "'" + text + "' cannot be exported; choose customers or scores");
            }
        }
    }

    /** Output formats. */
    public enum Format {
        CSV("text/csv; charset=utf-8"), NDJSON("application/x-ndjson");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public static Format parse(String text) {
            if (text == null || text.isBlank()) {
                return CSV;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("format", "'" + text + "' is not a format; choose csv or ndjson");
            }
        }
    }

    private final Store store;

    public Exporter(Store store) {
        this.store = store;
    }

    /** Writes every row to {@code out}; returns the number of rows. Times are ISO-8601 UTC. */
    public long export(Kind kind, Format format, Writer out) {
        return store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(SQL.get(kind.statement))) {
                select.setFetchSize(5_000);
                try (ResultSet rs = select.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    String[] columns = new String[meta.getColumnCount()];
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = camel(meta.getColumnLabel(i + 1));
                    }
                    return format == Format.CSV ? csv(rs, columns, out) : ndjson(rs, columns, out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the export could not be written: " + e.getMessage(), e);
            }
        });
    }

    private static long csv(ResultSet rs, String[] columns, Writer out) throws java.sql.SQLException, IOException {
        long rows = 0;
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns).get());
        Object[] values = new Object[columns.length];
        while (rs.next()) {
            for (int i = 0; i < columns.length; i++) {
                values[i] = value(rs, columns[i], i + 1);
            }
            printer.printRecord(values);
            rows++;
        }
        printer.flush();
        return rows;
    }

    private static long ndjson(ResultSet rs, String[] columns, Writer out) throws java.sql.SQLException, IOException {
        long rows = 0;
        while (rs.next()) {
            JsonObject json = new JsonObject();
            for (int i = 0; i < columns.length; i++) {
                Object value = value(rs, columns[i], i + 1);
                json.put(columns[i], columns[i].equals("attributes") && value != null ? new JsonObject((String) value) : value);
            }
            out.write(json.encode());
            out.write('\n');
            rows++;
        }
        out.flush();
        return rows;
    }

    private static Object value(ResultSet rs, String column, int index) throws java.sql.SQLException {
        Object value = rs.getObject(index);
        if (value == null) {
            return null;
        }
        if (column.endsWith("At") && value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue()).toString();
        }
        return value;
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        String camel = name.toString();
        return camel.equals("pluginId") ? "plugin" : camel;
    }
}
