package dev.patron.host.imports;

import java.io.Closeable;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Currency;

/**
 * A file opened for import with everything decided before its first row is read: the mapping, the
 * format, the columns, the time zone.
 */
record PreparedImport(ImportOptions options, ImportMapping mapping, ImportFormat format, ColumnPlan plan, ZoneId zone,
                      boolean createCustomers, ImportInput input, RowSource source, SourceRow first) implements Closeable {

    /** The rows, starting with the one read ahead to check the currency. */
    RowSource rows() {
        return new RowSource() {
            private boolean firstGiven;

            @Override
            public SourceRow next() throws IOException {
                if (!firstGiven) {
                    firstGiven = true;
                    if (first != null) {
                        return first;
                    }
                }
                return source.next();
            }

            @Override
            public long line() {
                return source.line();
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }

    /**
     * Opens {@code file} and checks the options, the header and the currency of the first row.
     *
     * @throws ImportRefusedException when they do not fit, with what to change
     */
    static PreparedImport open(java.nio.file.Path file, ImportOptions options, Currency shopCurrency, ZoneId shopZone)
            throws IOException {
        ImportMapping mapping = mapping(options, shopCurrency);
        ZoneId zone = options.zone() != null ? options.zone() : mapping.zone() != null ? mapping.zone() : shopZone;
        try {
            return open(file, options, mapping, zone, shopCurrency);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ImportRefusedException(ImportInput.undecodable(file, options.charset()));
        }
    }

    private static PreparedImport open(java.nio.file.Path file, ImportOptions options, ImportMapping mapping, ZoneId zone,
                                       Currency shopCurrency) throws IOException {
        ImportInput input = ImportInput.open(file, options.charset());
        try {
            ImportFormat format = options.format() != null ? options.format()
                    : ImportFormat.guess(options.fileName(), input.peekSignificant());
            RowSource source;
            ColumnPlan plan;
            if (format == ImportFormat.CSV) {
                CsvRowSource csv = new CsvRowSource(input.reader(), options.delimiter() == null ? ',' : options.delimiter());
                if (csv.header().isEmpty()) {
                    throw new ImportRefusedException(options.fileName() + " is empty: a CSV import starts with a header line");
                }
                plan = ColumnPlan.forHeader(options.kind(), mapping, csv.header());
                csv.use(plan);
                source = csv;
            } else {
                plan = ColumnPlan.forJsonLines(mapping);
                source = new NdjsonRowSource(input.reader(), plan);
            }
            SourceRow first = source.next();
            String fileCurrency = first == null || first.problem() != null ? null : first.text("currency");
            if (fileCurrency != null && !fileCurrency.equals(shopCurrency.getCurrencyCode())) {
                throw new ImportRefusedException("the file is in " + fileCurrency + " (line " + first.line() + ", column '"
                        + plan.columnOf("currency") + "') but the shop currency is " + shopCurrency.getCurrencyCode()
                        + "; amounts are never converted: convert the file, or import it into a store whose shop.currency is "
                        + fileCurrency);
            }
            return new PreparedImport(options, mapping, format, plan, zone, options.createCustomers() || mapping.createCustomers(),
                    input, source, first);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private static ImportMapping mapping(ImportOptions options, Currency shopCurrency) {
        ImportMapping mapping = ImportMapping.none(options.kind());
        if (options.mapping() != null) {
            mapping = ImportMapping.builtIn(options.mapping()).orElseThrow(() -> new ImportRefusedException("there is no mapping '"
                    + options.mapping() + "'; built-in mappings: " + String.join(", ", ImportMapping.builtInNames())
                    + " (or name columns with --map COLUMN=FIELD)"));
            if (mapping.kind() != options.kind()) {
                throw new ImportRefusedException("mapping " + mapping.name() + " reads " + mapping.kind().json() + ", not "
                        + options.kind().json() + ": run 'patron import " + mapping.kind().json() + " FILE --mapping " + mapping.name() + "'");
            }
            if (mapping.currency() != null && !mapping.currency().equals(shopCurrency)) {
                throw new ImportRefusedException("mapping " + mapping.name() + " reads amounts in " + mapping.currency().getCurrencyCode()
                        + " but the shop currency is " + shopCurrency.getCurrencyCode() + "; amounts are never converted: import it"
                        + " into a store whose shop.currency is " + mapping.currency().getCurrencyCode() + " (PATRON_SHOP_CURRENCY="
                        + mapping.currency().getCurrencyCode() + " or shop.currency in conf/patron.yaml)");
            }
        }
        return mapping.withRenames(options.renames());
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
