package dev.patron.host.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a file holds: customers, orders (one row per order, or invoice lines) or refunds. */
public enum ImportKind {
    ORDERS,
    CUSTOMERS,
    REFUNDS;

    /** The lower-case name used on the command line, in the API and in the store. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code orders}, {@code customers} or {@code refunds}, any case. */
    public static ImportKind parse(String text) {
        for (ImportKind kind : values()) {
            if (kind.json().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an import kind; use one of "
                + Arrays.stream(values()).map(ImportKind::json).collect(Collectors.joining(", ")));
    }
}
