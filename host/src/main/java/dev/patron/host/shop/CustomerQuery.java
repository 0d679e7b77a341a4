package dev.patron.host.shop;

import java.util.Locale;

/**
 * A page of the customer list.
 *
 * @param search matched as a substring of id, name or e-mail; null for all
 * @param segment only customers whose {@code segment} score has this label; null for all
 * @param tier only customers whose {@code tier} score has this label (e.g. Platinum); null for all
 * @param withOpenAlerts only customers with an unresolved alert
 * @param after keyset cursor: only ids after this one (with sort {@code id}); null to start at the beginning
 * @param page 1-based page number (ignored with a cursor)
 * @param size customers per page (1..500)
 */
public record CustomerQuery(String search, String segment, String tier, boolean withOpenAlerts, String after, Sort sort,
                            int page, int size) {

    /** A query with only search, segment and paging (the older shape). */
    public CustomerQuery(String search, String segment, Sort sort, int page, int size) {
        this(search, segment, null, false, null, sort, page, size);
    }

    public static final int MAX_SIZE = 500;

    /** Whether any filter narrows the list (the keyset cursor aside). */
    public boolean filtered() {
        return search != null || segment != null || tier != null || withOpenAlerts;
    }

    /**
     * The orderings the list offers; each names a fixed ORDER BY clause of {@code sql/shop.sql}
     * ({@code customerOrder.*}), never user text.
     */
    public enum Sort {
        ID, NAME, RECENT, CLV;

        /** The name of this ordering's statement in {@code sql/shop.sql}. */
        public String statement() {
            return "customerOrder." + name().toLowerCase(Locale.ROOT);
        }

        public static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return ID;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("sort", "'" + text + "' is not a sort order; use id, name, recent or clv");
            }
        }
    }
}
