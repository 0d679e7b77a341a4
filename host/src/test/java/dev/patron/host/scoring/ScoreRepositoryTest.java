package dev.patron.host.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.scoring.Score;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.BothStores;
import dev.patron.host.store.ScratchDatabase;
import dev.patron.host.store.Store;
import dev.patron.host.store.TestStores;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class ScoreRepositoryTest {

    @TempDir
    Path dir;
    private Store store;
    private ScratchDatabase db;
    private final ScoreRepository scores = new ScoreRepository();

    @BeforeEach
    void open(ScratchDatabase.Kind kind) {
        db = ScratchDatabase.create(kind, dir);
        store = db.migrated();
        store.inTransaction(c -> {
            new ShopRepository().insertCustomers(c, List.of(new Customer("c-1", null, null, null, Map.of()),
                    new Customer("c-2", null, null, null, Map.of())), 0);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private static ScoreRow segment(String customerId, String label, String runId, long computedAt) {
        return new ScoreRow(customerId, "rfm", Score.labelled("segment", label, "label " + label), runId, computedAt);
    }

    private void write(boolean history, ScoreRow... rows) {
        store.inTransaction(c -> {
            scores.write(c, List.of(rows), history);
            return null;
        });
    }

    private List<ScoreRow> of(String customerId) {
        return store.read(c -> scores.ofCustomer(c, customerId));
    }

    private String labelOf(String customerId) {
        return of(customerId).stream().filter(r -> r.score().name().equals("segment")).findFirst()
                .map(r -> r.score().label()).orElse(null);
    }

    /** The customer's history rows as {@code plugin/run -> the run's scores}, in plugin and run order. */
    private Map<String, JsonObject> historyRows(String customerId) {
        return store.read(c -> {
            Map<String, JsonObject> rows = new LinkedHashMap<>();
            try (var select = c.prepareStatement(
                    "SELECT plugin_id, run_id, scores FROM score_history WHERE customer_id = ? ORDER BY plugin_id, run_id")) {
                select.setString(1, customerId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1) + "/" + rs.getString(2), new JsonObject(rs.getString(3)));
                    }
                }
            }
            return rows;
        });
    }

    /** The customer's RFM segment per run, as {@code run:label}. */
    private List<String> history(String customerId) {
        List<String> segments = new ArrayList<>();
        historyRows(customerId).forEach((key, scores) -> {
            if (key.startsWith("rfm/")) {
                segments.add(key.substring(4) + ":" + scores.getJsonArray("segment").getString(1));
            }
        });
        return segments;
    }

    @BothStores
    void writtenScoresReadBackWithEveryField() {
        ScoreRow numeric = new ScoreRow("c-1", "rfm", Score.numeric("monetary", 129.9, "spent 129.90"), "run-1", 1_000);
        ScoreRow label = segment("c-1", "Champions", "run-1", 1_000);

        write(false, numeric, label);

        assertThat(of("c-1")).containsExactly(numeric, label);
        assertThat(of("c-2")).isEmpty();
    }

    @BothStores
    void scoreWithoutARunKeepsANullRunId() {
        ScoreRow rescored = segment("c-1", "Champions", null, 1_000);

        write(false, rescored);

        assertThat(of("c-1")).containsExactly(rescored);
    }

    @BothStores
    void olderRowNeverOverwritesANewerOne() {
        write(false, segment("c-1", "Champions", null, 2_000));

        write(false, segment("c-1", "At Risk", "run-old", 1_000));

        assertThat(of("c-1")).containsExactly(segment("c-1", "Champions", null, 2_000));
    }

    @BothStores
    void newerOrEquallyNewRowReplacesTheStoredOne() {
        write(false, segment("c-1", "Champions", "run-1", 1_000));

        write(false, segment("c-1", "Loyal", "run-2", 2_000));
        assertThat(labelOf("c-1")).isEqualTo("Loyal");

        write(false, segment("c-1", "Promising", "run-3", 2_000));
        assertThat(of("c-1")).containsExactly(segment("c-1", "Promising", "run-3", 2_000));
    }

    @BothStores
    void oneBatchUpsertsEachRowOnItsOwnMerits() {
        write(false, segment("c-1", "Champions", null, 5_000), segment("c-2", "Lost", null, 500));

        write(false, segment("c-1", "At Risk", "run-2", 1_000), segment("c-2", "Loyal", "run-2", 1_000));

        assertThat(labelOf("c-1")).isEqualTo("Champions");
        assertThat(labelOf("c-2")).isEqualTo("Loyal");
    }

    @BothStores
    void deleteStaleRemovesOnlyThatPluginsRowsOlderThanTheRunStart() {
        ScoreRow fresh = segment("c-1", "Champions", "run-2", 2_000);
        ScoreRow stale = segment("c-2", "Lost", "run-1", 1_999);
        ScoreRow otherPlugin = new ScoreRow("c-2", "leads", Score.numeric("score", 0.4, "warm lead"), "run-1", 1_000);
        write(false, fresh, stale, otherPlugin);

        int deleted = store.inTransaction(c -> scores.deleteStale(c, "rfm", 2_000));

        assertThat(deleted).isEqualTo(1);
        assertThat(of("c-1")).containsExactly(fresh);
        assertThat(of("c-2")).containsExactly(otherPlugin);
    }

    @BothStores
    void historyGetsOneRowPerRunWhileCurrentScoresKeepOne() {
        write(true, segment("c-1", "New", "run-1", 1_000));
        write(true, segment("c-1", "Loyal", "run-2", 2_000));
        write(false, segment("c-1", "Champions", null, 3_000));

        assertThat(history("c-1")).containsExactly("run-1:New", "run-2:Loyal");
        assertThat(of("c-1")).containsExactly(segment("c-1", "Champions", null, 3_000));
        assertThat(history("c-2")).isEmpty();
    }

    @BothStores
    void historyHoldsOneRowPerCustomerPluginAndRunWithAllOfItsScores() {
        write(true,
                segment("c-1", "Champions", "run-1", 1_000),
                new ScoreRow("c-1", "rfm", Score.labelled("tier", "Gold", "gold"), "run-1", 1_000),
                new ScoreRow("c-1", "rfm", Score.numeric("monetary", 129.9, "spent"), "run-1", 1_000),
                new ScoreRow("c-1", "leads", Score.numeric("score", 0.25, "cold"), "run-1", 1_000),
                segment("c-2", "Lost", "run-1", 1_000));

        Map<String, JsonObject> rows = historyRows("c-1");

        assertThat(rows.keySet()).containsExactly("leads/run-1", "rfm/run-1");
        assertThat(rows.get("rfm/run-1")).isEqualTo(new JsonObject()
                .put("segment", new JsonArray().addNull().add("Champions"))
                .put("tier", new JsonArray().addNull().add("Gold"))
                .put("monetary", new JsonArray().add(129.9).addNull()));
        assertThat(rows.get("leads/run-1")).isEqualTo(new JsonObject().put("score", new JsonArray().add(0.25).addNull()));
        assertThat(historyRows("c-2").keySet()).containsExactly("rfm/run-1");
    }

    @BothStores
    void historyRecordsWhatTheRunComputedEvenWhenANewerCurrentScoreWins() {
        write(false, segment("c-1", "Champions", null, 5_000));

        write(true, segment("c-1", "At Risk", "run-1", 1_000));

        assertThat(history("c-1")).containsExactly("run-1:At Risk");
        assertThat(labelOf("c-1")).isEqualTo("Champions");
    }

    @BothStores
    void labelCountsCountCustomersPerLabelOfOneScore() {
        write(false, segment("c-1", "Champions", "run-1", 1_000), segment("c-2", "Champions", "run-1", 1_000),
                new ScoreRow("c-1", "rfm", Score.labelled("tier", "Gold", "gold"), "run-1", 1_000),
                new ScoreRow("c-2", "rfm", Score.numeric("recency", 3.0, "r3"), "run-1", 1_000));

        Map<String, Long> segments = store.read(c -> scores.labelCounts(c, "rfm", "segment"));
        Map<String, Long> recency = store.read(c -> scores.labelCounts(c, "rfm", "recency"));

        assertThat(segments).containsOnly(Map.entry("Champions", 2L));
        assertThat(recency).isEmpty();
    }

    @BothStores
    void deleteCustomerRemovesOnlyRowsUpToTheGivenTime() {
        write(false, segment("c-1", "Champions", null, 1_000), segment("c-2", "Lost", null, 3_000));

        store.inTransaction(c -> {
            scores.deleteCustomer(c, "c-1", "rfm", 2_000);
            scores.deleteCustomer(c, "c-2", "rfm", 2_000);
            return null;
        });

        assertThat(of("c-1")).isEmpty();
        assertThat(of("c-2")).hasSize(1);
    }
}
