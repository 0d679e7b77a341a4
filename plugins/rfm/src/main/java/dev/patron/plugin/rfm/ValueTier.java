package dev.patron.plugin.rfm;

/**
 * The four levels of the customer pyramid, highest first. The names follow the metals of the
 * classic customer pyramid; only the shares (settings) decide who lands where.
 */
enum ValueTier {
    PLATINUM("Platinum"),
    GOLD("Gold"),
    IRON("Iron"),
    /** Everyone below the lowest tier threshold. */
    LEAD("Lead");

    /** The ranked tiers, i.e. all but {@link #LEAD}, in threshold order. */
    static final ValueTier[] RANKED = {PLATINUM, GOLD, IRON};

    private final String label;

    ValueTier(String label) {
        this.label = label;
    }

    /** The name shown as the {@code tier} score's label. */
    String label() {
        return label;
    }
}
