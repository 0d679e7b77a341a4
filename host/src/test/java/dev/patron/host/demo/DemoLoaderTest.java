package dev.patron.host.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.Refund;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.Store;
import dev.patron.host.store.TestStores;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLoaderTest {

    private static final LocalDate END = LocalDate.parse("2026-01-31");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Currency CNY = Currency.getInstance("CNY");

    @TempDir
    Path dir;
    private Store store;
    private final ShopRepository shop = new ShopRepository();

    @BeforeEach
    void open() {
        store = TestStores.migrated(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void loadsExactlyWhatTheGeneratorMakes() {
        List<Customer> customers = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        List<Refund> refunds = new ArrayList<>();
        new DemoShop(7, END, ZONE, CNY).generate(300, (c, o, r) -> {
            customers.add(c);
            orders.addAll(o);
            refunds.addAll(r);
        });
        List<Long> progress = new ArrayList<>();

        DemoLoader.Totals totals = new DemoLoader(store).load(300, 7, END, ZONE, CNY, progress::add);

        assertThat(totals).isEqualTo(new DemoLoader.Totals(300, orders.size(), refunds.size()));
        assertThat(store.read(shop::countCustomers)).isEqualTo(300);
        assertThat(TestStores.count(store, "SELECT COUNT(*) FROM orders")).isEqualTo(orders.size());
        assertThat(TestStores.count(store, "SELECT COUNT(*) FROM refunds")).isEqualTo(refunds.size());
        assertThat(TestStores.count(store, "SELECT COALESCE(SUM(amount_minor), 0) FROM orders"))
                .isEqualTo(orders.stream().mapToLong(Order::amountMinor).sum());
        assertThat(progress).last().isEqualTo(300L);
        Customer sample = customers.get(123);
        assertThat(store.read(c -> shop.findCustomer(c, sample.id())).orElseThrow().id()).isEqualTo(sample.id());
    }

    @Test
    void refundsAreStoredUnderTheCustomerOfTheirOrder() {
        new DemoLoader(store).load(500, 11, END, ZONE, CNY, n -> { });

        assertThat(TestStores.count(store, "SELECT COUNT(*) FROM refunds")).isPositive();
        assertThat(TestStores.count(store,
                "SELECT COUNT(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.customer_id <> o.customer_id")).isZero();
    }

    @Test
    void moreCustomersThanOneChunkAreWrittenInSeveralTransactions() {
        List<Long> progress = new ArrayList<>();

        DemoLoader.Totals totals = new DemoLoader(store).load(5_001, 3, END, ZONE, CNY, progress::add);

        assertThat(progress).containsExactly(5_000L, 5_001L);
        assertThat(totals.customers()).isEqualTo(5_001);
        assertThat(store.read(shop::countCustomers)).isEqualTo(5_001);
    }

    @Nested
    class Refused {

        @Test
        void aDatabaseThatAlreadyHoldsCustomers() {
            store.inTransaction(c -> {
                shop.insertCustomers(c, List.of(new Customer("mine", "Real customer", null, null, Map.of())), 0);
                return null;
            });

            assertThatThrownBy(() -> new DemoLoader(store).load(10, 1, END, ZONE, CNY, n -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already holds 1 customers")
                    .hasMessageContaining("empty database");
            assertThat(store.read(shop::countCustomers)).isEqualTo(1);
            assertThat(TestStores.count(store, "SELECT COUNT(*) FROM orders")).isZero();
        }

        @Test
        void aSecondLoadIntoTheSameDatabase() {
            new DemoLoader(store).load(20, 1, END, ZONE, CNY, n -> { });

            assertThatThrownBy(() -> new DemoLoader(store).load(20, 2, END, ZONE, CNY, n -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already holds 20 customers");
            assertThat(store.read(shop::countCustomers)).isEqualTo(20);
        }
    }
}
