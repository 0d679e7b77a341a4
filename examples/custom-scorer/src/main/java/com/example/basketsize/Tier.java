package com.example.basketsize;

/** The basket-size tiers, smallest first. */
public enum Tier {
    SMALL("Small"),
    MEDIUM("Medium"),
    LARGE("Large"),
    PREMIUM("Premium");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    /** The label shown to staff and stored as the score's label. */
    public String label() {
        return label;
    }

    /** The key of this tier in settings and models, e.g. {@code large}. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
