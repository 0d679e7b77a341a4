package dev.patron.host.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.scoring.Score;
import dev.patron.host.scoring.ScoreRepository;
import dev.patron.host.scoring.ScoreRow;
import dev.patron.host.shop.CustomerQuery.Sort;
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
import org.junit.jupiter.api.io.TempDir;

class CustomerListTest {

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
            shop.insertCustomers(c, List.of(
                    new Customer("c-1", "Ann Lee", "ann@example.com", null, Map.of()),
                    new Customer("c-2", "100% Tea", "tea@shop.cn", null, Map.of()),
                    new Customer("c-3", "A_b Trading", "ab@trading.io", null, Map.of()),
                    new Customer("c-4", "Axb Co", "axb@co.io", null, Map.of()),
                    new Customer("c-5", null, null, null, Map.of()),
                    new Customer("c-10", "Zed", "zed@example.com", null, Map.of())), 0);
            shop.insertOrders(c, List.of(
                    new Order("o-1", "c-3", T, 100, "USD", null, List.of()),
                    new Order("o-2", "c-1", T.plusSeconds(60), 100, "USD", null, List.of()),
                    new Order("o-3", "c-3", T.minusSeconds(86_400), 100, "USD", null, List.of()),
                    new Order("o-4", "c-10", T.minusSeconds(60), 100, "USD", null, List.of())), 0);
            new ScoreRepository().write(c, List.of(
                    label("c-1", "rfm", "segment", "Champions"),
                    label("c-3", "rfm", "segment", "Champions"),
                    label("c-2", "rfm", "segment", "At Risk"),
                    label("c-4", "rfm", "tier", "Champions"),
                    label("c-3", "rfm", "tier", "Gold")), false);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private static ScoreRow label(String customerId, String plugin, String name, String label) {
        return new ScoreRow(customerId, plugin, Score.labelled(name, label, "because"), "run-1", 1_000);
    }

    private Page<CustomerRow> list(String search, String segment, Sort sort, int page, int size) {
        return store.read(c -> shop.listCustomers(c, new CustomerQuery(search, segment, sort, page, size)));
    }

    private List<String> ids(String search, String segment, Sort sort) {
        return list(search, segment, sort, 1, 100).items().stream().map(CustomerRow::id).toList();
    }

    @BothStores
    void withoutFiltersEveryCustomerIsListedById() {
        Page<CustomerRow> page = list(null, null, Sort.ID, 1, 100);

        assertThat(page.items()).extracting(CustomerRow::id).containsExactly("c-1", "c-10", "c-2", "c-3", "c-4", "c-5");
        assertThat(page.total()).isEqualTo(6);
    }

    @BothStores
    void searchMatchesASubstringOfNameEmailOrId() {
        assertThat(ids("lee", null, Sort.ID)).containsExactly("c-1");
        assertThat(ids("shop.cn", null, Sort.ID)).containsExactly("c-2");
        assertThat(ids("c-1", null, Sort.ID)).containsExactly("c-1", "c-10");
        assertThat(ids("EXAMPLE.COM", null, Sort.ID)).containsExactly("c-1", "c-10");
        assertThat(ids("nothing like it", null, Sort.ID)).isEmpty();
    }

    @BothStores
    void percentInTheSearchIsALiteralPercent() {
        assertThat(ids("%", null, Sort.ID)).containsExactly("c-2");
        assertThat(ids("100%", null, Sort.ID)).containsExactly("c-2");
    }

    @BothStores
    void underscoreInTheSearchIsALiteralUnderscore() {
        assertThat(ids("_", null, Sort.ID)).containsExactly("c-3");
        assertThat(ids("a_b", null, Sort.ID)).containsExactly("c-3");
    }

    @BothStores
    void backslashInTheSearchIsALiteralBackslash() {
        assertThat(ids("\\", null, Sort.ID)).isEmpty();
        assertThat(list("\\%", null, Sort.ID, 1, 10).total()).isZero();
    }

    @BothStores
    void segmentFilterKeepsCustomersWithThatSegmentLabelOnly() {
        Page<CustomerRow> champions = list(null, "Champions", Sort.ID, 1, 100);

        assertThat(champions.items()).extracting(CustomerRow::id).containsExactly("c-1", "c-3");
        assertThat(champions.total()).isEqualTo(2);
        assertThat(ids(null, "Lost", Sort.ID)).isEmpty();
    }

