package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DiscountScheduleTest {

    @Test
    void cutsTheHorizonIntoMonths() {
        assertThat(new DiscountSchedule(365, 0.1).periods()).isEqualTo(12);
        assertThat(new DiscountSchedule(366, 0.1).periods()).isEqualTo(13);
        assertThat(new DiscountSchedule(30, 0.1).periods()).isEqualTo(1);
        assertThat(new DiscountSchedule(3650, 0.1).periods()).isEqualTo(120);
    }

    @Test
    void zeroDiscountIsTheUndiscountedSum() {
        DiscountSchedule schedule = new DiscountSchedule(365, 0);
        DiscountSchedule.Discounted d = schedule.apply(t -> CDNOW_WEEKS.expectedPurchases(2, 30.43, 38.86, t / 7));
        assertThat(d.discounted()).isCloseTo(d.expected(), within(1e-12));
        assertThat(d.expected()).isCloseTo(CDNOW_WEEKS.expectedPurchases(2, 30.43, 38.86, 365 / 7.0), within(1e-12));
    }

    @Test
    void discountsEachMonthFromItsEnd() {
        // A steady 12 purchases a year: one per month, each discounted from the month's end.
        double rate = 0.1;
        DiscountSchedule.Discounted d = new DiscountSchedule(365, rate).apply(t -> 12 * t / 365.25);
        double expected = 0;
        for (int j = 1; j <= 11; j++) {
            expected += Math.pow(1 + rate, -j / 12.0);
        }
        double lastMonth = 12 * (365 - 11 * 365.25 / 12) / 365.25; // the 12th month ends at day 365, not 365.25
        expected += lastMonth * Math.pow(1 + rate, -365 / 365.25);
        assertThat(d.discounted()).isCloseTo(expected, within(1e-12));
        assertThat(d.expected()).isCloseTo(12 * 365 / 365.25, within(1e-12));
        assertThat(d.discounted()).isLessThan(d.expected());
    }

    @Test
    void aHigherRateDiscountsMore() {
        double previous = Double.POSITIVE_INFINITY;
        for (double rate : new double[] {0, 0.05, 0.1, 0.5, 1}) {
            double value = new DiscountSchedule(730, rate).apply(t -> t / 30).discounted();
            assertThat(value).isLessThan(previous);
            previous = value;
        }
    }

    private static final BgNbd CDNOW_WEEKS = BgNbdTest.CDNOW;
}
