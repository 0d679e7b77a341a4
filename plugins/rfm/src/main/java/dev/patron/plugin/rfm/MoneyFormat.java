package dev.patron.plugin.rfm;

import java.util.Currency;

/**
 * Writes minor-unit amounts the way explanations show them: the currency's default number of
 * fraction digits, a dot before them and commas between thousands ({@code 1,234.50}), with no
 * currency sign. One fixed style, independent of the server's locale, so explanations read the
 * same wherever the host runs; hand-written to avoid a formatter allocation per score.
 */
final class MoneyFormat {

    private final int fractionDigits;
    private final long minorPerMajor;

    MoneyFormat(Currency currency) {
        // Pseudo-currencies report -1 fraction digits; show them as whole units.
        this.fractionDigits = Math.max(0, currency.getDefaultFractionDigits());
        long scale = 1;
        for (int i = 0; i < fractionDigits; i++) {
            scale *= 10;
        }
        this.minorPerMajor = scale;
    }

    /** {@code minorUnits} rounded to a whole minor unit (average spend can be fractional), as text. */
    String format(double minorUnits) {
        long minor = Math.round(minorUnits);
        StringBuilder text = new StringBuilder(24);
        if (minor < 0) {
            text.append('-');
        }
        long absolute = Math.abs(minor);
        String major = Long.toString(absolute / minorPerMajor);
        int firstGroup = major.length() % 3 == 0 ? 3 : major.length() % 3;
        text.append(major, 0, firstGroup);
        for (int i = firstGroup; i < major.length(); i += 3) {
            text.append(',').append(major, i, i + 3);
        }
        if (fractionDigits > 0) {
            String fraction = Long.toString(absolute % minorPerMajor);
            text.append('.');
            for (int i = fraction.length(); i < fractionDigits; i++) {
                text.append('0');
            }
            text.append(fraction);
        }
        return text.toString();
    }
}