    @BothStores
    void segmentAndTierFiltersMatchTheLabelOfAnyPluginButNeverAnotherScores() {
        store.inTransaction(c -> {
            new ScoreRepository().write(c, List.of(label("c-5", "acme", "segment", "Champions"), label("c-10", "acme", "tier", "Gold")),
                    false);
            return null;
        });

        assertThat(ids(null, "Champions", Sort.ID)).as("rfm's and acme's Champions, not c-4 whose tier is called so")
                .containsExactly("c-1", "c-3", "c-5");
        Page<CustomerRow> gold = store.read(c -> shop.listCustomers(c, new CustomerQuery(null, null, "Gold", false, null, Sort.ID, 1, 100)));
        assertThat(gold.items()).extracting(CustomerRow::id).containsExactly("c-10", "c-3");
        assertThat(gold.total()).isEqualTo(2);
        Page<CustomerRow> both = store.read(c -> shop.listCustomers(c,
                new CustomerQuery(null, "Champions", "Gold", false, null, Sort.ID, 1, 100)));
        assertThat(both.items()).extracting(CustomerRow::id).containsExactly("c-3");
        assertThat(both.total()).isEqualTo(1);
    }

    @BothStores
    void aCursorStartsAfterItsIdAndTheTotalStillCountsEveryMatch() {
        Page<CustomerRow> after = store.read(c -> shop.listCustomers(c, new CustomerQuery(null, null, null, false, "c-2", Sort.ID, 1, 2)));
        assertThat(after.items()).extracting(CustomerRow::id).containsExactly("c-3", "c-4");
        assertThat(after.total()).isEqualTo(6);

        Page<CustomerRow> champions = store.read(c -> shop.listCustomers(c,
                new CustomerQuery("a", "Champions", null, false, "c-1", Sort.ID, 1, 10)));
        assertThat(champions.items()).extracting(CustomerRow::id).containsExactly("c-3");
        assertThat(champions.total()).isEqualTo(2);
    }

    @BothStores
    void searchAndSegmentCombine() {
        assertThat(ids("trading", "Champions", Sort.ID)).containsExactly("c-3");
        assertThat(ids("trading", "At Risk", Sort.ID)).isEmpty();
    }

    @BothStores
    void rowsCarryTheirLabelScores() {
        Map<String, CustomerRow> rows = new java.util.HashMap<>();
        list(null, null, Sort.ID, 1, 100).items().forEach(r -> rows.put(r.id(), r));

        assertThat(rows.get("c-3").labels()).containsExactly(Map.entry("rfm.segment", "Champions"), Map.entry("rfm.tier", "Gold"));
        assertThat(rows.get("c-2").labels()).containsExactly(Map.entry("rfm.segment", "At Risk"));
        assertThat(rows.get("c-5").labels()).isEmpty();
        assertThat(rows.get("c-1").name()).isEqualTo("Ann Lee");
        assertThat(rows.get("c-1").email()).isEqualTo("ann@example.com");
    }

    @BothStores
    void sortByNamePutsCustomersWithoutANameLast() {
        assertThat(ids(null, null, Sort.NAME)).containsExactly("c-2", "c-3", "c-1", "c-4", "c-10", "c-5");
    }

    @BothStores
    void sortByRecentPutsTheLatestBuyerFirstAndCustomersWithoutOrdersLast() {
        assertThat(ids(null, null, Sort.RECENT)).containsExactly("c-1", "c-3", "c-10", "c-2", "c-4", "c-5");
    }

