package dev.patron.host.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.host.store.BothStores;
import dev.patron.host.store.ScratchDatabase;
import dev.patron.host.store.Store;
import dev.patron.host.store.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

class RefundTest {

    private static final Instant T = Instant.parse("2026-01-02T10:00:00Z");

    @TempDir
    Path dir;
    private Store store;
    private ScratchDatabase db;
    private final ShopRepository shop = new ShopRepository();

    @BeforeEach
    void open(ScratchDatabase.Kind kind) {
        db = ScratchDatabase.create(kind, dir);
        store = db.migrated();
        store.inTransaction(c -> {
            shop.insertCustomers(c, List.of(new Customer("c-1", "Ann", null, null, Map.of()),
                    new Customer("c-2", "Bo", null, null, Map.of())), 0);
            shop.placeOrders(c, List.of(
                    new Order("o-1", "c-1", T, 10_000, "USD", "web", List.of()),
                    new Order("o-2", "c-1", T.plusSeconds(3_600), 2_500, "USD", "store", List.of()),
                    new Order("o-3", "c-2", T, 700, "USD", null, List.of())), "orders", 0);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private RefundOutcome refund(String id, String orderId, long amountMinor, Instant at) {
        return store.inTransaction(c -> shop.addRefund(c, new Refund(id, orderId, amountMinor, at), 0));
    }

    private long refundRows() {
        return TestStores.count(store, "SELECT COUNT(*) FROM refunds");
    }

    private List<Order> ordersOf(String customerId, int limit) {
        return store.read(c -> shop.orders(c, customerId, limit));
    }

    private List<Refund> refundsOf(String customerId, int limit) {
        return store.read(c -> shop.refunds(c, customerId, limit));
    }

    @BothStores
    void refundIsStoredAgainstTheOrdersCustomer() {
        RefundOutcome outcome = refund("r-1", "o-1", 6_000, T.plusSeconds(86_400));

        assertThat(outcome).isEqualTo(new RefundOutcome(OrderOutcome.CREATED, "c-1", 10_000, 0));
        assertThat(refundsOf("c-1", 10))
                .containsExactly(new Refund("r-1", "o-1", 6_000, T.plusSeconds(86_400)));
        assertThat(refundsOf("c-2", 10)).isEmpty();
    }

    @BothStores
    void exactlyTheRestCanBeRefunded() {
        refund("r-1", "o-1", 6_000, T.plusSeconds(60));

        RefundOutcome rest = refund("r-2", "o-1", 4_000, T.plusSeconds(120));

        assertThat(rest.outcome()).isEqualTo(OrderOutcome.CREATED);
        assertThat(refundRows()).isEqualTo(2);
    }

    @BothStores
    void sameRefundTwiceIsStoredOnce() {
        refund("r-1", "o-1", 6_000, T.plusSeconds(60));

        RefundOutcome again = refund("r-1", "o-1", 6_000, T.plusSeconds(60));

        assertThat(again.outcome()).isEqualTo(OrderOutcome.UNCHANGED);
        assertThat(again.customerId()).isEqualTo("c-1");
        assertThat(refundRows()).isEqualTo(1);
    }

    @BothStores
    void retryOfARefundThatUsedUpTheOrderIsStillUnchanged() {
        refund("r-1", "o-1", 10_000, T.plusSeconds(60));

        assertThat(refund("r-1", "o-1", 10_000, T.plusSeconds(60)).outcome()).isEqualTo(OrderOutcome.UNCHANGED);
    }

    @BothStores
    void statsSumOrdersAndRefundsOfOneCustomer() {
        refund("r-1", "o-1", 1_000, T.plusSeconds(60));
        refund("r-2", "o-2", 500, T.plusSeconds(7_200));
        refund("r-3", "o-3", 700, T.plusSeconds(60));

        CustomerStats stats = store.read(c -> shop.stats(c, "c-1"));

        assertThat(stats).isEqualTo(new CustomerStats(2, T, T.plusSeconds(3_600), 12_500, 2, 1_500));
        assertThat(stats.netMinor()).isEqualTo(11_000);
    }

    @BothStores
    void ordersAndRefundsAreListedNewestFirstUpToTheLimit() {
        refund("r-1", "o-1", 1_000, T.plusSeconds(60));
        refund("r-2", "o-2", 500, T.plusSeconds(7_200));

        assertThat(ordersOf("c-1", 10)).extracting(Order::id).containsExactly("o-2", "o-1");
        assertThat(ordersOf("c-1", 1)).extracting(Order::id).containsExactly("o-2");
        assertThat(refundsOf("c-1", 10)).extracting(Refund::id).containsExactly("r-2", "r-1");
        assertThat(refundsOf("c-1", 1)).extracting(Refund::id).containsExactly("r-2");
    }

    @Nested
    class Refused {

        @BothStores
        void moreThanTheUnrefundedAmount() {
            refund("r-1", "o-1", 6_000, T.plusSeconds(60));

            assertThatThrownBy(() -> refund("r-2", "o-1", 4_001, T.plusSeconds(120)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("amount");
                        assertThat(e.getMessage()).contains("o-1").contains("4000");
                    });
            assertThat(refundRows()).isEqualTo(1);
        }

        @BothStores
        void moreThanTheWholeOrderAtOnce() {
            assertThatThrownBy(() -> refund("r-1", "o-3", 701, T.plusSeconds(60))).isInstanceOf(InvalidInputException.class);
            assertThat(refundRows()).isZero();
        }

        @BothStores
        void refundDatedBeforeItsOrder() {
            assertThatThrownBy(() -> refund("r-1", "o-1", 100, T.minusSeconds(1)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("refundedAt"));
            assertThat(refundRows()).isZero();
        }

        @BothStores
        void refundOfAnUnknownOrder() {
            assertThatThrownBy(() -> refund("r-1", "o-404", 100, T))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("o-404");
            assertThat(refundRows()).isZero();
        }

        @BothStores
        void sameRefundIdWithOtherContent() {
            refund("r-1", "o-1", 1_000, T.plusSeconds(60));

            assertThatThrownBy(() -> refund("r-1", "o-1", 2_000, T.plusSeconds(60)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("r-1");
            assertThatThrownBy(() -> refund("r-1", "o-2", 1_000, T.plusSeconds(60))).isInstanceOf(ConflictException.class);
            assertThat(store.read(c -> shop.stats(c, "c-1")).refundedMinor()).isEqualTo(1_000);
        }
    }
}
