package dev.patron.plugin.rfm;

/**
 * Tier thresholds by rank of M (the customer pyramid).
 *
 * <p>With {@code n} customers, a ranked tier's threshold is the M of the customer at rank
 * {@code ceil(cumulative% * n / 100)} counted from the top, and a customer belongs to the highest
 * tier whose threshold their M reaches ({@code M >= threshold}). Comparing against a value, not
 * a position, means customers with equal M always share a tier (a tier may then hold a little
 * more than its share), and a new customer is placed from the stored thresholds alone. Rounding
 * the rank up means a positive share always holds at least one customer, so in a small shop the
 * best customer is Platinum; with a share of 0 the tier is empty.
 */
final class ValueTiers {

    private ValueTiers() {
    }

    /**
     * Thresholds for Platinum, Gold and Iron from {@code sortedAscending[0..n)}; a tier that
     * cannot hold anyone (cumulative share 0) gets 0, which {@link #tierOf} ignores.
     */
    static double[] thresholds(double[] sortedAscending, int n, TierPercents percents) {
        double[] thresholds = new double[ValueTier.RANKED.length];
        for (int i = 0; i < ValueTier.RANKED.length; i++) {
            long rank = percents.rank(ValueTier.RANKED[i], n);
            thresholds[i] = rank == 0 ? 0 : sortedAscending[(int) (n - rank)];
        }
        return thresholds;
    }

    /** The tier of {@code monetary}; {@code open[i]} says whether ranked tier i can hold anyone. */
    static ValueTier tierOf(double monetary, double[] thresholds, boolean[] open) {
        for (int i = 0; i < thresholds.length; i++) {
            if (open[i] && monetary >= thresholds[i]) {
                return ValueTier.RANKED[i];
            }
        }
        return ValueTier.LEAD;
    }
}
