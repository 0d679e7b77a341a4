package dev.patron.host.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which source column feeds which field, checked once against the header before any row is read,
 * so a misnamed column stops the import with one clear message instead of rejecting every row.
 * The columns also decide the shape of an orders file: with {@code quantity} and {@code unitPrice}
 * it holds invoice lines, with {@code amount} one order per row.
 */
final class ColumnPlan {

    /** One order per row, or invoice lines grouped into orders. */
    enum Shape { ROWS, LINES }

    static final String ATTRIBUTES = "attributes.";
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private static final List<String> ORDER_FIELDS = List.of("id", "customerId", "placedAt", "amount", "currency", "channel");
    private static final List<String> LINE_FIELDS = List.of("id", "customerId", "placedAt", "quantity", "unitPrice", "sku",
            "currency", "channel");
    private static final List<String> CUSTOMER_FIELDS = List.of("id", "name", "email", "phone");
    private static final List<String> REFUND_FIELDS = List.of("id", "orderId", "amount", "refundedAt");

    private final Shape shape;
    private final String[] fieldByIndex;
    private final Map<String, String> columnOfField;
    private final Map<String, String> renames;

    private ColumnPlan(Shape shape, String[] fieldByIndex, Map<String, String> columnOfField, Map<String, String> renames) {
        this.shape = shape;
        this.fieldByIndex = fieldByIndex;
        this.columnOfField = columnOfField;
        this.renames = renames;
    }

    /**
     * Resolves a CSV header.
     *
     * @throws ImportRefusedException naming every unknown, duplicate or missing column at once
     */
    static ColumnPlan forHeader(ImportKind kind, ImportMapping mapping, List<String> header) {
        List<String> problems = new ArrayList<>();
        Set<String> known = Set.copyOf(kind == ImportKind.ORDERS ? union(ORDER_FIELDS, LINE_FIELDS) : fields(kind));
        Map<String, String> byLowerCase = new HashMap<>();
        known.forEach(f -> byLowerCase.put(f.toLowerCase(Locale.ROOT), f));
        String[] fieldByIndex = new String[header.size()];
        Map<String, String> columnOfField = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String field = mapping.columns().containsKey(column) ? mapping.columns().get(column)
                    : byLowerCase.get(column.toLowerCase(Locale.ROOT));
            if (ImportMapping.DROP.equals(field) || field == null && column.isBlank()) {
                continue;
            }
            if (field == null && kind == ImportKind.CUSTOMERS) {
                field = ATTRIBUTES + column;
            }
            String problem = field == null ? "column '" + column + "' is not a field of " + kind.json()
                    : checkField(kind, known, column, field);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            String earlier = columnOfField.putIfAbsent(field, column);
            if (earlier != null) {
                problems.add("columns '" + earlier + "' and '" + column + "' both give " + field + "; drop one with --map '" + column + "=-'");
            }
            fieldByIndex[i] = field;
        }
        Shape shape = kind == ImportKind.ORDERS && (columnOfField.containsKey("quantity") || columnOfField.containsKey("unitPrice"))
                ? Shape.LINES : Shape.ROWS;
        List<String> required = required(kind, shape);
        if (shape == Shape.LINES && columnOfField.containsKey("amount")) {
            problems.add("the file has both 'amount' and invoice-line columns (quantity, unitPrice); keep one of them");
        }
        for (String field : required) {
            if (!columnOfField.containsKey(field)) {
                problems.add("no column gives '" + field + "'; name the column that holds it with --map COLUMN=" + field);
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException("the header does not fit a file of " + kind.json() + ": " + String.join("; ", problems)
                    + ". Columns found: " + String.join(", ", header) + ". Fields of " + kind.json() + ": "
                    + describe(kind) + " (docs/importing.md).");
        }
        return new ColumnPlan(shape, fieldByIndex, columnOfField, Map.of());
    }

    /** NDJSON lines are API objects; only renames apply, and the API validation names unknown fields. */
    static ColumnPlan forJsonLines(ImportMapping mapping) {
        Map<String, String> columnOfField = new LinkedHashMap<>();
        mapping.columns().forEach((column, field) -> columnOfField.put(field, column));
        return new ColumnPlan(Shape.ROWS, new String[0], columnOfField, mapping.columns());
    }

    private static String checkField(ImportKind kind, Set<String> known, String column, String field) {
        if (field.startsWith(ATTRIBUTES)) {
            if (kind == ImportKind.REFUNDS) {
                return "refunds have no attributes (column '" + column + "')";
            }
            String key = field.substring(ATTRIBUTES.length());
            return ATTRIBUTE_KEY.matcher(key).matches() ? null
                    : "column '" + column + "' would be attribute '" + key + "', but attribute names are letters, digits and '_',"
                    + " starting with a letter; rename it with --map '" + column + "=attributes.someName' or drop it with --map '"
                    + column + "=-'";
        }
        return known.contains(field) ? null : "column '" + column + "' maps to '" + field + "', which is not a field of " + kind.json();
    }

    private static List<String> required(ImportKind kind, Shape shape) {
        return switch (kind) {
            case ORDERS -> shape == Shape.LINES ? List.of("id", "customerId", "placedAt", "quantity", "unitPrice")
                    : List.of("id", "customerId", "placedAt", "amount");
            case CUSTOMERS -> List.of("id");
            case REFUNDS -> List.of("id", "orderId", "amount", "refundedAt");
        };
    }

    /** Whether {@code name} may name a customer attribute: letters, digits and '_', starting with a letter. */
    static boolean attributeName(String name) {
        return ATTRIBUTE_KEY.matcher(name).matches();
    }

    /** Every field a column of a {@code kind} file may give (orders: per-row and invoice-line fields), in the documented order. */
    static List<String> offered(ImportKind kind) {
        return kind == ImportKind.ORDERS ? union(ORDER_FIELDS, LINE_FIELDS) : fields(kind);
    }

    private static List<String> fields(ImportKind kind) {
        return switch (kind) {
            case ORDERS -> ORDER_FIELDS;
            case CUSTOMERS -> CUSTOMER_FIELDS;
            case REFUNDS -> REFUND_FIELDS;
        };
    }

    private static String describe(ImportKind kind) {
        return switch (kind) {
            case ORDERS -> "one order per row: " + String.join(", ", ORDER_FIELDS) + "; or invoice lines: "
                    + String.join(", ", LINE_FIELDS) + "; customer attributes as attributes.NAME";
            case CUSTOMERS -> String.join(", ", CUSTOMER_FIELDS) + ", and any other column as an attribute";
            case REFUNDS -> String.join(", ", REFUND_FIELDS);
        };
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return all;
    }

    Shape shape() {
        return shape;
    }

    /** The field column {@code index} gives, or null when the column is dropped. */
    String field(int index) {
        return index < fieldByIndex.length ? fieldByIndex[index] : null;
    }

    int columns() {
        return fieldByIndex.length;
    }

    boolean has(String field) {
        return columnOfField.containsKey(field);
    }

    /** The source column a field came from, for reports; the field itself when no column was renamed. */
    String columnOf(String field) {
        String column = columnOfField.get(field);
        if (column != null) {
            return column;
        }
        String root = field.split("[.\\[]", 2)[0];
        column = columnOfField.get(root);
        return column == null ? field : column + field.substring(root.length());
    }

    /** The field an NDJSON key is renamed to (the key itself when not renamed; null when dropped). */
    String renamedKey(String key) {
        String field = renames.getOrDefault(key, key);
        return ImportMapping.DROP.equals(field) ? null : field;
    }
}
