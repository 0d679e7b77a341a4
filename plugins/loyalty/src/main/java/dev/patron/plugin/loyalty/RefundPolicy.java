package dev.patron.plugin.loyalty;

import java.util.Locale;

/**
 * What a refund does when the points it should take back were already spent (setting
 * {@code refundPolicy}). Either way the shortfall is recorded as a debt that the customer's next
 * credits pay off first; the policies differ in when the balance shows it.
 */
enum RefundPolicy {
    /** The reverse entry takes the whole share at once: the balance may fall below zero. */
    NEGATIVE,
    /** The reverse entry takes what is left; the rest is taken from later credits as they arrive. */
    CLAMP;

    String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RefundPolicy parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
