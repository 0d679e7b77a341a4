package dev.patron.host.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.store.BothStores;
import dev.patron.host.store.ScratchDatabase;
import dev.patron.host.store.Store;
import dev.patron.host.store.TestStores;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class CustomerWritesTest {

    @TempDir
    Path dir;
    private Store store;
    private ScratchDatabase db;
    private final ShopRepository shop = new ShopRepository();

    @BeforeEach
    void open(ScratchDatabase.Kind kind) {
        db = ScratchDatabase.create(kind, dir);
        store = db.migrated();
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private boolean upsert(Customer customer, long now) {
        return store.inTransaction(c -> shop.upsertCustomer(c, customer, now));
    }

    private java.util.Optional<Customer> find(String id) {
        return store.read(c -> shop.findCustomer(c, id));
    }

    private boolean exists(String id) {
        return store.read(c -> shop.customerExists(c, id));
    }

    @BothStores
    void firstUpsertCreatesAndSecondUpdates() {
        Customer first = new Customer("c-1", "Ann", "ann@example.com", null, Map.of());
        Customer changed = new Customer("c-1", "Ann Lee", "ann.lee@example.com", "+1 555", Map.of("vip", true));

        boolean created = upsert(first, 1_000);
        boolean createdAgain = upsert(changed, 2_000);

        assertThat(created).isTrue();
        assertThat(createdAgain).isFalse();
        assertThat(find("c-1")).contains(changed);
        assertThat(store.read(shop::countCustomers)).isEqualTo(1);
    }

    @BothStores
    void updateKeepsCreationTimeAndMovesUpdateTime() {
        upsert(new Customer("c-1", "Ann", null, null, Map.of()), 1_000);
        upsert(new Customer("c-1", "Ann Lee", null, null, Map.of()), 2_000);

        assertThat(TestStores.count(store, "SELECT created_at FROM customers WHERE id = 'c-1'")).isEqualTo(1_000);
        assertThat(TestStores.count(store, "SELECT updated_at FROM customers WHERE id = 'c-1'")).isEqualTo(2_000);
    }

    @BothStores
    void attributesRoundTripWithTheirJsonTypes() {
        Map<String, Object> attributes = new JsonObject("""
                {"budget": "50000.00", "decisionMaker": true, "visits": 3, "ratio": 0.25, "big": 5000000000,
                 "need": "gift boxes", "optedOut": false}""").getMap();
        Customer customer = new Customer("c-1", null, null, null, attributes);

        upsert(customer, 1_000);
        Customer stored = find("c-1").orElseThrow();

        assertThat(stored.attributes()).isEqualTo(attributes);
        assertThat(stored.attributes().get("decisionMaker")).isEqualTo(Boolean.TRUE);
        assertThat(stored.attributes().get("visits")).isEqualTo(3);
        assertThat(stored.attributes().get("ratio")).isEqualTo(0.25);
        assertThat(stored.attributes().get("big")).isEqualTo(5_000_000_000L);
        assertThat(stored.attributes().get("budget")).isEqualTo("50000.00");
    }

    @BothStores
    void updateReplacesTheWholeProfileNotMergesIt() {
        upsert(new Customer("c-1", "Ann", "ann@example.com", "+1", Map.of("budget", "100.00", "role", "owner")), 1_000);
        upsert(new Customer("c-1", null, null, null, Map.of("role", "director")), 2_000);

        Customer stored = find("c-1").orElseThrow();

        assertThat(stored).isEqualTo(new Customer("c-1", null, null, null, Map.of("role", "director")));
    }

    @BothStores
    void unknownCustomerIsEmpty() {
        assertThat(find("nobody")).isEmpty();
        assertThat(exists("nobody")).isFalse();
    }

    @BothStores
    void batchInsertStoresEveryCustomer() {
        List<Customer> customers = List.of(new Customer("c-1", "A", null, null, Map.of()),
                new Customer("c-2", "B", null, null, Map.of("x", 1)), new Customer("c-3", "C", null, null, null));

        store.inTransaction(c -> {
            shop.insertCustomers(c, customers, 1_000);
            return null;
        });

        assertThat(store.read(shop::countCustomers)).isEqualTo(3);
        for (Customer customer : customers) {
            assertThat(find(customer.id())).contains(customer);
        }
    }

    @BothStores
    void customerWithoutOrdersHasEmptyStats() {
        upsert(new Customer("c-1", "Ann", null, null, Map.of()), 1_000);

        CustomerStats stats = store.read(c -> shop.stats(c, "c-1"));

        assertThat(stats).isEqualTo(new CustomerStats(0, null, null, 0, 0, 0));
        assertThat(stats.netMinor()).isZero();
    }
}
