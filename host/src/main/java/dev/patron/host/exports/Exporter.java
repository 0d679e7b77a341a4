package dev.patron.host.exports;

import dev.patron.api.exports.ExportRequest;
import dev.patron.host.shop.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Streams an export as CSV or NDJSON: the host's customers and scores, or a running plugin's
 * kind (the loyalty ledger), rows written as they are read. Used by {@code patron export} and
 * {@code GET /api/v1/exports/{kind}}: {@link #prepare} checks the kind and the filters before
 * anything is written, {@link Prepared#writeTo} then streams.
 */
public final class Exporter {

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

        /** The file name extension, {@code csv} or {@code ndjson}. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
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

        RowWriter open(Writer out, List<String> columns) throws IOException {
            return this == CSV ? new CsvRowWriter(out, columns) : new NdjsonRowWriter(out, columns);
        }
    }

    private final ExportCatalogue catalogue;
    private final ZoneId zone;

    /** @param zone the shop's zone: a {@code since} date starts at midnight there */
    public Exporter(ExportCatalogue catalogue, ZoneId zone) {
        this.catalogue = catalogue;
        this.zone = zone;
    }

    /**
     * Checks that the kind is offered now and takes the filters given.
     *
     * @param since blank, an ISO-8601 instant or a date
     * @param customerId blank or one customer's id
     * @throws UnknownExportException listing the kinds there are
     * @throws InvalidInputException naming each filter that is malformed or not taken
     */
    public Prepared prepare(String kind, String since, String customerId) {
        TableExport table = catalogue.require(kind);
        return new Prepared(table, ExportFilters.parse(table.kind(), since, customerId, zone));
    }

    /** An export checked and ready to stream. */
    public static final class Prepared {
        private final TableExport table;
        private final ExportRequest request;

        private Prepared(TableExport table, ExportRequest request) {
            this.table = table;
            this.request = request;
        }

        public ExportKind kind() {
            return table.kind();
        }

        /**
         * Writes the header and every row to {@code out} and flushes it; returns the number of rows.
         * Blocking: call it off the event loop. A plugin's export that fails or overruns throws
         * {@link dev.patron.host.plugins.PluginCalls.PluginCallException} after what it wrote.
         */
        public long writeTo(Format format, Writer out) {
            try {
                RowWriter rows = format.open(out, table.kind().columns());
                long count = table.writeTo(request, rows);
                rows.finish();
                return count;
            } catch (IOException e) {
                throw new UncheckedIOException("the export could not be written: " + e.getMessage(), e);
            }
        }
    }
}
