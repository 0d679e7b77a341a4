package dev.patron.plugin.lead;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Writes amounts of the shop currency the way explanations show them: at least the currency's
 * number of fraction digits, a dot before them and commas between thousands
 * ({@code 50,000.00}), no currency sign, independent of the server's locale.
 */
final class Amounts {

    private final int fractionDigits;

    Amounts(Currency currency) {
        // Pseudo-currencies report -1 fraction digits; show them as whole units.
        this.fractionDigits = Math.max(0, currency.getDefaultFractionDigits());
    }

    /** {@code amount} with grouping; never rounded, so a budget just under a threshold never prints as equal. */
    String format(BigDecimal amount) {
        int scale = Math.max(fractionDigits, Math.max(0, amount.stripTrailingZeros().scale()));
        return String.format(Locale.ROOT, "%,." + scale + "f", amount);
    }
}
