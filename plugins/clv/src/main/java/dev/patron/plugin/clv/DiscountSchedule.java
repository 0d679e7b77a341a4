package dev.patron.plugin.clv;

import java.util.function.DoubleUnaryOperator;

/**
 * Monthly discrete discounting over a horizon, as in Fader and Hardie's discounted expected
 * residual transactions and the {@code customer_lifetime_value} of the {@code lifetimes} library:
 * the horizon is cut into months of 365.25 / 12 days (the last one shorter if the horizon is not
 * a whole number of months); the purchases expected in month j are the cumulative expectation at
 * its end minus that at its start; and they are discounted from the end of the month at the
 * annual rate, by {@code (1 + rate)^(-end in days / 365.25)}, which is the same as a monthly rate
 * of {@code (1 + rate)^(1/12) - 1} compounded per month.
 *
 * <p>With a rate of 0 every factor is 1 and the sum telescopes to the cumulative expectation at
 * the horizon.
 */
final class DiscountSchedule {

    static final double DAYS_PER_YEAR = 365.25;
    static final double DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

    /** Expected purchases over the horizon, undiscounted and discounted. */
    record Discounted(double expected, double discounted) {
    }

    private final double[] ends;
    private final double[] factors;

    DiscountSchedule(int horizonDays, double annualRate) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon must be at least one day, not " + horizonDays);
        }
        int months = (int) Math.ceil(horizonDays / DAYS_PER_MONTH - 1e-9);
        ends = new double[months];
        factors = new double[months];
        for (int j = 0; j < months; j++) {
            ends[j] = Math.min((j + 1) * DAYS_PER_MONTH, horizonDays);
            factors[j] = Math.pow(1 + annualRate, -ends[j] / DAYS_PER_YEAR);
        }
    }

    /** Number of periods (months, the last possibly partial). */
    int periods() {
        return ends.length;
    }

    /**
     * Discounts {@code cumulative}, the expected number of purchases in the next t days (0 at
     * t = 0, non-decreasing), over the horizon.
     */
    Discounted apply(DoubleUnaryOperator cumulative) {
        double previous = 0;
        double discounted = 0;
        for (int j = 0; j < ends.length; j++) {
            double current = cumulative.applyAsDouble(ends[j]);
            discounted += factors[j] * (current - previous);
            previous = current;
        }
        return new Discounted(previous, discounted);
    }
}
