package dev.patron.host.shop;

import java.util.Locale;

/**
 * A page of the customer list.
 *
 * @param search matched as a substring of id, name or e-mail; null for all
 * @param segment only customers whose {@code segment} score has this label; null for all
 * @param page 1-based page number
 * @param size customers per page (1..500)
 */
public record CustomerQuery(String search, String segment, Sort sort, int page, int size) {

    public static final int MAX_SIZE = 500;

    /** The orderings the list offers; each maps to a fixed SQL clause, never to user text. */
    public enum Sort {
        ID("c.id"),
        NAME("c.name IS NULL, LOWER(c.name), c.id"),
        RECENT("(SELECT MAX(o.placed_at) FROM orders o WHERE o.customer_id = c.id) DESC, c.id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public String orderBy() {
            return orderBy;
        }

        public static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return ID;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("sort", "'" + text + "' is not a sort order; use id, name or recent");
            }
        }
    }
}
