package dev.patron.plugin.rfm;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of customers, in percent, each ranked tier should hold: Platinum the top
 * {@code platinum}%, Gold the next {@code gold}%, Iron the next {@code iron}%; Lead holds the
 * rest. Arithmetic on the shares is done in decimal so that settings such as 0.1 and 0.2 add up
 * exactly, which keeps tier boundaries predictable from the settings.
 */
record TierPercents(double platinum, double gold, double iron) {

    /** The shares used when no tier setting is stored. */
    static final TierPercents DEFAULT = new TierPercents(1, 4, 15);

    /** The configured share of one ranked tier. */
    double own(ValueTier tier) {
        return switch (tier) {
            case PLATINUM -> platinum;
            case GOLD -> gold;
            case IRON -> iron;
            case LEAD -> throw new IllegalArgumentException("Lead has no configured share");
        };
    }

    /** The share of the tier and every tier above it, e.g. 5 for Gold with the defaults. */
    BigDecimal cumulative(ValueTier tier) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ValueTier ranked : ValueTier.RANKED) {
            sum = sum.add(BigDecimal.valueOf(own(ranked)));
            if (ranked == tier) {
                return sum;
            }
        }
        throw new IllegalArgumentException("Lead has no cumulative share");
    }

    /**
     * How many customers from the top reach the tier: {@code ceil(cumulative * n / 100)}. Zero
     * only when the cumulative share is zero, which leaves the tier empty.
     */
    long rank(ValueTier tier, int n) {
        return cumulative(tier).multiply(BigDecimal.valueOf(n))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .longValueExact();
    }

    /** A tier can hold customers only when its share together with those above it is positive. */
    boolean open(ValueTier tier) {
        return cumulative(tier).signum() > 0;
    }

    /** The cumulative share as people write it: "5", "0.5", "20". */
    String cumulativeText(ValueTier tier) {
        return cumulative(tier).stripTrailingZeros().toPlainString();
    }
}
