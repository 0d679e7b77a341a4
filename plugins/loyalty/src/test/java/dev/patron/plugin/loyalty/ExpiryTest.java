package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpiryTest {

    @TempDir
    Path dir;

    @Test
    void theDailyJobExpiresOnlyWhatWasNotRedeemed() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2025-07-10T10:00:00Z", 100_00);
            shop.redeem("c-1", 30, "k-1");

            shop.bed.setTime("2026-07-11T00:05:00Z");
            assertThat(shop.expiry.expire()).isEqualTo(1);
            assertThat(shop.expiry.expire()).as("a lot expires once").isZero();

            assertThat(shop.bed.query("SELECT points, occurred_at FROM loyalty_entries WHERE kind = 'expire'",
                    r -> r.whole("points") + "@" + java.time.Instant.ofEpochMilli(r.whole("occurred_at"))))
                    .containsExactly("-70@2026-07-10T10:00:00Z");
            assertThat(shop.ledgerSum("c-1")).isZero();
            LedgerInvariants.check(shop.bed);
        }
    }

    @Test
    void lotsExpireOneByOneOnTheirOwnDates() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1")
                    .order("o-1", "c-1", "2025-07-10T10:00:00Z", 100_00)
                    .order("o-2", "c-1", "2025-08-10T10:00:00Z", 50_00);

            shop.bed.setTime("2026-07-11T00:05:00Z");
            shop.expiry.expire();
            assertThat(shop.ledgerSum("c-1")).isEqualTo(50);
            shop.bed.setTime("2026-08-11T00:05:00Z");
            shop.expiry.expire();
            assertThat(shop.ledgerSum("c-1")).isZero();
        }
    }

    @Test
    void theAccountNeverShowsExpiredPointsEvenBeforeTheJobRuns() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2025-07-10T10:00:00Z", 100_00);
            shop.bed.setTime("2026-07-10T10:00:00Z");
            assertThat(shop.balance("c-1")).isZero();
            assertThat(shop.kinds("c-1")).containsExactly("earn", "expire");
        }
    }

    @Test
    void customersWithPointsExpiringSoonAreListedSoonestFirst() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").customer("c-2").customer("c-3")
                    .order("o-1", "c-1", "2025-07-20T10:00:00Z", 100_00)
                    .order("o-2", "c-2", "2025-07-05T10:00:00Z", 40_00)
                    .order("o-3", "c-2", "2025-07-25T10:00:00Z", 10_00)
                    .order("o-4", "c-3", "2026-01-05T10:00:00Z", 70_00);
            shop.redeem("c-1", 100, "k-1");

            Map<String, Object> expiring = shop.getJson("/expiring?days=30");

            assertThat(expiring).containsEntry("totalCustomers", 1L).containsEntry("totalPoints", 50L);
            assertThat((List<?>) expiring.get("customers")).singleElement().asString()
                    .contains("customerId=c-2", "points=50", "firstExpiresOn=2026-07-05", "lots=2");
            assertThat(shop.account("c-2").get("expiringSoon")).asString().contains("points=50").contains("expiresOn=2026-07-05");
            assertThat(shop.account("c-3").get("expiringSoon")).asString().contains("points=0");
            assertThat(shop.getJson("/expiring?days=200")).containsEntry("totalCustomers", 2L);
        }
    }

    @Test
    void pointsNeverExpireWhenExpiryIsOff() {
        try (Shop shop = Shop.open(dir, Map.of("expiryMonths", "0"))) {
            shop.customer("c-1").order("o-1", "c-1", "2020-01-01T10:00:00Z", 100_00);
            shop.expiry.expire();
            assertThat(shop.balance("c-1")).isEqualTo(100);
        }
    }

    @Test
    void expiryCountsMonthsInTheShopZone() {
        try (Shop shop = Shop.open(PluginTestbedFactory.shanghai(dir, Map.of("expiryMonths", "1")))) {
            shop.customer("c-1").order("o-1", "c-1", "2026-01-31T10:00:00Z", 100_00);
            assertThat(shop.bed.queryOne("SELECT expires_at FROM loyalty_lots", r -> java.time.Instant.ofEpochMilli(r.whole("expires_at"))))
                    .hasValue(java.time.Instant.parse("2026-02-28T10:00:00Z"));
        }
    }
}
