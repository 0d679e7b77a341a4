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

class OrderPlacementTest {

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
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private static Order order(String id, String customerId, long amountMinor) {
        return new Order(id, customerId, T, amountMinor, "USD", "web", List.of());
    }

    private List<OrderOutcome> place(String path, Order... orders) {
        return store.inTransaction(c -> shop.placeOrders(c, List.of(orders), path, 5_000));
    }

    private long orderRows() {
        return TestStores.count(store, "SELECT COUNT(*) FROM orders");
    }

    private List<Order> ordersOf(String customerId) {
        return store.read(c -> shop.orders(c, customerId, 10));
    }

    @BothStores
    void newOrdersAreStoredAndReportedCreated() {
        Order withLines = new Order("o-2", "c-2", T.plusSeconds(60), 3000, "USD", null,
                List.of(new OrderLine("TEA-01", 2, 1000), new OrderLine("CUP", 1, 1000)));

        List<OrderOutcome> outcomes = place("orders", order("o-1", "c-1", 12990), withLines);

        assertThat(outcomes).containsExactly(OrderOutcome.CREATED, OrderOutcome.CREATED);
        assertThat(ordersOf("c-1")).containsExactly(order("o-1", "c-1", 12990));
        assertThat(ordersOf("c-2")).containsExactly(withLines);
        assertThat(store.read(shop::orderTotals)).containsExactly(2, 15990);
    }

    @BothStores
    void sameOrderPostedTwiceIsStoredOnce() {
        place("", order("o-1", "c-1", 12990));

        List<OrderOutcome> again = place("", order("o-1", "c-1", 12990));

        assertThat(again).containsExactly(OrderOutcome.UNCHANGED);
        assertThat(orderRows()).isEqualTo(1);
        assertThat(TestStores.count(store, "SELECT received_at FROM orders WHERE id = 'o-1'")).isEqualTo(5_000);
    }

    @BothStores
    void retriedBatchStoresOnlyItsNewOrders() {
        place("orders", order("o-1", "c-1", 100), order("o-2", "c-1", 200));

        List<OrderOutcome> outcomes = place("orders", order("o-1", "c-1", 100), order("o-3", "c-2", 300),
                order("o-2", "c-1", 200));

        assertThat(outcomes).containsExactly(OrderOutcome.UNCHANGED, OrderOutcome.CREATED, OrderOutcome.UNCHANGED);
        assertThat(orderRows()).isEqualTo(3);
    }

    @BothStores
    void sameOrderTwiceInOneBatchIsStoredOnce() {
        List<OrderOutcome> outcomes = place("orders", order("o-1", "c-1", 100), order("o-1", "c-1", 100));

        assertThat(outcomes).containsExactly(OrderOutcome.CREATED, OrderOutcome.UNCHANGED);
        assertThat(orderRows()).isEqualTo(1);
    }

    @BothStores
    void storedOrdersOfUnknownCustomersAreNotCheckedAgain() {
        place("", order("o-1", "c-1", 100));

        assertThat(place("orders", order("o-1", "c-1", 100))).containsExactly(OrderOutcome.UNCHANGED);
    }

    @Nested
    class Refused {

        @BothStores
        void sameIdWithOtherContentConflictsAndNothingFromTheBatchIsWritten() {
            place("", order("o-1", "c-1", 12990));

            assertThatThrownBy(() -> place("orders", order("o-2", "c-1", 100), order("o-1", "c-1", 99)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("o-1")
                    .hasMessageContaining("Nothing was written");
            assertThat(orderRows()).isEqualTo(1);
            assertThat(ordersOf("c-1")).containsExactly(order("o-1", "c-1", 12990));
        }

        @BothStores
        void everyContentFieldTakesPartInTheConflictCheck() {
            Order stored = new Order("o-1", "c-1", T, 100, "USD", "web", List.of(new OrderLine("A", 1, 100)));
            place("", stored);
            List<Order> variants = List.of(
                    new Order("o-1", "c-2", T, 100, "USD", "web", stored.lines()),
                    new Order("o-1", "c-1", T.plusMillis(1), 100, "USD", "web", stored.lines()),
                    new Order("o-1", "c-1", T, 101, "USD", "web", stored.lines()),
                    new Order("o-1", "c-1", T, 100, "USD", "store", stored.lines()),
                    new Order("o-1", "c-1", T, 100, "USD", "web", List.of(new OrderLine("A", 2, 50))));

            for (Order variant : variants) {
                assertThatThrownBy(() -> place("", variant)).as(variant.toString()).isInstanceOf(ConflictException.class);
            }
            assertThat(orderRows()).isEqualTo(1);
        }

        @BothStores
        void sameIdWithOtherContentInsideOneBatchConflicts() {
            assertThatThrownBy(() -> place("orders", order("o-1", "c-1", 100), order("o-1", "c-1", 200)))
                    .isInstanceOf(ConflictException.class);
            assertThat(orderRows()).isZero();
        }

        @BothStores
        void unknownCustomerIsNamedByPathAndNothingIsWritten() {
            assertThatThrownBy(() -> place("orders", order("o-1", "c-1", 100), order("o-2", "ghost", 100),
                    order("o-3", "c-2", 100), order("o-4", "ghost", 100)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field)
                                .containsExactly("orders[1].customerId", "orders[3].customerId");
                        assertThat(e.errors().get(0).message()).contains("'ghost' is not a known customer");
                    });
            assertThat(orderRows()).isZero();
        }

        @BothStores
        void unknownCustomerOfASingleOrderIsNamedWithoutPrefix() {
            assertThatThrownBy(() -> place("", order("o-1", "ghost", 100)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("customerId"));
            assertThat(orderRows()).isZero();
        }
    }
}
