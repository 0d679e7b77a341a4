package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefundTest {

    @TempDir
    Path dir;

    @Test
    void partialRefundsReverseProportionallyAndAddUpToExactlyWhatTheOrderEarned() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 100_00)
                    .refund("r-1", "o-1", 33_33, "2026-06-02T10:00:00Z")
                    .refund("r-2", "o-1", 33_33, "2026-06-03T10:00:00Z")
                    .refund("r-3", "o-1", 33_34, "2026-06-04T10:00:00Z");

            assertThat(shop.bed.query("SELECT refund_id, points FROM loyalty_entries WHERE kind = 'reverse' ORDER BY id",
                    r -> r.text("refund_id") + ":" + r.whole("points"))).containsExactly("r-1:-33", "r-2:-33", "r-3:-34");
            assertThat(shop.balance("c-1")).isZero();
            LedgerInvariants.check(shop.bed);
        }
    }

    @Test
    void aTinyRefundThatRoundsToNoPointsReversesNothingYet() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 100_00)
                    .refund("r-1", "o-1", 50, "2026-06-02T10:00:00Z")
                    .refund("r-2", "o-1", 50, "2026-06-02T11:00:00Z");

            assertThat(shop.balance("c-1")).isEqualTo(99);
            assertThat(shop.bed.query("SELECT share FROM loyalty_reversals ORDER BY refund_id", r -> r.whole("share"))).containsExactly(0L, 1L);
        }
    }

    @Test
    void aRefundReversesOnceWhateverIsReplayed() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 100_00);
            shop.bed.refund("r-1", "o-1", 50_00, "2026-06-02T10:00:00Z");
            List<Object> recorded = shop.bed.pendingEvents();
            shop.bed.deliver(shop.events);

            shop.replay(recorded);

            assertThat(shop.balance("c-1")).isEqualTo(50);
        }
    }

    @Test
    void aRefundOfAnOrderThatEarnedNothingTakesNothing() {
        try (Shop shop = Shop.open(dir, Map.of("minimumOrder", "50.00"))) {
            shop.customer("c-1").order("o-big", "c-1", "2026-06-01T10:00:00Z", 100_00)
                    .order("o-small", "c-1", "2026-06-01T11:00:00Z", 10_00)
                    .refund("r-1", "o-small", 10_00, "2026-06-02T10:00:00Z");

            assertThat(shop.balance("c-1")).isEqualTo(100);
        }
    }

    @Test
    void pointsThatAlreadyExpiredAreNotTakenAgain() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1")
                    .order("o-old", "c-1", "2025-05-01T10:00:00Z", 100_00)
                    .order("o-new", "c-1", "2026-06-01T10:00:00Z", 100_00)
                    .refund("r-1", "o-old", 100_00, "2026-06-02T10:00:00Z");

            assertThat(shop.balance("c-1")).isEqualTo(100);
            assertThat(shop.bed.queryOne("SELECT forgiven, from_balance, deferred FROM loyalty_reversals",
                    r -> r.whole("forgiven") + "/" + r.whole("from_balance") + "/" + r.whole("deferred"))).hasValue("100/0/0");
            LedgerInvariants.check(shop.bed);
        }
    }

    @Test
    void whenTheOrdersPointsWereSpentOtherPointsAreTakenFirst() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1")
                    .order("o-a", "c-1", "2026-05-01T10:00:00Z", 100_00)
                    .order("o-b", "c-1", "2026-06-01T10:00:00Z", 100_00);
            shop.redeem("c-1", 100, "k-1");  // spends o-a's points, the sooner to expire
            shop.refund("r-1", "o-a", 100_00, "2026-06-10T10:00:00Z");

            assertThat(shop.balance("c-1")).isZero();
            assertThat(shop.account("c-1")).containsEntry("owed", 0L);
            LedgerInvariants.check(shop.bed);
        }
    }

    @Nested
    class AfterPartialRedemption {

        @Test
        void negativePolicyTakesTheWholeShareAndTheBalanceGoesBelowZero() {
            try (Shop shop = Shop.open(dir, Map.of("refundPolicy", "negative"))) {
                shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 100_00);
                shop.redeem("c-1", 60, "k-1");
                shop.refund("r-1", "o-1", 100_00, "2026-06-05T10:00:00Z");

                assertThat(shop.balance("c-1")).isEqualTo(-60);
                assertThat(shop.bed.queryOne("SELECT points FROM loyalty_entries WHERE kind = 'reverse'", r -> r.whole("points")))
                        .hasValue(-100L);
                assertThat(shop.problem("POST", "/accounts/c-1/redemptions", Shop.body("points", 1, "idempotencyKey", "k-2"))
                        .extensions()).containsEntry("balance", -60L);

                // The next earning pays the debt first: 100 earned, 60 of them back the earlier reversal.
                shop.order("o-2", "c-1", "2026-06-10T10:00:00Z", 100_00);
                assertThat(shop.balance("c-1")).isEqualTo(40);
                assertThat(shop.kinds("c-1")).containsExactly("earn", "redeem", "reverse", "earn");
                assertThat(shop.redeem("c-1", 40, "k-3").status()).isEqualTo(201);
                LedgerInvariants.check(shop.bed);
            }
        }

        @Test
        void clampPolicyTakesWhatIsLeftAndCollectsTheRestFromLaterEarnings() {
            try (Shop shop = Shop.open(dir, Map.of("refundPolicy", "clamp"))) {
                shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 100_00);
                shop.redeem("c-1", 60, "k-1");
                shop.refund("r-1", "o-1", 100_00, "2026-06-05T10:00:00Z");

                assertThat(shop.balance("c-1")).isZero();
                assertThat(shop.account("c-1")).containsEntry("owed", 60L);
                assertThat(shop.bed.queryOne("SELECT points FROM loyalty_entries WHERE kind = 'reverse'", r -> r.whole("points")))
                        .hasValue(-40L);

                shop.order("o-2", "c-1", "2026-06-10T10:00:00Z", 50_00);
                assertThat(shop.balance("c-1")).isZero();
                assertThat(shop.account("c-1")).containsEntry("owed", 10L);

                shop.order("o-3", "c-1", "2026-06-11T10:00:00Z", 100_00);
                assertThat(shop.balance("c-1")).isEqualTo(90);
                assertThat(shop.account("c-1")).containsEntry("owed", 0L);
                assertThat(shop.kinds("c-1")).containsExactly("earn", "redeem", "reverse", "earn", "reverse", "earn", "reverse");
                // Reversals and collections together never exceed what the order earned.
                assertThat(shop.bed.queryOne("SELECT SUM(points) AS s FROM loyalty_entries WHERE kind = 'reverse' AND order_id = 'o-1'",
                        r -> r.whole("s"))).hasValue(-100L);
                LedgerInvariants.check(shop.bed);
            }
        }

        @Test
        void aPositiveAdjustmentAlsoPaysTheDebtFirst() {
            try (Shop shop = Shop.open(dir, Map.of("refundPolicy", "clamp"))) {
                shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 100_00);
                shop.redeem("c-1", 100, "k-1");
                shop.refund("r-1", "o-1", 50_00, "2026-06-05T10:00:00Z");
                shop.adjust("c-1", 80, "goodwill");

                assertThat(shop.balance("c-1")).isEqualTo(30);
                LedgerInvariants.check(shop.bed);
            }
        }
    }
}
