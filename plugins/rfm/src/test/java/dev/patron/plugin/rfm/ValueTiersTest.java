package dev.patron.plugin.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValueTiersTest {

    private static ValueTier[] tiersOf(TierPercents percents, double... spend) {
        double[] sorted = spend.clone();
        Arrays.sort(sorted);
        double[] thresholds = ValueTiers.thresholds(sorted, sorted.length, percents);
        boolean[] open = new boolean[3];
        for (int i = 0; i < 3; i++) {
            open[i] = percents.open(ValueTier.RANKED[i]);
        }
        return Arrays.stream(spend).mapToObj(m -> ValueTiers.tierOf(m, thresholds, open)).toArray(ValueTier[]::new);
    }

    @Test
    void thresholdsSitAtTheRoundedUpRankFromTheTop() {
        // n = 200, defaults: ranks ceil(2) = 2, ceil(10) = 10, ceil(40) = 40 from the top of 1..200
        double[] sorted = IntStream.rangeClosed(1, 200).asDoubleStream().toArray();
        assertThat(ValueTiers.thresholds(sorted, 200, TierPercents.DEFAULT)).containsExactly(199, 191, 161);
        ValueTier[] tiers = tiersOf(TierPercents.DEFAULT, sorted);
        assertThat(Arrays.stream(tiers).filter(t -> t == ValueTier.PLATINUM)).hasSize(2);
        assertThat(Arrays.stream(tiers).filter(t -> t == ValueTier.GOLD)).hasSize(8);
        assertThat(Arrays.stream(tiers).filter(t -> t == ValueTier.IRON)).hasSize(30);
        assertThat(Arrays.stream(tiers).filter(t -> t == ValueTier.LEAD)).hasSize(160);
    }

    @Test
    void customersWithEqualSpendAlwaysShareATier() {
        // n = 10, defaults: ranks 1, ceil(0.5) = 1, ceil(2) = 2 -> thresholds 500, 500, 400
        assertThat(tiersOf(TierPercents.DEFAULT, 500, 400, 400, 300, 300, 300, 200, 100, 100, 100)).containsExactly(
                ValueTier.PLATINUM, ValueTier.IRON, ValueTier.IRON, ValueTier.LEAD, ValueTier.LEAD,
                ValueTier.LEAD, ValueTier.LEAD, ValueTier.LEAD, ValueTier.LEAD, ValueTier.LEAD);
    }

    @Test
    void aTieAtTheTopPutsEveryTiedCustomerInTheTopTier() {
        assertThat(tiersOf(TierPercents.DEFAULT, 900, 900, 900, 10, 10)).startsWith(
                ValueTier.PLATINUM, ValueTier.PLATINUM, ValueTier.PLATINUM);
    }

    @Test
    void inASmallShopTheBestCustomerIsPlatinum() {
        assertThat(tiersOf(TierPercents.DEFAULT, 1234)).containsExactly(ValueTier.PLATINUM);
        assertThat(tiersOf(TierPercents.DEFAULT, 10, 20, 30)).containsExactly(ValueTier.LEAD, ValueTier.LEAD,
                ValueTier.PLATINUM);
    }

    @Test
    void aZeroShareLeavesThatTierEmpty() {
        TierPercents noPlatinum = new TierPercents(0, 20, 0);
        // n = 10: Platinum rank 0 (empty), Gold rank 2, Iron rank 2 (same threshold, so empty too)
        assertThat(tiersOf(noPlatinum, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).containsExactly(
                ValueTier.LEAD, ValueTier.LEAD, ValueTier.LEAD, ValueTier.LEAD, ValueTier.LEAD,
                ValueTier.LEAD, ValueTier.LEAD, ValueTier.LEAD, ValueTier.GOLD, ValueTier.GOLD);
        assertThat(tiersOf(new TierPercents(0, 0, 0), 1, 2, 3)).containsOnly(ValueTier.LEAD);
    }

    @Test
    void fractionalSharesAddUpExactly() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary; the rank must still be ceil(0.3 * 1000 / 100) = 3
        TierPercents percents = new TierPercents(0.1, 0.2, 0);
        assertThat(percents.rank(ValueTier.GOLD, 1000)).isEqualTo(3);
        assertThat(percents.cumulativeText(ValueTier.GOLD)).isEqualTo("0.3");
        assertThat(percents.rank(ValueTier.PLATINUM, 1000)).isEqualTo(1);
    }

    @Test
    void theWholePopulationCanBeTiered() {
        assertThat(tiersOf(new TierPercents(20, 30, 50), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).doesNotContain(ValueTier.LEAD);
    }
}
