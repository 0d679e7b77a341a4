package dev.patron.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.alerts.Severity;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.api.exports.ExportRequest;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.Scorer;
import dev.patron.host.shop.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class PluginTestbedTest {

    private static final String ID = "testkit-demo";

    @TempDir
    Path dir;

    private PluginTestbed bed() {
        return PluginTestbed.forPlugin(ID).start(dir);
    }

    /** Two customers with orders, one lead; c-1 has a partial refund. */
    private static void smallShop(PluginTestbed bed) {
        bed.customer("c-1", Map.of("role", "owner", "budget", 12000, "decisionMaker", true));
        bed.customer("c-2");
        bed.customer("c-3", Map.of("need", "gift boxes"));
        bed.order("o-1", "c-1", "2026-01-02T10:00:00Z", 129_90);
        bed.order("o-2", "c-1", "2026-03-04T10:00:00Z", 50_00, "store");
        bed.order("o-3", "c-2", "2026-02-01T08:00:00Z", 20_00);
        bed.refund("r-1", "o-1", 20_00, "2026-01-05T09:00:00Z");
    }

    @Nested
    class Scoring {

        @Test
        void scoresEveryCustomerFromTheHostsSummaries() {
            try (PluginTestbed bed = bed()) {
                smallShop(bed);
                Map<String, List<Score>> scores = bed.score(bed.extension(OrderCountScorer.class), LocalDate.parse("2026-06-30"));

                assertThat(scores).containsOnlyKeys("c-1", "c-2", "c-3");
                assertThat(scores.get("c-1")).containsExactly(
                        Score.numeric("orders", 2, "2 orders (one of 2 buyers)"),
                        Score.numeric("net_spend", 159_90, "net spend 15990 minor units"),
                        Score.labelled("kind", "repeat", "2 purchase day(s)"));
                assertThat(scores.get("c-2")).extracting(Score::label).contains("one-time");
                assertThat(scores.get("c-3")).isEmpty();
            }
        }

        @Test
        void summariesLeaveOutWhatHappenedAfterTheAsOfDay() {
            try (PluginTestbed bed = bed()) {
                smallShop(bed);
                CustomerSummary early = bed.summary("c-1", LocalDate.parse("2026-01-03"));
                assertThat(early.orderCount()).isEqualTo(1);
                assertThat(early.refundCount()).isZero();
                assertThat(early.attributes()).containsEntry("budget", "12000").containsEntry("decisionMaker", "true");

                Population population = bed.population(LocalDate.parse("2026-01-31"));
                assertThat(population.size()).isEqualTo(3);
                assertThat(population).extracting(CustomerSummary::id).containsExactly("c-1", "c-2", "c-3");
                assertThat(population).filteredOn(CustomerSummary::hasOrders).extracting(CustomerSummary::id).containsExactly("c-1");
            }
        }

        @Test
        void countsDaysInTheShopZone() {
            try (PluginTestbed bed = PluginTestbed.forPlugin(ID).zone("Asia/Shanghai").currency("CNY").start(dir)) {
                bed.customer("c-1").order("o-1", "c-1", "2026-01-02T16:30:00Z", 88_00);
                CustomerSummary summary = bed.summary("c-1", LocalDate.parse("2026-01-03"));
                assertThat(summary.orderDay(0)).isEqualTo(LocalDate.parse("2026-01-03"));
                assertThat(summary.daysSinceLastOrder()).isZero();
                assertThat(bed.context().currency().getCurrencyCode()).isEqualTo("CNY");
            }
        }

        @Test
        void fitReturnsTheModelAsStoredAndRescoringUsesIt() {
            try (PluginTestbed bed = bed()) {
                smallShop(bed);
                OrderCountScorer scorer = bed.extension(OrderCountScorer.class);
                Model model = bed.fit(scorer, LocalDate.parse("2026-06-30"));
                assertThat(model.number("buyers")).isEqualTo(2.0);
                assertThat(model.text("as_of")).isEqualTo("2026-06-30");

                bed.order("o-4", "c-3", "2026-06-30T09:00:00Z", 10_00);
                List<Score> rescored = bed.rescore(scorer, model, "c-3");
                assertThat(rescored).first().isEqualTo(Score.numeric("orders", 1, "1 orders (one of 2 buyers)"));
            }
        }

        @Test
        void writesTheScoresToTheHostsScoresTable() {
            try (PluginTestbed bed = bed()) {
                smallShop(bed);
                bed.score(bed.extension(OrderCountScorer.class));
                List<String> labels = bed.query("SELECT customer_id, label FROM scores WHERE plugin_id = ? AND name = 'kind'"
                        + " ORDER BY customer_id", row -> row.text("customer_id") + "=" + row.text("label"), ID);
                assertThat(labels).containsExactly("c-1=repeat", "c-2=one-time");
            }
        }

        @Test
        void failsOnScorersThatBreakTheContract() {
            try (PluginTestbed bed = bed()) {
                smallShop(bed);
                assertThatThrownBy(() -> bed.score(new TestHandlers.DuplicateNames()))
                        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("two scores named 'x'");
                assertThatThrownBy(() -> bed.score(new TestHandlers.ReturnsNull()))
                        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("return an empty list");
                assertThatThrownBy(() -> bed.score(new TestHandlers.NullModel()))
                        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("Model.EMPTY");
            }
        }

        @Test
        void demoShopFillsTheStoreDeterministically() {
            int[] first = new int[2];
            try (PluginTestbed bed = bed()) {
                GeneratedShop shop = bed.demoShop(200, 7);
                assertThat(shop.customers()).isEqualTo(200);
                assertThat(shop.orders()).isPositive();
                Population population = bed.population();
                assertThat(population.size()).isEqualTo(200);
                assertThat(population).anyMatch(c -> !c.hasOrders());
                assertThat(bed.pendingEvents()).hasSize(shop.customers() + shop.orders() + shop.refunds());
                first[0] = shop.orders();
                first[1] = shop.refunds();
                assertThatThrownBy(() -> bed.demoShop(10, 7)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("empty store");
            }
            try (PluginTestbed again = PluginTestbed.forPlugin(ID).start(dir.resolve("again"))) {
                GeneratedShop shop = again.demoShop(200, 7);
                assertThat(new int[] {shop.orders(), shop.refunds()}).containsExactly(first);
            }
        }
    }

    @Nested
    class ShopRules {

        @Test
        void refusesWhatTheHostRefuses() {
            try (PluginTestbed bed = bed()) {
                bed.customer("c-1").order("o-1", "c-1", "2026-01-02T10:00:00Z", 100_00);
                assertThatThrownBy(() -> bed.order("o-2", "c-404", "2026-01-02T10:00:00Z", 1))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add the customer first");
                assertThatThrownBy(() -> bed.refund("r-1", "o-1", 100_01, "2026-01-03T10:00:00Z"))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exceeds what is left to refund");
                assertThatThrownBy(() -> bed.refund("r-1", "o-1", 1_00, "2026-01-01T10:00:00Z"))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("a refund follows its order");
                assertThatThrownBy(() -> bed.order("o-3", "c-1", "yesterday", 1))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601 instant");
            }
        }

        @Test
        void aRetriedOrderIsStoredOnceAndRecordedOnce() {
            try (PluginTestbed bed = bed()) {
                bed.customer("c-1");
                bed.order("o-1", "c-1", "2026-01-02T10:00:00Z", 100_00);
                bed.order("o-1", "c-1", "2026-01-02T10:00:00Z", 100_00);
                assertThat(bed.pendingEvents()).hasSize(2);
                assertThat(bed.summary("c-1", bed.today()).orderCount()).isEqualTo(1);
            }
        }

        @Test
        void recordsTheEventsTheHostWouldSend() {
            try (PluginTestbed bed = bed()) {
                smallShop(bed);
                bed.customer("c-2", Map.of("role", "buyer"));
                List<Object> events = bed.pendingEvents();
                assertThat(events).hasSize(8);
                assertThat(events.get(0)).isEqualTo(new CustomerUpserted("c-1",
                        Map.of("role", "owner", "budget", "12000", "decisionMaker", "true"), true));
                assertThat(events.get(3)).isEqualTo(new OrderPlaced("o-1", "c-1", Instant.parse("2026-01-02T10:00:00Z"), 129_90,
                        null, "api"));
                assertThat(events.get(6)).isEqualTo(new OrderRefunded("r-1", "o-1", "c-1", 20_00, 129_90, 0,
                        Instant.parse("2026-01-05T09:00:00Z")));
                assertThat(events.get(7)).isEqualTo(new CustomerUpserted("c-2", Map.of("role", "buyer"), false));
            }
        }
    }

    @Nested
    class Events {

        @Test
        void deliversRecordedEventsInOrderAndOnlyOnce() {
            try (PluginTestbed bed = bed()) {
                bed.migrate();
                smallShop(bed);
                SeenRecorder recorder = bed.extension(SeenRecorder.class);
                assertThat(bed.deliver(recorder)).isEqualTo(7);
                assertThat(bed.pendingEvents()).isEmpty();
                assertThat(bed.query("SELECT event_id, kind FROM testkit_demo_seen ORDER BY event_id",
                        row -> row.text("event_id") + " " + row.text("kind"))).containsExactly(
                        "customer:c-1:true created", "customer:c-2:true created", "customer:c-3:true created",
                        "o-1 order", "o-2 order", "o-3 order", "r-1 refund:0/12990");

                bed.refund("r-2", "o-1", 9_90, "2026-01-06T09:00:00Z");
                assertThat(bed.deliver(recorder)).isEqualTo(1);
                assertThat(bed.queryOne("SELECT kind FROM testkit_demo_seen WHERE event_id = 'r-2'", row -> row.text("kind")))
                        .contains("refund:2000/12990");
            }
        }

        @Test
        void aFailingHandlerLosesOnlyItsOwnWrites() {
            try (PluginTestbed bed = bed()) {
                bed.migrate();
                smallShop(bed);
                SeenRecorder recorder = bed.extension(SeenRecorder.class);
                assertThatThrownBy(() -> bed.deliver(new TestHandlers.FailsOnRefund(), recorder))
                        .isInstanceOfSatisfying(EventDeliveryException.class, e -> {
                            assertThat(e.handler()).endsWith("FailsOnRefund");
                            assertThat(e.getMessage()).contains("refunds are not supported yet").contains("rolled back");
                            assertThat(e.pluginFailure()).isInstanceOf(IllegalStateException.class);
                        });
                // The refund batch's update was undone; the order batch's inserts, an earlier savepoint, stay.
                assertThat(bed.query("SELECT note FROM testkit_demo_notes ORDER BY customer_id", row -> row.text("note")))
                        .containsExactly("ordered", "ordered");
                assertThat(bed.query("SELECT event_id FROM testkit_demo_seen", row -> row.text("event_id"))).hasSize(7);
            }
        }

        @Test
        void aHandlerThatOverrunsIsStoppedAndRolledBack() {
            try (PluginTestbed bed = PluginTestbed.forPlugin(ID).eventTimeLimit(Duration.ofMillis(200)).start(dir)) {
                bed.migrate();
                bed.customer("c-1").order("o-1", "c-1", "2026-01-02T10:00:00Z", 1_00);
                assertThatThrownBy(() -> bed.deliver(new TestHandlers.Slow()))
                        .isInstanceOfSatisfying(EventDeliveryException.class, e -> {
                            assertThat(e.getMessage()).contains("did not finish within 200 ms");
                            assertThat(e.pluginFailure()).isNull();
                        });
                assertThat(bed.query("SELECT note FROM testkit_demo_notes", row -> row.text("note"))).isEmpty();
            }
        }

        @Test
        void theDatabaseHandleDiesWithTheCall() {
            try (PluginTestbed bed = bed()) {
                bed.customer("c-1").order("o-1", "c-1", "2026-01-02T10:00:00Z", 1_00);
                TestHandlers.KeepsHandle handler = new TestHandlers.KeepsHandle();
                bed.deliver(handler);
                PluginDatabase kept = handler.kept.get();
                assertThat(kept.writable()).isTrue();
                assertThatThrownBy(() -> kept.query("SELECT 1 AS one", row -> row.whole("one")))
                        .hasMessageContaining("after its call ended");
            }
        }

        @Test
        void alertsRaisedInAHandlerLandInTheHostsInbox() {
            try (PluginTestbed bed = bed()) {
                bed.migrate();
                bed.customer("c-1");
                bed.order("o-1", "c-1", "2026-01-02T10:00:00Z", 150_00);
                bed.order("o-2", "c-1", "2026-01-03T10:00:00Z", 250_00);
                bed.order("o-3", "c-1", "2026-01-04T10:00:00Z", 5_00);
                bed.deliver(bed.extension(SeenRecorder.class));

                List<RaisedAlert> alerts = bed.alerts();
                assertThat(alerts).hasSize(1);
                RaisedAlert alert = alerts.get(0);
                assertThat(alert.dedupKey()).isEqualTo("big:c-1");
                assertThat(alert.severity()).isEqualTo(Severity.INFO);
                assertThat(alert.detail()).isEqualTo("order o-2 of 25000"); // refreshed by the second big order
                assertThat(alert.isOpen()).isTrue();
                assertThat(alert.openedAt()).isEqualTo(PluginTestbed.DEFAULT_NOW);

                int resolved = bed.store().write(db -> bed.context().alerts().resolve(List.of("big:c-1"), db));
                assertThat(resolved).isEqualTo(1);
                assertThat(bed.alerts()).singleElement().extracting(RaisedAlert::status).isEqualTo("resolved");
            }
        }
    }

    @Nested
    class Migrations {

        @Test
        void appliesEachMigrationOnce() {
            try (PluginTestbed bed = bed()) {
                assertThat(bed.migrate()).isEqualTo(2);
                assertThat(bed.migrate()).isZero();
                bed.update("INSERT INTO testkit_demo_notes (customer_id, note) VALUES (?, ?)", "c-1", "hello");
                assertThat(bed.queryOne("SELECT note FROM testkit_demo_notes WHERE customer_id = ?", row -> row.text("note"), "c-1"))
                        .contains("hello");
            }
        }

        @Test
        void enforcesTheTablePrefix() {
            try (PluginTestbed bed = PluginTestbed.forPlugin("bad-prefix").start(dir)) {
                assertThatThrownBy(bed::migrate).hasMessageContaining("creates table customer_notes; name it bad_prefix_...");
            }
        }

        @Test
        void saysWhereMigrationsBelongWhenThereAreNone() {
            try (PluginTestbed bed = PluginTestbed.forPlugin("no-tables").start(dir)) {
                assertThatThrownBy(bed::migrate).isInstanceOf(AssertionFailedError.class)
                        .hasMessageContaining("src/main/resources/db/no-tables/V001__");
            }
        }
    }

    @Nested
    class Exports {

        @Test
        void runsAnExportThroughTheHostsFiltersAndWriters() {
            try (PluginTestbed bed = bed()) {
                bed.migrate();
                bed.update("INSERT INTO testkit_demo_notes (customer_id, note) VALUES (?, ?)", "c-2", "says \"hi\", twice");
                bed.update("INSERT INTO testkit_demo_notes (customer_id, note) VALUES (?, ?)", "c-1", "quiet");
                NotesExport export = bed.extension(NotesExport.class);

                assertThat(bed.exportCsv(export, ExportRequest.all()))
                        .isEqualTo("customerId,note,length\r\nc-1,quiet,5\r\nc-2,\"says \"\"hi\"\", twice\",16\r\n");
                assertThat(bed.export(export, ExportRequest.all().customer("c-2")))
                        .containsExactly(Map.of("customerId", "c-2", "note", "says \"hi\", twice", "length", 16L));
            }
        }

        @Test
        void failsWhereTheHostWouldRefuse() {
            try (PluginTestbed bed = bed()) {
                bed.migrate();
                assertThatThrownBy(() -> bed.export(bed.extension(NotesExport.class), ExportRequest.all().since(Instant.EPOCH)))
                        .isInstanceOf(AssertionFailedError.class)
                        .hasMessageContaining("the notes export cannot be filtered by since; it takes customerId only");
                assertThatThrownBy(() -> bed.exportCsv(bed.extension(ShortRowExport.class), ExportRequest.all()))
                        .isInstanceOf(AssertionFailedError.class)
                        .hasMessageContaining("the host refused a row: the short-rows export has 2 columns [customerId, note] but row 1"
                                + " has 1 values");
            }
        }
    }

    @Nested
    class Context {

        @Test
        void theClockStandsStillUntilMoved() {
            try (PluginTestbed bed = PluginTestbed.forPlugin(ID).now("2026-03-01T23:30:00Z").zone("Asia/Shanghai").start(dir)) {
                assertThat(bed.context().clock().instant()).isEqualTo(Instant.parse("2026-03-01T23:30:00Z"));
                assertThat(bed.today()).isEqualTo(LocalDate.parse("2026-03-02"));
                bed.advanceTime(Duration.ofDays(1));
                assertThat(bed.context().clock().instant()).isEqualTo(Instant.parse("2026-03-02T23:30:00Z"));
                bed.setTime("2026-04-01T00:00:00Z");
                assertThat(bed.now()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
                assertThat(bed.context().shopZone().getId()).isEqualTo("Asia/Shanghai");
            }
        }

        @Test
        void settingsAreALiveView() {
            try (PluginTestbed bed = PluginTestbed.forPlugin(ID).setting("mode", "gross").start(dir)) {
                OrderCountScorer scorer = bed.extension(OrderCountScorer.class);
                assertThat(scorer.context().settings().text("mode", "net")).isEqualTo("gross");
                bed.settings(Map.of("mode", "net"));
                assertThat(scorer.context().settings().text("mode", "?")).isEqualTo("net");
                assertThat(bed.context().pluginId()).isEqualTo(ID);
                assertThat(bed.context().pluginVersion()).isEqualTo("1.0.0");
            }
        }

        @Test
        void configureValidatesLikeTheHost() {
            try (PluginTestbed bed = bed()) {
                LimitsSchema schema = bed.extension(LimitsSchema.class);
                assertThat(bed.configure(schema, Map.of())).isEmpty(); // the defaults are valid
                assertThat(bed.context().settings().asMap()).containsEntry("low", "10.00").containsEntry("mode", "net");

                assertThat(bed.configure(schema, Map.of("low", "ten", "mode", "both", "colour", "red")))
                        .anyMatch(p -> p.startsWith("low: "))
                        .anyMatch(p -> p.startsWith("mode: ") && p.contains("net, gross"))
                        .anyMatch(p -> p.startsWith("colour: ") && p.contains("not a setting"));
                assertThat(bed.configure(schema, Map.of("low", "500.00"))).containsExactly("'low' (500.00) must be below 'high' (100.00)");
                assertThat(bed.context().settings().get("low")).contains("10.00");
                assertThat(schema.changes).hasSize(1);

                assertThat(bed.configure(schema, Map.of("low", "50", "high", " 80.5 "))).isEmpty();
                assertThat(bed.context().settings().asMap()).containsEntry("low", "50").containsEntry("high", "80.5");
                assertThat(schema.changes).hasSize(2);
            }
        }

        @Test
        void constructsPluginsAndExtensionsAsTheHostDoes() {
            DemoPlugin plugin;
            try (PluginTestbed bed = bed()) {
                plugin = bed.plugin(DemoPlugin.class);
                assertThat(plugin.context()).isSameAs(bed.context());
                assertThat(plugin.starts).isEqualTo(1);
                assertThat(bed.extension(OrderCountScorer.class).context()).isSameAs(bed.context());
                assertThatThrownBy(() -> bed.extension(NotIndexed.class)).isInstanceOf(AssertionFailedError.class)
                        .hasMessageContaining("@org.pf4j.Extension");
            }
            assertThat(plugin.stops).isEqualTo(1);
        }

        @Test
        void startWithoutAFolderCleansUpAfterItself() {
            Path folder;
            try (PluginTestbed bed = PluginTestbed.forPlugin(ID).start()) {
                bed.customer("c-1");
                folder = Path.of(bed.queryOne("PRAGMA database_list", row -> row.text("file")).orElseThrow()).getParent();
                assertThat(folder).exists();
            }
            assertThat(Files.exists(folder)).isFalse();
        }

        @Test
        void refusesAnInvalidPluginId() {
            assertThatThrownBy(() -> PluginTestbed.forPlugin("Basket Size")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lower-case");
        }
    }

    /** A scorer PF4J's processor never indexed: the host would not find it. */
    public static class NotIndexed implements Scorer {
        @Override
        public List<Score> score(CustomerSummary customer, Model model) {
            return List.of();
        }
    }
}
