package dev.patron.host.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.Refund;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.BothStores;
import dev.patron.host.store.ScratchDatabase;
import dev.patron.host.store.Store;
import dev.patron.host.store.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SummaryReaderTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate AS_OF = LocalDate.parse("2026-01-02");
    /** 2026-01-02 23:59:59 in Shanghai: the last second of the as-of day. */
    private static final Instant LAST_SECOND = Instant.parse("2026-01-02T15:59:59Z");
    /** 2026-01-03 00:30 in Shanghai: already the next day. */
    private static final Instant NEXT_DAY = Instant.parse("2026-01-02T16:30:00Z");

    @TempDir
    Path dir;
    private Store store;
    private ScratchDatabase db;
    private final ShopRepository shop = new ShopRepository();
    private final SummaryReader reader = new SummaryReader(SHANGHAI);
    private final List<Order> orders = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();

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

    private static Customer customer(String id, Map<String, Object> attributes) {
        return new Customer(id, null, null, null, attributes);
    }

    private void order(String id, String customerId, String placedAt, long amountMinor) {
        orders.add(new Order(id, customerId, Instant.parse(placedAt), amountMinor, "CNY", null, List.of()));
    }

    private void refund(String id, String orderId, String at, long amountMinor) {
        refunds.add(new Refund(id, orderId, amountMinor, Instant.parse(at)));
    }

    private void save(List<Customer> customers) {
        Map<String, String> customerByOrder = new HashMap<>();
        orders.forEach(o -> customerByOrder.put(o.id(), o.customerId()));
        store.inTransaction(c -> {
            shop.insertCustomers(c, customers, 0);
            shop.insertOrders(c, orders, 0);
            shop.insertRefunds(c, refunds, customerByOrder, 0);
            return null;
        });
    }

    private Map<String, CustomerSummary> readAll(LocalDate asOf) {
        List<CustomerSummary> all = store.read(c -> reader.readAll(c, asOf, n -> { }));
        Map<String, CustomerSummary> byId = new LinkedHashMap<>();
        all.forEach(s -> byId.put(s.id(), s));
        return byId;
    }

    private CustomerSummary readOne(String id, LocalDate asOf) {
        return store.read(c -> reader.readOne(c, id, asOf));
    }

    /** Everything a summary holds, in a form that compares by value. */
    private static List<String> facts(CustomerSummary s) {
        List<String> facts = new ArrayList<>();
        facts.add(s.id() + " " + s.asOf() + " " + s.zone() + " " + new java.util.TreeMap<>(s.attributes()));
        for (int i = 0; i < s.orderCount(); i++) {
            facts.add("order " + s.orderPlacedAt(i) + " " + s.orderAmountMinor(i));
        }
        for (int i = 0; i < s.refundCount(); i++) {
            facts.add("refund " + s.refundedAt(i) + " " + s.refundAmountMinor(i));
        }
        return facts;
    }

    private static List<Long> orderAmounts(CustomerSummary s) {
        List<Long> amounts = new ArrayList<>();
        for (int i = 0; i < s.orderCount(); i++) {
            amounts.add(s.orderAmountMinor(i));
        }
        return amounts;
    }

    private static List<Long> refundAmounts(CustomerSummary s) {
        List<Long> amounts = new ArrayList<>();
        for (int i = 0; i < s.refundCount(); i++) {
            amounts.add(s.refundAmountMinor(i));
        }
        return amounts;
    }

    private void closelySortedShop() {
        order("o-1", "c-1", "2025-12-01T02:00:00Z", 100);
        order("o-2", "c-10", "2025-12-02T02:00:00Z", 1_000);
        order("o-3", "c-1", "2025-11-01T02:00:00Z", 101);
        order("o-4", "c-2", "2025-12-03T02:00:00Z", 200);
        order("o-5", "c-10", "2025-12-04T02:00:00Z", 1_001);
        order("o-6", "c-20", "2025-12-05T02:00:00Z", 2_000);
        order("o-7", "c-2", "2025-12-06T02:00:00Z", 201);
        refund("r-1", "o-2", "2025-12-10T02:00:00Z", 300);
        refund("r-2", "o-6", "2025-12-11T02:00:00Z", 2_000);
        refund("r-3", "o-5", "2025-12-12T02:00:00Z", 1);
        save(List.of(customer("a-lead", Map.of()), customer("c-1", Map.of()), customer("c-10", Map.of()),
                customer("c-11", Map.of()), customer("c-2", Map.of()), customer("c-20", Map.of()),
                customer("c-3", Map.of()), customer("z-lead", Map.of())));
    }

    @BothStores
    void onePassGivesEachCustomerExactlyTheirOwnOrdersAndRefunds() {
        closelySortedShop();

        Map<String, CustomerSummary> all = readAll(AS_OF);

        assertThat(all.keySet()).containsExactly("a-lead", "c-1", "c-10", "c-11", "c-2", "c-20", "c-3", "z-lead");
        assertThat(orderAmounts(all.get("c-1"))).containsExactly(101L, 100L);
        assertThat(orderAmounts(all.get("c-10"))).containsExactly(1_000L, 1_001L);
        assertThat(orderAmounts(all.get("c-2"))).containsExactly(200L, 201L);
        assertThat(orderAmounts(all.get("c-20"))).containsExactly(2_000L);
        assertThat(refundAmounts(all.get("c-10"))).containsExactly(300L, 1L);
        assertThat(refundAmounts(all.get("c-20"))).containsExactly(2_000L);
        for (String empty : List.of("a-lead", "c-11", "c-3", "z-lead")) {
            assertThat(all.get(empty).hasOrders()).as(empty).isFalse();
            assertThat(all.get(empty).refundCount()).as(empty).isZero();
        }
        assertThat(all.get("c-1").refundCount()).isZero();
        assertThat(all.get("c-10").netSpendMinor()).isEqualTo(2_001 - 301);
        assertThat(all.get("c-20").netSpendMinor()).isZero();
    }

    @BothStores
    void theGroupedAndTheMergedPassBuildTheSameSummaries() {
        closelySortedShop();
        order("o-8", "c-1", "2025-12-01T02:00:00Z", 7);
        order("o-9", "c-3", "2026-01-01T15:59:59Z", 0);
        refund("r-4", "o-8", "2025-12-01T02:00:00Z", 7);

        List<List<String>> merged = store.read(c -> reader.readMerged(c, AS_OF, n -> { })).stream()
                .map(SummaryReaderTest::facts).toList();
        List<List<String>> grouped = store.read(c -> reader.readGrouped(c, AS_OF, n -> { })).stream()
                .map(SummaryReaderTest::facts).toList();

        assertThat(grouped).isEqualTo(merged).hasSize(8);
    }

    @BothStores
    void everySummaryCarriesTheAsOfDateAndShopZone() {
        closelySortedShop();

        for (CustomerSummary summary : readAll(AS_OF).values()) {
            assertThat(summary.asOf()).isEqualTo(AS_OF);
            assertThat(summary.zone()).isEqualTo(SHANGHAI);
        }
    }

    @BothStores
    void ordersAndRefundsAfterTheAsOfDayInTheShopZoneAreLeftOut() {
        order("o-1", "c-1", "2026-01-01T10:00:00Z", 100);
        order("o-2", "c-1", LAST_SECOND.toString(), 200);
        order("o-3", "c-1", NEXT_DAY.toString(), 400);
        refund("r-1", "o-1", LAST_SECOND.toString(), 10);
        refund("r-2", "o-1", NEXT_DAY.toString(), 20);
        save(List.of(customer("c-1", Map.of())));

        CustomerSummary asOfSecond = readAll(AS_OF).get("c-1");
        CustomerSummary asOfThird = readAll(AS_OF.plusDays(1)).get("c-1");

        assertThat(orderAmounts(asOfSecond)).containsExactly(100L, 200L);
        assertThat(refundAmounts(asOfSecond)).containsExactly(10L);
        assertThat(asOfSecond.daysSinceLastOrder()).isZero();
        assertThat(orderAmounts(asOfThird)).containsExactly(100L, 200L, 400L);
        assertThat(refundAmounts(asOfThird)).containsExactly(10L, 20L);
        assertThat(asOfThird.orderDay(2)).isEqualTo(LocalDate.parse("2026-01-03"));
    }

    @BothStores
    void attributesComeThroughAsText() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("budget", "50000.00");
        attributes.put("decisionMaker", true);
        attributes.put("visits", 3);
        attributes.put("ratio", 0.5);
        attributes.put("note", null);
        save(List.of(customer("c-1", attributes), customer("c-2", Map.of())));

        Map<String, CustomerSummary> all = readAll(AS_OF);

        assertThat(all.get("c-1").attributes()).containsOnly(Map.entry("budget", "50000.00"),
                Map.entry("decisionMaker", "true"), Map.entry("visits", "3"), Map.entry("ratio", "0.5"));
        assertThat(all.get("c-2").attributes()).isEmpty();
    }

    @BothStores
    void readOneEqualsTheMatchingEntryOfReadAll() {
        closelySortedShop();
        order("o-8", "c-10", NEXT_DAY.toString(), 5_000);
        refund("r-4", "o-8", NEXT_DAY.plusSeconds(60).toString(), 5_000);
        store.inTransaction(c -> {
            shop.insertOrders(c, orders.subList(orders.size() - 1, orders.size()), 0);
            shop.insertRefunds(c, refunds.subList(refunds.size() - 1, refunds.size()), Map.of("o-8", "c-10"), 0);
            return null;
        });

        for (LocalDate asOf : List.of(AS_OF, AS_OF.plusDays(1))) {
            Map<String, CustomerSummary> all = readAll(asOf);
            for (CustomerSummary summary : all.values()) {
                assertThat(facts(readOne(summary.id(), asOf))).as(summary.id() + " as of " + asOf)
                        .isEqualTo(facts(summary));
            }
        }
    }

    @BothStores
    void readOneOfAnUnknownCustomerIsNull() {
        assertThat(readOne("nobody", AS_OF)).isNull();
    }

    @BothStores
    void progressEndsWithTheNumberOfCustomers() {
        closelySortedShop();
        List<Long> reported = new ArrayList<>();

        store.read(c -> reader.readAll(c, AS_OF, reported::add));

        assertThat(reported).containsExactly(8L);
    }
}
