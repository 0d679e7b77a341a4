package dev.patron.plugin.churn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Amounts the way explanations and alerts show them: the currency's number of fraction digits, a
 * dot before them and commas between thousands ({@code 1,234.50}), no currency sign, the same
 * whatever the server's locale.
 */
final class Money {

    private final int fractionDigits;

    Money(Currency currency) {
        this.fractionDigits = digits(currency);
    }

    /** An amount in minor units, e.g. 123450 → {@code 1,234.50} for USD. */
    String minor(long minorUnits) {
        return major(BigDecimal.valueOf(minorUnits).movePointLeft(fractionDigits));
    }

    /** An amount in major units (as the clv plugin reports CLV), e.g. 1234.5 → {@code 1,234.50}. */
    String major(double majorUnits) {
        return major(BigDecimal.valueOf(majorUnits));
    }

    private String major(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(fractionDigits, RoundingMode.HALF_UP);
        String sign = rounded.signum() < 0 ? "-" : "";
        String digits = rounded.abs().toPlainString();
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder out = new StringBuilder(sign);
        int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        out.append(whole, 0, first);
        for (int i = first; i < whole.length(); i += 3) {
            out.append(',').append(whole, i, i + 3);
        }
        return out.append(fraction).toString();
    }

    /** Major units (a MONEY setting) to whole minor units of {@code currency}, rounding half up. */
    static long toMinor(BigDecimal major, Currency currency) {
        return major.movePointRight(digits(currency)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static int digits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }
}
