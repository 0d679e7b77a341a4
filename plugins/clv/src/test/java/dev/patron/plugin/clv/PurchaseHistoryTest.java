package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.patron.api.scoring.CustomerSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PurchaseHistoryTest {

    private final PurchaseHistory history = new PurchaseHistory();

    @Test
    void ordersOnOneDayAreOnePurchaseWithTheirAmountsSummed() {
        CustomerSummary c = Customers.customer("c").order(Customers.at(30), 10_00).order(Customers.at(30) + 600, 5_00)
                .order(Customers.at(20), 20_00).order(Customers.at(10), 7_00).order(Customers.at(10) + 60, 3_00).build();
        assertThat(history.read(c, Customers.AS_OF.toEpochDay())).isTrue();
        assertThat(history.purchaseDays()).isEqualTo(3);
        assertThat(history.repeatDays()).isEqualTo(2);
        assertThat(history.lastPurchaseAfterFirstDays()).isEqualTo(20);
        assertThat(history.firstDay()).isEqualTo(Customers.AS_OF.minusDays(30).toEpochDay());
        assertThat(history.netMinor()).isEqualTo(45_00);
        assertThat(history.repeatNetMinor()).isEqualTo(30_00);
        assertThat(history.repeatMeanNetMinor()).isEqualTo(15_00);
        assertThat(history.averageNetMinor()).isEqualTo(15_00);
    }

    @Test
    void countsDaysInTheShopZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalDate asOf = LocalDate.of(2026, 1, 10);
        // 2026-01-02T15:30Z is 23:30 on the 2nd in Shanghai; 16:30Z is already the 3rd.
        CustomerSummary c = CustomerSummary.builder("c", asOf, shanghai)
                .order(Instant.parse("2026-01-02T15:30:00Z"), 1_00).order(Instant.parse("2026-01-02T16:30:00Z"), 1_00).build();
        assertThat(history.read(c, asOf.toEpochDay())).isTrue();
        assertThat(history.purchaseDays()).isEqualTo(2);
        assertThat(history.firstDay()).isEqualTo(LocalDate.of(2026, 1, 2).toEpochDay());
        // New York keeps daylight saving time: the rules are looked up per instant.
        ZoneId newYork = ZoneId.of("America/New_York");
        CustomerSummary summer = CustomerSummary.builder("s", LocalDate.of(2026, 7, 10), newYork)
                .order(Instant.parse("2026-07-02T03:30:00Z"), 1_00).build(); // 23:30 on 1 July in New York (UTC-4)
        assertThat(history.read(summer, LocalDate.of(2026, 7, 10).toEpochDay())).isTrue();
        assertThat(history.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1).toEpochDay());
    }

    @Test
    void stopsAtTheCutOff() {
        CustomerSummary c = Customers.buyer("c", 10_00, 30, 20, 10);
        assertThat(history.read(c, Customers.AS_OF.minusDays(15).toEpochDay())).isTrue();
        assertThat(history.purchaseDays()).isEqualTo(2);
        assertThat(history.read(c, Customers.AS_OF.minusDays(31).toEpochDay())).isFalse();
    }

    @Test
    void refundsMakeSpendNetBySharesKept() {
        CustomerSummary c = Customers.customer("c").order(Customers.at(30), 100_00).order(Customers.at(20), 100_00)
                .order(Customers.at(10), 200_00).refund(Customers.at(5), 100_00).refund(Customers.at(1), 400_00).build();
        assertThat(history.read(c, Customers.AS_OF.minusDays(3).toEpochDay())).isTrue(); // the second refund comes later
        assertThat(history.keptShare()).isCloseTo(0.75, within(1e-15));
        assertThat(history.netMinor()).isEqualTo(300_00);
        assertThat(history.repeatMeanNetMinor()).isEqualTo(112_50);
        assertThat(history.read(c, Customers.AS_OF.toEpochDay())).isTrue();
        assertThat(history.keptShare()).isZero(); // refunds above the orders leave nothing, never less
        assertThat(history.netMinor()).isZero();
    }
}
