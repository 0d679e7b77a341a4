package dev.patron.host.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Money as integer minor units of one currency. Amounts cross the API as decimal strings in
 * major units ("129.90"), never binary floats, and are stored as the exact minor-unit count.
 */
public final class Money {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

    private Money() {
    }

    /**
     * Parses a decimal string in major units.
     *
     * @return minor units
     * @throws IllegalArgumentException with a message fit for a person when the text is not an
     *     amount of {@code currency} (malformed, or more decimals than the currency has)
     */
    public static long parse(String text, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a decimal string such as \"" + example(digits) + "\"");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > digits) {
            throw new IllegalArgumentException("has more than " + digits + " decimal places for " + currency.getCurrencyCode());
        }
        return value.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** Formats minor units as a plain decimal string in major units, e.g. 12990 → "129.90". */
    public static String format(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
    }

    /** Formats minor units for people: grouping commas, e.g. 123456789 → "1,234,567.89". */
    public static String display(long minor, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return String.format(java.util.Locale.ROOT, "%,." + digits + "f", BigDecimal.valueOf(minor, digits));
    }

    private static String example(int digits) {
        return digits == 0 ? "1299" : "129." + "9".repeat(1) + "0".repeat(digits - 1);
    }
}
