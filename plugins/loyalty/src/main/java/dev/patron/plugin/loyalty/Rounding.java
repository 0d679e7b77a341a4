package dev.patron.plugin.loyalty;

import java.math.RoundingMode;
import java.util.Locale;

/** How fractional points of an order are rounded to whole points (setting {@code rounding}). */
enum Rounding {
    /** Down: 12.9 points earn 12. The default: a shop never gives more than its rate promises. */
    FLOOR(RoundingMode.FLOOR),
    /** To the nearest, halves up: 12.5 earn 13. */
    ROUND(RoundingMode.HALF_UP),
    /** Up: 12.1 earn 13. */
    CEIL(RoundingMode.CEILING);

    private final RoundingMode mode;

    Rounding(RoundingMode mode) {
        this.mode = mode;
    }

    RoundingMode mode() {
        return mode;
    }

    String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Rounding parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
