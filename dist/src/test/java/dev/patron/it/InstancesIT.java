package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.AtOnce;
import dev.patron.host.Eventually;
import dev.patron.host.WebhookReceiver;
import dev.patron.host.config.ConfigKey;
import dev.patron.host.store.ScratchDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database, as behind a load balancer, each with the packaged
 * plugins: what an operator does on one is in force on the other within seconds, a session
 * works on both, a scheduled job runs once between them, a webhook is delivered once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstancesIT {

    private static final Duration SECONDS = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private ScratchDatabase db;
    private PatronUnderTest a;
    private PatronUnderTest b;

    @BeforeAll
    void start() throws IOException {
        db = ScratchDatabase.create(ScratchDatabase.Kind.POSTGRESQL, dir);
        a = PatronUnderTest.start(home("a"), store());
        b = PatronUnderTest.start(home("b"), store());
    }

    private Path home(String instance) throws IOException {
        Path home = dir.resolve(instance);
        TestPlugins.ticker().buildInto(Files.createDirectories(home.resolve("plugins")));
        TestPlugins.watcher().buildInto(home.resolve("plugins"));
        return home;
    }

    private Map<ConfigKey, String> store() {
        Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
        settings.put(ConfigKey.DB_URL, db.settings().url());
        settings.put(ConfigKey.DB_USER, db.settings().user());
        settings.put(ConfigKey.DB_PASSWORD, db.settings().password());
        return settings;
    }

    @AfterAll
    void stop() {
        try {
            a.close();
            b.close();
        } finally {
            db.close();
        }
    }

    private static String state(PatronUnderTest instance, String plugin) {
        return PatronUnderTest.json(instance.get("/api/v1/plugins")).getJsonArray("plugins").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("id").equals(plugin)).findFirst().orElseThrow().getString("state");
    }

    @Test
    void aPluginDisabledOrEnabledOnOneServerFollowsOnTheOtherWithinSeconds() {
        assertThat(state(b, "lead-qualification")).isEqualTo("STARTED");

        assertThat(a.post("/api/v1/plugins/lead-qualification/disable", "{}").statusCode()).isEqualTo(200);
        Eventually.until(SECONDS, "lead-qualification to stop on the other server",
                () -> state(b, "lead-qualification").equals("DISABLED"));

        assertThat(a.post("/api/v1/plugins/lead-qualification/enable", "{}").statusCode()).isEqualTo(200);
        Eventually.until(SECONDS, "lead-qualification to start again on the other server",
                () -> state(b, "lead-qualification").equals("STARTED"));
    }

    @Test
    void settingsSavedOnOneServerAreInForceOnTheOther() {
        HttpResponse<String> saved = a.put("/api/v1/plugins/rfm/settings", new JsonObject().put("monetary", "average"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        Eventually.until(SECONDS, "the other server to use the new setting", () -> PatronUnderTest.json(
                b.get("/api/v1/plugins/rfm/settings")).toString().contains("\"monetary\":\"average\""));
    }

    @Test
    void aConsoleSessionStartedOnOneServerIsValidOnTheOther() {
        String cookie = a.consoleCookie();

        HttpResponse<String> page = b.sendRaw(HttpRequest.newBuilder(URI.create(b.url("/console")))
                .header("Cookie", cookie).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("kpi-customers").doesNotContain("name=\"password\"");
    }

    @Test
    void aScheduledJobDueOnBothServersRunsOnce() {
        for (int round = 0; round < 5; round++) {
            onBothAtOnce(instance -> instance.server().runDueJobs());
        }

        Eventually.until(SECONDS, "the job's run to be recorded as finished", () -> a.patron().store().read(c -> {
            try (var select = c.prepareStatement("SELECT finished_at FROM job_runs WHERE plugin_id = 'ticker'");
                 var rs = select.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }));
        long runs = a.patron().store().read(c -> {
            try (var select = c.prepareStatement("SELECT COUNT(*) FROM ticker_runs"); var rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(runs).isEqualTo(1);
    }

    @Test
    void anAlertRaisedOnOneServerIsDeliveredToTheWebhookOnceThoughBothSend() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            HttpResponse<String> hook = a.post("/api/v1/webhooks", new JsonObject().put("url", receiver.url()));
            assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
            int customers = 12;
            JsonArray orders = new JsonArray();
            for (int i = 0; i < customers; i++) {
                HttpResponse<String> created = (i % 2 == 0 ? a : b).post("/api/v1/customers",
                        new JsonObject().put("id", "w-" + i).put("name", "Watched " + i));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                orders.add(new JsonObject().put("id", "wo-" + i).put("customerId", "w-" + i)
                        .put("placedAt", "2026-05-01T10:00:00Z").put("amount", "2500.00").put("currency", "USD"));
            }
            assertThat(b.post("/api/v1/orders", new JsonObject().put("orders", orders)).statusCode()).isEqualTo(201);

            // Both servers' senders run on their own timers; the test only adds rounds of its own at once.
            Eventually.until(Duration.ofSeconds(60), "every alert delivered", () -> {
                onBothAtOnce(instance -> instance.server().deliverWebhooks());
                return receiver.postsByDelivery().size() >= customers;
            });

            assertThat(receiver.postsByDelivery()).hasSize(customers);
            assertThat(receiver.postsByDelivery().values()).containsOnly(1);
        }
    }

    /** Lets both servers do {@code round} at the same moment and waits for both. */
    private void onBothAtOnce(Function<PatronUnderTest, Object> round) {
        AtOnce.run(List.<Callable<Object>>of(() -> round.apply(a), () -> round.apply(b)));
    }
}
