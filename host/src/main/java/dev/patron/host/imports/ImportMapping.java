package dev.patron.host.imports;

import java.time.ZoneId;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named way to read a known export: which source column is which field, and the export's
 * conventions (time zone, currency, invoice-number prefixes). {@code --map} renames apply on top.
 *
 * @param columns source column → field ({@link #DROP} drops the column)
 * @param zone time zone of the file's local date-times, or null for the shop's
 * @param currency the currency all amounts are in, or null when the file says (or is the shop's)
 * @param cancellationPrefix invoice ids starting with it are cancellations (returns), or null
 * @param skippedPrefixes invoice-id prefix → why such invoices are not sales and are skipped
 * @param createCustomers whether orders may create the customers they name
 */
public record ImportMapping(String name, ImportKind kind, Map<String, String> columns, ZoneId zone, Currency currency,
                            String cancellationPrefix, Map<String, String> skippedPrefixes, boolean createCustomers) {

    /** The field name that drops a column. */
    public static final String DROP = "-";

    /** UCI "Online Retail" (doi:10.24432/C5BW33): a UK gift shop's invoice lines, 2010-12 .. 2011-12. */
    public static final String UCI_ONLINE_RETAIL = "uci-online-retail";

    private static final Map<String, ImportMapping> BUILT_IN = Map.of(UCI_ONLINE_RETAIL, uciOnlineRetail());

    public ImportMapping {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        skippedPrefixes = Collections.unmodifiableMap(new LinkedHashMap<>(skippedPrefixes));
    }

    /** No mapping: columns are named like the API's fields. */
    static ImportMapping none(ImportKind kind) {
        return new ImportMapping(null, kind, Map.of(), null, null, null, Map.of(), false);
    }

    public static Optional<ImportMapping> builtIn(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    public static Set<String> builtInNames() {
        return new TreeSet<>(BUILT_IN.keySet());
    }

    /** This mapping with {@code renames} over its columns. */
    ImportMapping withRenames(Map<String, String> renames) {
        Map<String, String> merged = new LinkedHashMap<>(columns);
        merged.putAll(renames);
        return new ImportMapping(name, kind, merged, zone, currency, cancellationPrefix, skippedPrefixes, createCustomers);
    }

    private static ImportMapping uciOnlineRetail() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("InvoiceNo", "id");
        columns.put("StockCode", "sku");
        columns.put("Description", DROP);
        columns.put("Quantity", "quantity");
        columns.put("InvoiceDate", "placedAt");
        columns.put("UnitPrice", "unitPrice");
        columns.put("CustomerID", "customerId");
        columns.put("Country", "attributes.country");
        return new ImportMapping(UCI_ONLINE_RETAIL, ImportKind.ORDERS, columns, ZoneId.of("Europe/London"),
                Currency.getInstance("GBP"), "C",
                Map.of("A", "an 'Adjust bad debt' bookkeeping entry, not a sale"), true);
    }
}
