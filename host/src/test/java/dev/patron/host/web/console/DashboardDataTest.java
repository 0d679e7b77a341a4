package dev.patron.host.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.scoring.Score;
import dev.patron.host.scoring.ScoreRepository;
import dev.patron.host.scoring.ScoreRow;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.Store;
import dev.patron.host.store.TestStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer list's filter choices: the labels scores take, without counting every customer. */
class DashboardDataTest {

    @TempDir
    Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = TestStores.migrated(dir);
        List<Customer> customers = new ArrayList<>();
        List<ScoreRow> scores = new ArrayList<>();
        String[] segments = {"Lost", "Champions", "At Risk"};
        for (int i = 0; i < 30; i++) {
            String id = "c-" + i;
            customers.add(new Customer(id, null, null, null, Map.of()));
            scores.add(label(id, "rfm", "segment", segments[i % 3]));
            scores.add(label(id, "rfm", "tier", i % 2 == 0 ? "Gold" : "Iron"));
            scores.add(new ScoreRow(id, "rfm", Score.numeric("recency", 3, "because"), "run-1", 1_000));
        }
        scores.add(label("c-1", "acme", "segment", "Whales"));
        scores.add(label("c-2", "acme", "segment", "Champions"));
        scores.add(label("c-3", "acme", "tier", "Diamond"));
        store.inTransaction(c -> {
            new ShopRepository().insertCustomers(c, customers, 0);
            new ScoreRepository().write(c, scores, false);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ScoreRow label(String customerId, String plugin, String name, String label) {
        return new ScoreRow(customerId, plugin, Score.labelled(name, label, "because"), "run-1", 1_000);
    }

    private List<String> labels(String name) {
        return store.read(c -> DashboardData.labels(c, name));
    }

    private List<String> labels(String pluginId, String name) {
        return store.read(c -> DashboardData.labels(c, pluginId, name));
    }

    @Test
    void segmentsAreEveryPluginsSegmentLabelsOnceSorted() {
        assertThat(labels("segment")).containsExactly("At Risk", "Champions", "Lost", "Whales");
    }

    @Test
    void oneScoreOfOnePluginHasItsOwnLabelsOnly() {
        assertThat(labels("rfm", "tier")).containsExactly("Gold", "Iron");
        assertThat(labels("acme", "tier")).containsExactly("Diamond");
        assertThat(labels("rfm", "recency")).as("a number score has no labels").isEmpty();
        assertThat(labels("clv", "segment")).isEmpty();
    }

    @Test
    void theLabelsAreThoseTheChartsCount() {
        List<DashboardData.Chart> charts = store.read(DashboardData::charts);
        List<String> charted = charts.stream().filter(ch -> ch.name().equals("segment"))
                .flatMap(ch -> ch.bars().stream()).map(DashboardData.Bar::label).distinct().sorted().toList();

        assertThat(labels("segment")).isEqualTo(charted);
    }
}
