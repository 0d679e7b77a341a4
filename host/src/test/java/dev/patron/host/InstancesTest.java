package dev.patron.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.alerts.AlertRequest;
import dev.patron.api.alerts.Severity;
import dev.patron.host.alerts.WebhookSender;
import dev.patron.host.auth.Role;
import dev.patron.host.auth.Users;
import dev.patron.host.config.PatronConfig;
import dev.patron.host.plugins.data.HostAlerts;
import dev.patron.host.plugins.data.JdbcPluginDatabase;
import dev.patron.host.scoring.RunInProgressException;
import dev.patron.host.scoring.RunRequest;
import dev.patron.host.scoring.ScoringProgress;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.OrderOutcome;
import dev.patron.host.store.BothStores;
import dev.patron.host.store.ScratchDatabase;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Patron instances on one database, as two servers behind a load balancer: what one does,
 * the other sees, and what only one may do at a time, only one does.
 */
class InstancesTest {

    private static final RunRequest RUN = new RunRequest(LocalDate.parse("2026-03-01"), List.of(), "api");

    @TempDir
    Path dir;
    private ScratchDatabase db;
    private Patron a;
    private Patron b;
    /** Runs started on instance A wait here until the test lets them go on. */
    private final Queue<Runnable> heldRuns = new ArrayDeque<>();

    @BeforeEach
    void open(ScratchDatabase.Kind kind) {
        db = ScratchDatabase.create(kind, dir);
        a = Patron.open(config("a"), Clock.systemUTC());
        b = Patron.open(config("b"), Clock.systemUTC());
    }

    private PatronConfig config(String instance) {
        return new PatronConfig("127.0.0.1", 0, db.settings(), Currency.getInstance("USD"), ZoneId.of("UTC"),
                dir.resolve(instance).resolve("plugins"), dir.resolve(instance));
    }

    @AfterEach
    void close() {
        try {
            a.close();
            b.close();
        } finally {
            db.close();
        }
    }

    @BothStores
    void aScoringRunOnOneInstanceHoldsOffRunsOnTheOther() {
        String running = a.engine().start(RUN, heldRuns::add, ScoringProgress.NONE);

        assertThatThrownBy(() -> b.engine().run(RUN, ScoringProgress.NONE))
                .isInstanceOfSatisfying(RunInProgressException.class, e -> assertThat(e.runningId()).isEqualTo(running));

        heldRuns.remove().run();

        assertThat(b.engine().run(RUN, ScoringProgress.NONE).status()).isEqualTo("succeeded");
        assertThat(b.engine().status(running).orElseThrow().status()).isEqualTo("succeeded");
    }

    @BothStores
    void anInstanceStartingUpLeavesAnotherInstancesRunningRunAlone() {
        String running = a.engine().start(RUN, heldRuns::add, ScoringProgress.NONE);

        try (Patron c = Patron.open(config("c"), Clock.systemUTC())) {
            assertThat(c.engine().status(running).orElseThrow().status()).isEqualTo("running");
        }
        heldRuns.remove().run();

        assertThat(b.engine().status(running).orElseThrow().status()).isEqualTo("succeeded");
    }

    @BothStores
    void aSessionStartedOnOneInstanceIsLiveOnTheOtherUntilSignedOutThere() {
        Users.User user = a.auth().users().add("ann", Role.STAFF, "correct horse battery staple");
        String cookie = a.auth().sessions().start(user);

        assertThat(b.auth().sessions().find(cookie)).hasValueSatisfying(s -> assertThat(s.principal().role()).isEqualTo(Role.STAFF));

        b.auth().sessions().end(cookie);

        assertThat(a.auth().sessions().find(cookie)).isEmpty();
    }

    @BothStores
    void settingsStoredByOneInstanceAreReadByTheOther() {
        a.store().inTransaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement(dev.patron.host.store.Sql.load("sql/plugin_data.sql").get("upsertSetting"))) {
                upsert.setString(1, "rfm");
                upsert.setString(2, "monetary");
                upsert.setString(3, "average");
                upsert.setLong(4, 1L);
                return upsert.executeUpdate();
            }
        });

        assertThat(b.settings().reload()).containsExactly("rfm");
        assertThat(b.settings().settingsOf("rfm").get("monetary")).contains("average");
        assertThat(b.settings().reload()).isEmpty();
    }

    @BothStores
    void theSameOrderPlacedOnBothInstancesAtOnceIsStoredOnce() {
        a.writes().upsertCustomer(new Customer("c-1", "Ann", null, null, Map.of()));
        int orders = 25;
        List<List<OrderOutcome>> outcomes = bothAtOnce(orders, (patron, i) -> patron.writes().placeOrders(
                List.of(new Order("o-" + i, "c-1", Instant.parse("2026-01-02T10:00:00Z").plusSeconds(i), 1000 + i, "USD", "web",
                        List.of())), "", "api").get(0));

        for (int i = 0; i < orders; i++) {
            assertThat(outcomes.get(i)).as("order o-" + i).containsExactlyInAnyOrder(OrderOutcome.CREATED, OrderOutcome.UNCHANGED);
        }
        assertThat(b.store().read(b.shop()::orderTotals)[0]).isEqualTo(orders);
    }

    @BothStores
    void theSameAlertRaisedOnBothInstancesAtOnceOpensOneAlert() {
        int alerts = 20;
        bothAtOnce(alerts, (patron, i) -> patron.store().inTransaction(c -> new HostAlerts("churn-alerts", patron.clock()).raise(
                new AlertRequest("overdue:c-" + i, null, "overdue", Severity.WARNING, "Overdue", "no order for 90 days"),
                new JdbcPluginDatabase(c, true, "churn-alerts"))));

        assertThat(b.alerts().list("open", null, null, 500)).hasSize(alerts);
    }

    @BothStores
    void aWebhookEventIsDeliveredOnceThoughBothInstancesSend() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            a.webhooks().create(receiver.url(), null, List.of(), "tests");
            int alerts = 30;
            for (int i = 0; i < alerts; i++) {
                String key = "overdue:c-" + i;
                a.store().inTransaction(c -> new HostAlerts("churn-alerts", a.clock()).raise(
                        new AlertRequest(key, null, "overdue", Severity.WARNING, "Overdue", ""), new JdbcPluginDatabase(c, true, "churn-alerts")));
            }
            WebhookSender senderA = new WebhookSender(a.store(), a.clock());
            WebhookSender senderB = new WebhookSender(b.store(), b.clock());

            Eventually.until(Duration.ofSeconds(60), "every delivery sent", () -> {
                bothAtOnce(1, (patron, i) -> (patron == a ? senderA : senderB).tick());
                return receiver.postsByDelivery().size() == alerts;
            });

            assertThat(receiver.postsByDelivery().values()).containsOnly(1);
        }
    }

    /** Work one instance may do for item i; both instances do it for every item at the same moment. */
    @FunctionalInterface
    private interface OnInstance<T> {
        T apply(Patron patron, int item) throws Exception;
    }

    /** Runs {@code work} for items 0..n-1 on both instances at once; each item's two results, A's first. */
    private <T> List<List<T>> bothAtOnce(int n, OnInstance<T> work) {
        List<List<T>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int item = i;
            results.add(AtOnce.run(List.of(() -> work.apply(a, item), () -> work.apply(b, item))));
        }
        return results;
    }
}
