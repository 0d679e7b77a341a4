package dev.patron.plugin.loyalty;

import java.util.Locale;

/** What qualifies a customer for a tier over the rolling window (setting {@code tierBasis}). */
enum TierBasis {
    /** Money spent: orders placed in the window less what was refunded of them (minor units). */
    SPEND,
    /** Points earned in the window less what refunds of those orders reversed. */
    POINTS;

    String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TierBasis parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
