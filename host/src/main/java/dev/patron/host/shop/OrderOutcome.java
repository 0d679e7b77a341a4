package dev.patron.host.shop;

/** What a write did with one order or refund: stored it, or found the identical one already stored. */
public enum OrderOutcome {
    CREATED,
    UNCHANGED;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
