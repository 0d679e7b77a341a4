package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiResponse;
import dev.patron.api.web.ApiRoute;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedemptionTest {

    @TempDir
    Path dir;

    @Test
    void aRedemptionTakesPointsAndRecordsWhoAndWhy() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 800_00);

            ApiResponse response = shop.redeem("c-1", 500, "k-1");

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.body()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("balance", 300L).containsEntry("points", -500L).containsEntry("replayed", false);
            assertThat(shop.bed.queryOne("SELECT kind, points, actor, reason FROM loyalty_entries WHERE kind = 'redeem'",
                    r -> r.text("kind") + " " + r.whole("points") + " by " + r.text("actor") + ": " + r.text("reason")))
                    .hasValue("redeem -500 by alice: voucher");
            assertThat(shop.balance("c-1")).isEqualTo(300);
            LedgerInvariants.check(shop.bed);
        }
    }

    @Test
    void anInsufficientBalanceIsRefusedWith409AndTheBalanceAndChangesNothing() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 120_00);

            ApiProblem problem = shop.problem("POST", "/accounts/c-1/redemptions",
                    Shop.body("points", 500, "idempotencyKey", "k-1", "reason", "too much"));

            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.extensions()).containsEntry("balance", 120L).containsEntry("requested", 500L);
            assertThat(problem.getMessage()).contains("120 points").contains("500");
            assertThat(shop.balance("c-1")).isEqualTo(120);
            assertThat(shop.kinds("c-1")).containsExactly("earn");
            // The refused key is free: the same key with a possible amount goes through.
            assertThat(shop.redeem("c-1", 100, "k-1").status()).isEqualTo(201);
        }
    }

    @Test
    void theSameKeyTwiceRedeemsOnceAndAnswersWithTheOriginalResult() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 800_00);

            ApiResponse first = shop.redeem("c-1", 500, "k-1");
            ApiResponse second = shop.redeem("c-1", 500, "k-1");

            assertThat(shop.balance("c-1")).isEqualTo(300);
            Map<?, ?> a = (Map<?, ?>) first.body();
            Map<?, ?> b = (Map<?, ?>) second.body();
            assertThat(b.get("entry")).isEqualTo(a.get("entry"));
            assertThat(b.get("balance")).isEqualTo(300L);
            assertThat(b.get("replayed")).isEqualTo(true);
            assertThat(shop.kinds("c-1")).containsExactly("earn", "redeem");
        }
    }

    @Test
    void aKeyReusedForAnotherRequestIsAConflict() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").customer("c-2").order("o-1", "c-1", "2026-06-01T10:00:00Z", 800_00)
                    .order("o-2", "c-2", "2026-06-01T10:00:00Z", 800_00);
            shop.redeem("c-1", 500, "k-1");

            ApiProblem otherAmount = shop.problem("POST", "/accounts/c-1/redemptions", Shop.body("points", 400, "idempotencyKey", "k-1"));
            ApiProblem otherCustomer = shop.problem("POST", "/accounts/c-2/redemptions", Shop.body("points", 500, "idempotencyKey", "k-1"));

            assertThat(otherAmount.status()).isEqualTo(409);
            assertThat(otherCustomer.status()).isEqualTo(409);
            assertThat(otherCustomer.fields()).containsKey("idempotencyKey");
            assertThat(shop.balance("c-2")).isEqualTo(800);
        }
    }

    @Test
    void redemptionSpendsTheSoonestExpiringPointsFirst() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1")
                    .order("o-new", "c-1", "2026-06-01T10:00:00Z", 100_00)
                    .order("o-old", "c-1", "2025-09-01T10:00:00Z", 100_00);

            shop.redeem("c-1", 150, "k-1");

            assertThat(shop.bed.query("SELECT e.order_id, u.points FROM loyalty_lot_uses u JOIN loyalty_entries e ON e.id = u.lot_id"
                    + " ORDER BY u.points DESC", r -> r.text("order_id") + ":" + r.whole("points")))
                    .containsExactly("o-old:100", "o-new:50");
        }
    }

    @Test
    void staffRoleIsRequiredToRedeemOrAdjust() {
        try (Shop shop = Shop.open(dir)) {
            assertThat(shop.web.routes()).filteredOn(r -> r.method().equals("POST")).extracting(ApiRoute::role)
                    .containsOnly("staff");
            assertThat(shop.web.routes()).filteredOn(r -> r.method().equals("GET")).extracting(ApiRoute::role)
                    .containsOnly("viewer");
        }
    }

    @Nested
    class Adjustments {

        @Test
        void addAndRemovePointsWithAReason() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");

                assertThat(shop.adjust("c-1", 50, "goodwill after a late delivery").status()).isEqualTo(201);
                assertThat(shop.adjust("c-1", -20, "double-counted goodwill").status()).isEqualTo(201);

                assertThat(shop.balance("c-1")).isEqualTo(30);
                assertThat(shop.bed.query("SELECT points, actor, reason FROM loyalty_entries ORDER BY id",
                        r -> r.whole("points") + " " + r.text("actor") + " " + r.text("reason")))
                        .containsExactly("50 alice goodwill after a late delivery", "-20 alice double-counted goodwill");
                LedgerInvariants.check(shop.bed);
            }
        }

        @Test
        void aRemovalBeyondTheBalanceIsRefused() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1").adjust("c-1", 10, "welcome");

                ApiProblem problem = shop.problem("POST", "/accounts/c-1/adjustments", Shop.body("points", -20, "reason", "oops"));

                assertThat(problem.status()).isEqualTo(409);
                assertThat(problem.extensions()).containsEntry("balance", 10L);
                assertThat(shop.balance("c-1")).isEqualTo(10);
            }
        }

        @Test
        void theSameKeyAdjustsOnce() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");
                shop.post("/accounts/c-1/adjustments", Shop.body("points", 10, "reason", "welcome", "idempotencyKey", "a-1"));
                shop.post("/accounts/c-1/adjustments", Shop.body("points", 10, "reason", "welcome", "idempotencyKey", "a-1"));
                assertThat(shop.balance("c-1")).isEqualTo(10);
            }
        }
    }

    @Nested
    class Refuses {

        @Test
        void invalidInputNamingEveryField() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");

                ApiProblem problem = shop.problem("POST", "/accounts/c-1/redemptions",
                        Shop.body("points", "five hundred", "reason", 7, "note", "x"));

                assertThat(problem.status()).isEqualTo(400);
                assertThat(problem.fields()).containsOnlyKeys("points", "idempotencyKey", "reason", "note");
                assertThat(problem.fields().get("points")).contains("whole number");
            }
        }

        @Test
        void zeroNegativeAndFractionalPoints() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");
                assertThat(shop.problem("POST", "/accounts/c-1/redemptions", Shop.body("points", 0, "idempotencyKey", "k")).fields())
                        .containsOnlyKeys("points");
                assertThat(shop.problem("POST", "/accounts/c-1/redemptions", Shop.body("points", -5, "idempotencyKey", "k")).fields())
                        .containsOnlyKeys("points");
                assertThat(shop.problem("POST", "/accounts/c-1/redemptions", Shop.body("points", 2.5, "idempotencyKey", "k")).fields())
                        .containsOnlyKeys("points");
                assertThat(shop.problem("POST", "/accounts/c-1/adjustments", Shop.body("points", 0, "reason", " ")).fields())
                        .containsOnlyKeys("points", "reason");
            }
        }

        @Test
        void aBodyThatIsNotAnObject() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");
                assertThat(shop.problem("POST", "/accounts/c-1/redemptions", java.util.List.of(1)).status()).isEqualTo(400);
            }
        }

        @Test
        void unknownCustomersWith404() {
            try (Shop shop = Shop.open(dir)) {
                assertThat(shop.problem("GET", "/accounts/nobody", null).status()).isEqualTo(404);
                assertThat(shop.problem("GET", "/accounts/nobody/ledger", null).status()).isEqualTo(404);
                assertThat(shop.problem("POST", "/accounts/nobody/redemptions", Shop.body("points", 1, "idempotencyKey", "k")).status())
                        .isEqualTo(404);
                assertThat(shop.problem("POST", "/accounts/nobody/adjustments", Shop.body("points", 1, "reason", "r")).status())
                        .isEqualTo(404);
            }
        }

        @Test
        void badPagingParameters() {
            try (Shop shop = Shop.open(dir)) {
                shop.customer("c-1");
                assertThat(shop.problem("GET", "/accounts/c-1/ledger?cursor=abc&limit=0", null).fields())
                        .containsOnlyKeys("cursor", "limit");
                assertThat(shop.problem("GET", "/expiring?days=0", null).fields()).containsOnlyKeys("days");
            }
        }
    }
}