    @BothStores
    void pagesSplitTheListAndReportTheTotal() {
        Page<CustomerRow> first = list(null, null, Sort.ID, 1, 4);
        Page<CustomerRow> second = list(null, null, Sort.ID, 2, 4);
        Page<CustomerRow> beyond = list(null, null, Sort.ID, 3, 4);

        assertThat(first.items()).extracting(CustomerRow::id).containsExactly("c-1", "c-10", "c-2", "c-3");
        assertThat(second.items()).extracting(CustomerRow::id).containsExactly("c-4", "c-5");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), beyond.total())).containsOnly(6L);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.size()).isEqualTo(4);
    }

    @BothStores
    void totalCountsTheFilteredListNotThePage() {
        Page<CustomerRow> page = list("example.com", null, Sort.ID, 1, 1);

        assertThat(page.items()).extracting(CustomerRow::id).containsExactly("c-1");
        assertThat(page.total()).isEqualTo(2);
    }

    @BothStores
    void sortByClvPutsTheHighestValueFirstTiesByIdAndCustomersWithoutAValueLast() {
        writeClv();

        List<String> expected = List.of("c-3", "c-1", "c-10", "c-2", "c-4", "c-5");
        assertThat(ids(null, null, Sort.CLV)).as("the whole list, read down the value index").isEqualTo(expected);
        assertThat(ids("c-", null, Sort.CLV)).as("a filtered list, sorted after filtering").isEqualTo(expected);
    }

    @BothStores
    void everyPageOfTheClvOrderMatchesTheFilteredOrderAcrossTheLastValue() {
        writeClv();

        assertEveryPageOfTheWholeListMatchesTheFilteredList(Sort.CLV);
        assertThat(list(null, null, Sort.CLV, 2, 2).items()).extracting(CustomerRow::id).containsExactly("c-10", "c-2");
        assertThat(list(null, null, Sort.CLV, 3, 2).items()).extracting(CustomerRow::id).containsExactly("c-4", "c-5");
        assertThat(list(null, null, Sort.CLV, 4, 2).items()).isEmpty();
        assertThat(list(null, null, Sort.CLV, 4, 2).total()).isEqualTo(6);
    }

    @BothStores
    void withoutAnyClvValueTheClvOrderIsTheIdOrder() {
        assertThat(ids(null, null, Sort.CLV)).containsExactly("c-1", "c-10", "c-2", "c-3", "c-4", "c-5");
    }

    /** c-3 highest, c-1 and c-10 tied (id order), c-2 scored without a value, c-4 and c-5 unscored. */
    private void writeClv() {
        store.inTransaction(c -> {
            new ScoreRepository().write(c, List.of(
                    new ScoreRow("c-1", "clv", Score.numeric("clv", 80.5, "e"), "run-2", 2_000),
                    new ScoreRow("c-3", "clv", Score.numeric("clv", 412.0, "e"), "run-2", 2_000),
                    new ScoreRow("c-10", "clv", Score.numeric("clv", 80.5, "e"), "run-2", 2_000),
                    new ScoreRow("c-2", "clv", new Score("clv", null, "unknown", "not enough history"), "run-2", 2_000),
                    new ScoreRow("c-4", "rfm", Score.numeric("clv", 999.0, "another plugin's clv"), "run-2", 2_000)), false);
            return null;
        });
    }

    @BothStores
    void everyPageOfTheRecentOrderMatchesTheFilteredOrderWithTiesByIdAndCustomersWithoutOrdersLast() {
        store.inTransaction(c -> {
            shop.insertOrders(c, List.of(new Order("o-5", "c-2", T, 100, "USD", null, List.of()),
                    new Order("o-6", "c-1", T.minusSeconds(600), 100, "USD", null, List.of())), 0);
            return null;
        });

        assertThat(ids(null, null, Sort.RECENT)).containsExactly("c-1", "c-2", "c-3", "c-10", "c-4", "c-5");
        assertEveryPageOfTheWholeListMatchesTheFilteredList(Sort.RECENT);
    }

    /** The whole list (walked down an index) and a filter matching everyone (sorted after filtering) agree page by page. */
    private void assertEveryPageOfTheWholeListMatchesTheFilteredList(Sort sort) {
        for (int size = 1; size <= 4; size++) {
            for (int page = 1; page <= 7; page++) {
                List<String> whole = list(null, null, sort, page, size).items().stream().map(CustomerRow::id).toList();
                List<String> filtered = list("c-", null, sort, page, size).items().stream().map(CustomerRow::id).toList();
                assertThat(whole).as("%s page %d of %d", sort, page, size).isEqualTo(filtered);
            }
        }
    }

    @BothStores
    void anOlderOrderNeverMovesACustomerBackInTheRecentOrder() {
        store.inTransaction(c -> {
            shop.insertOrders(c, List.of(new Order("o-7", "c-1", T.minusSeconds(86_400 * 30), 100, "USD", null, List.of())), 0);
            shop.insertNewOrders(c, List.of(new Order("o-8", "c-10", T.minusSeconds(86_400 * 30), 100, "USD", null, List.of())),
                    List.of(OrderEncoding.of(new Order("o-8", "c-10", T.minusSeconds(86_400 * 30), 100, "USD", null, List.of()))), 0);
            return null;
        });

        assertThat(ids(null, null, Sort.RECENT)).containsExactly("c-1", "c-3", "c-10", "c-2", "c-4", "c-5");
    }

    @BothStores
    void anImportedOrderMovesItsCustomerToTheTopOfTheRecentOrder() {
        Order newest = new Order("o-9", "c-4", T.plusSeconds(3_600), 100, "USD", null, List.of());
        store.inTransaction(c -> shop.insertNewOrders(c, List.of(newest), List.of(OrderEncoding.of(newest)), 0));

        assertThat(ids(null, null, Sort.RECENT)).containsExactly("c-4", "c-1", "c-3", "c-10", "c-2", "c-5");
        assertEveryPageOfTheWholeListMatchesTheFilteredList(Sort.RECENT);
    }
}
