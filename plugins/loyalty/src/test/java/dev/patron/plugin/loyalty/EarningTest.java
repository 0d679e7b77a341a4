package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.events.OrderPlaced;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarningTest {

    @TempDir
    Path dir;

    @Test
    void anOrderEarnsOnePointPerCurrencyUnitRoundedDown() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 129_99);

            assertThat(shop.balance("c-1")).isEqualTo(129);
            assertThat(shop.kinds("c-1")).containsExactly("earn");
            LedgerInvariants.check(shop.bed);
        }
    }

    @Nested
    class Rounding {

        @Test
        void roundTakesTheNearestPointHalvesUp() {
            try (Shop shop = Shop.open(dir, Map.of("rounding", "round"))) {
                shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 10_50).order("o-2", "c-1", "2026-06-01T11:00:00Z", 10_49);
                assertThat(shop.balance("c-1")).isEqualTo(11 + 10);
            }
        }

        @Test
        void ceilRoundsEveryFractionUp() {
            try (Shop shop = Shop.open(dir, Map.of("rounding", "ceil"))) {
                shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 10_01);
                assertThat(shop.balance("c-1")).isEqualTo(11);
            }
        }

        @Test
        void fractionalRatesRoundOnceAtTheEnd() {
            try (Shop shop = Shop.open(dir, Map.of("pointsPerUnit", "0.1", "rounding", "floor"))) {
                shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 99_99);
                assertThat(shop.balance("c-1")).isEqualTo(9);
            }
        }

        @Test
        void currenciesWithoutMinorUnitsCountWholeUnits() {
            try (Shop shop = Shop.open(PluginTestbedFactory.yen(dir))) {
                shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 1_500);
                assertThat(shop.balance("c-1")).isEqualTo(1_500);
            }
        }
    }

    @Test
    void ordersBelowTheMinimumEarnNothing() {
        try (Shop shop = Shop.open(dir, Map.of("minimumOrder", "20.00"))) {
            shop.customer("c-1")
                    .order("o-1", "c-1", "2026-06-01T10:00:00Z", 19_99)
                    .order("o-2", "c-1", "2026-06-01T11:00:00Z", 20_00);

            assertThat(shop.balance("c-1")).isEqualTo(20);
            assertThat(shop.bed.query("SELECT order_id FROM loyalty_entries", r -> r.text("order_id"))).containsExactly("o-2");
        }
    }

    @Test
    void aCampaignMultipliesTheOrdersPlacedOnItsDays() {
        try (Shop shop = Shop.open(dir, Map.of("campaigns", "2026-06-10..2026-06-12 x2 Summer\n2026-06-12 x3 Flash"))) {
            shop.customer("c-1")
                    .order("o-before", "c-1", "2026-06-09T23:59:00Z", 100_00)
                    .order("o-first", "c-1", "2026-06-10T00:00:00Z", 100_00)
                    .order("o-flash", "c-1", "2026-06-12T12:00:00Z", 100_00)
                    .order("o-after", "c-1", "2026-06-13T00:00:00Z", 100_00);

            assertThat(shop.bed.query("SELECT order_id, points, detail FROM loyalty_entries ORDER BY id",
                    r -> r.text("order_id") + "=" + r.whole("points")))
                    .containsExactly("o-before=100", "o-first=200", "o-flash=300", "o-after=100");
            assertThat(shop.bed.queryOne("SELECT detail FROM loyalty_entries WHERE order_id = 'o-flash'", r -> r.text("detail")))
                    .hasValueSatisfying(d -> assertThat(d).contains("× 3 (Flash)"));
        }
    }

    @Test
    void campaignDaysAreCountedInTheShopZone() {
        try (Shop shop = Shop.open(PluginTestbedFactory.shanghai(dir, Map.of("campaigns", "2026-06-10..2026-06-10 x2 Local day")))) {
            // 2026-06-09T17:00Z is 01:00 on the 10th in Shanghai.
            shop.customer("c-1").order("o-1", "c-1", "2026-06-09T17:00:00Z", 10_00);
            assertThat(shop.balance("c-1")).isEqualTo(20);
        }
    }

    @Nested
    class NeverTwice {

        @Test
        void aRepostedOrderEarnsOnce() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 50_00).order("o-1", "c-1", "2026-06-01T10:00:00Z", 50_00);
                assertThat(shop.balance("c-1")).isEqualTo(50);
            }
        }

        @Test
        void aReplayedEventEarnsOnce() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");
                shop.bed.order("o-1", "c-1", "2026-06-01T10:00:00Z", 50_00);
                List<Object> recorded = shop.bed.pendingEvents();
                shop.bed.deliver(shop.events);

                shop.replay(recorded);
                shop.replay(recorded);

                assertThat(shop.balance("c-1")).isEqualTo(50);
                LedgerInvariants.check(shop.bed);
            }
        }

        @Test
        void theSameOrderTwiceInOneBatchEarnsOnce() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");
                OrderPlaced order = new OrderPlaced("o-1", "c-1", Instant.parse("2026-06-01T10:00:00Z"), 50_00, null, "import");
                shop.importOrders(List.of(order, order));
                assertThat(shop.balance("c-1")).isEqualTo(50);
            }
        }

        @Test
        void theDatabaseRefusesASecondEarnEntryForAnOrder() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 50_00);
                assertThatThrownBy(() -> shop.bed.update("INSERT INTO loyalty_entries (id, customer_id, kind, points, balance_after,"
                        + " occurred_at, recorded_at, idempotency_key, order_id) VALUES (999, 'c-1', 'earn', 50, 100, 0, 0, 'other', 'o-1')"))
                        .hasMessageMatching("(?is).*unique constraint.*");
            }
        }
    }

    @Nested
    class Imports {

        @Test
        void importedOrdersEarnAsOfTheDayTheyWerePlaced() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");
                shop.importOrders(List.of(imported("o-1", "c-1", "2026-03-01T10:00:00Z", 40_00),
                        imported("o-2", "c-1", "2026-04-01T10:00:00Z", 60_00)));

                assertThat(shop.balance("c-1")).isEqualTo(100);
                assertThat(shop.bed.query("SELECT expires_at FROM loyalty_lots ORDER BY entry_id", r -> Instant.ofEpochMilli(r.whole("expires_at"))))
                        .containsExactly(Instant.parse("2027-03-01T10:00:00Z"), Instant.parse("2027-04-01T10:00:00Z"));
            }
        }

        @Test
        void pointsOfOrdersOlderThanTheExpiryAreBornExpired() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");
                shop.importOrders(List.of(imported("o-old", "c-1", "2024-01-01T10:00:00Z", 40_00),
                        imported("o-new", "c-1", "2026-01-01T10:00:00Z", 60_00)));

                assertThat(shop.balance("c-1")).isEqualTo(60);
                assertThat(shop.kinds("c-1")).containsExactly("earn", "expire", "earn");
                LedgerInvariants.check(shop.bed);
            }
        }

        @Test
        void importsEarnNothingWhenEarnOnImportIsOff() {
            try (Shop shop = Shop.open(dir, Map.of("earnOnImport", "false"))) {
                shop.customer("c-1");
                shop.importOrders(List.of(imported("o-1", "c-1", "2026-06-01T10:00:00Z", 40_00)));
                shop.order("o-2", "c-1", "2026-06-02T10:00:00Z", 10_00);

                assertThat(shop.balance("c-1")).isEqualTo(10);
            }
        }

        @Test
        void aLargeChunkEarnsInOneBatch() {
            try (Shop shop = Shop.open(dir)) {
                List<OrderPlaced> orders = new ArrayList<>();
                for (int c = 0; c < 600; c++) {
                    shop.bed.customer("c-" + c);
                    for (int o = 0; o < 5; o++) {
                        orders.add(imported("o-" + c + "-" + o, "c-" + c, "2026-0" + (o + 1) + "-01T10:00:00Z", 10_00 + o));
                    }
                }
                shop.bed.deliver(shop.events);
                long started = System.nanoTime();
                shop.importOrders(orders);
                long millis = (System.nanoTime() - started) / 1_000_000;

                assertThat(shop.bed.queryOne("SELECT COUNT(*) AS n, SUM(points) AS p FROM loyalty_entries", r -> r.whole("n") + "/" + r.whole("p")))
                        .hasValue("3000/30000");
                assertThat(millis).as("well inside the host's 5 s limit per batch").isLessThan(5_000);
                shop.importOrders(orders);
                assertThat(shop.ledgerSum("c-7")).isEqualTo(50);
                LedgerInvariants.check(shop.bed);
            }
        }
    }

    static OrderPlaced imported(String id, String customer, String placedAt, long amountMinor) {
        return new OrderPlaced(id, customer, Instant.parse(placedAt), amountMinor, null, "import");
    }
}
