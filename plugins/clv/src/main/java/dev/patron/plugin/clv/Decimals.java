package dev.patron.plugin.clv;

import java.util.Currency;

/**
 * Writes numbers the way explanations and console pages show them: a dot before the decimals and
 * commas between thousands, independent of the server's locale, so texts read the same wherever
 * the host runs. Money has the currency's usual number of decimals and no currency sign.
 * Hand-written to avoid a formatter allocation per score.
 */
final class Decimals {

    private final int moneyDigits;
    private final double minorPerMajor;

    Decimals(Currency currency) {
        // Pseudo-currencies report -1 fraction digits; show them as whole units.
        this.moneyDigits = Math.max(0, currency.getDefaultFractionDigits());
        this.minorPerMajor = Math.pow(10, moneyDigits);
    }

    /** Minor units per major unit: 100 for USD, 1 for JPY. */
    double minorPerMajor() {
        return minorPerMajor;
    }

    /** An amount in major units, e.g. {@code 1,234.50}. */
    String money(double major) {
        return fixed(major, moneyDigits);
    }

    /**
     * An amount in major units as the HTTP API writes money: a decimal string with the currency's
     * usual decimals and no separators, e.g. {@code 1234.50}.
     */
    String plainMoney(double major) {
        return java.math.BigDecimal.valueOf(major).setScale(moneyDigits, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** An amount in major units rounded to a whole minor unit, as a number. */
    double roundMoney(double major) {
        return Math.round(major * minorPerMajor) / minorPerMajor;
    }

    /** {@code value} with {@code digits} decimals and thousands separators, e.g. {@code fixed(1234.5, 2)} is {@code 1,234.50}. */
    static String fixed(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        double scaled = Math.abs(value) * scale;
        if (scaled >= 9e15) {
            return String.format(java.util.Locale.ROOT, "%,." + digits + "f", value);
        }
        long units = Math.round(scaled);
        StringBuilder text = new StringBuilder(24);
        if (value < 0 && units != 0) {
            text.append('-');
        }
        String whole = Long.toString(units / scale);
        int firstGroup = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        text.append(whole, 0, firstGroup);
        for (int i = firstGroup; i < whole.length(); i += 3) {
            text.append(',').append(whole, i, i + 3);
        }
        if (digits > 0) {
            String fraction = Long.toString(units % scale);
            text.append('.');
            for (int i = fraction.length(); i < digits; i++) {
                text.append('0');
            }
            text.append(fraction);
        }
        return text.toString();
    }

    /** A percentage without needless decimals: 30, 12.5. */
    static String percent(double percent) {
        return ClvSettings.text(Math.round(percent * 1e6) / 1e6);
    }

    /** A number of years: {@code 1 year}, {@code 2.5 years}. */
    static String years(double years) {
        String text = ClvSettings.text(Math.round(years * 100) / 100.0);
        return text + (text.equals("1") ? " year" : " years");
    }

    /** {@code 1 purchase day}, {@code 6 purchase days}. */
    static String purchaseDays(long count) {
        return count + (count == 1 ? " purchase day" : " purchase days");
    }

    /** {@code today}, {@code 1 day ago}, {@code 21 days ago}. */
    static String daysAgo(long days) {
        return days <= 0 ? "today" : days == 1 ? "1 day ago" : fixed(days, 0) + " days ago";
    }

    /** {@code 1 day}, {@code 310 days}. */
    static String days(long days) {
        return fixed(days, 0) + (days == 1 ? " day" : " days");
    }
}
