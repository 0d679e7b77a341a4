package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.patron.host.alerts.WebhookSender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert inbox and webhook delivery with a real HTTP receiver on loopback: deduplication,
 * acknowledge and resolve, automatic resolution, at-least-once delivery with signatures, retries
 * while the receiver is down, and delivery across a restart.
 */
class AlertsIT {

    @TempDir
    Path home;

    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.get();
            if (status == 200) {
                received.add(Map.of("event", exchange.getRequestHeaders().getFirst("X-Patron-Event"),
                        "timestamp", exchange.getRequestHeaders().getFirst("X-Patron-Timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("X-Patron-Signature"), "body", body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void anAlertOpensOnceIsDeliveredSignedAndResolvesWhenTheConditionGoes() throws Exception {
        TestPlugins.watcher().buildInto(Files.createDirectories(home.resolve("plugins")));
        try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
            JsonObject hook = PatronUnderTest.json(patron.post("/api/v1/webhooks", new JsonObject().put("url", hookUrl())));
            String secret = hook.getString("secret");
            assertThat(secret).hasSizeGreaterThan(16);
            patron.post("/api/v1/customers", new JsonObject().put("id", "c-1"));

            patron.post("/api/v1/orders", order("o-1", "2000.00"));
            patron.post("/api/v1/orders", order("o-2", "3000.00"));
            JsonArray open = PatronUnderTest.json(patron.get("/api/v1/alerts")).getJsonArray("items");
            assertThat(open).hasSize(1);
            String firstId = open.getJsonObject(0).getString("id");
            assertThat(open.getJsonObject(0).getString("detail")).isEqualTo("order o-2");

            assertThat(patron.server().deliverWebhooks()).isEqualTo(1);
            assertThat(received).hasSize(1);
            Map<String, String> delivery = received.get(0);
            assertThat(delivery.get("event")).isEqualTo("alert.opened");
            assertThat(delivery.get("signature"))
                    .isEqualTo("sha256=" + WebhookSender.sign(secret, delivery.get("timestamp") + "." + delivery.get("body")));
            assertThat(new JsonObject(delivery.get("body")).getJsonObject("alert").getString("id")).isEqualTo(firstId);

            patron.post("/api/v1/orders", order("o-3", "20.00"));
            assertThat(PatronUnderTest.json(patron.get("/api/v1/alerts/" + firstId)).getString("status")).isEqualTo("resolved");
            patron.post("/api/v1/orders", order("o-4", "5000.00"));
            JsonArray again = PatronUnderTest.json(patron.get("/api/v1/alerts")).getJsonArray("items");
            assertThat(again).hasSize(1);
            assertThat(again.getJsonObject(0).getString("id")).isNotEqualTo(firstId);
            patron.server().deliverWebhooks();
            assertThat(received).extracting(r -> r.get("event")).containsExactly("alert.opened", "alert.resolved", "alert.opened");
        }
    }

    @Test
    void aReceiverThatIsDownGetsTheEventLaterOnceEvenAcrossARestart() throws Exception {
        TestPlugins.watcher().buildInto(Files.createDirectories(home.resolve("plugins")));
        String hookId;
        try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
            hookId = PatronUnderTest.json(patron.post("/api/v1/webhooks", new JsonObject().put("url", hookUrl())
                    .put("events", new JsonArray().add("alert.acknowledged")))).getString("id");
            patron.post("/api/v1/customers", new JsonObject().put("id", "c-1"));
            patron.post("/api/v1/orders", order("o-1", "2000.00"));
            String alertId = PatronUnderTest.json(patron.get("/api/v1/alerts")).getJsonArray("items").getJsonObject(0).getString("id");
            JsonObject acked = PatronUnderTest.json(patron.post("/api/v1/alerts/" + alertId + "/ack",
                    new JsonObject().put("note", "called the customer")));
            assertThat(acked.getString("status")).isEqualTo("acknowledged");
            assertThat(patron.post("/api/v1/alerts/" + alertId + "/ack", "").statusCode()).isEqualTo(409);

            answer.set(503);
            assertThat(patron.server().deliverWebhooks()).isEqualTo(1);
            assertThat(received).isEmpty();
            assertThat(patron.server().deliverWebhooks()).as("not due again before its backoff").isZero();
        }
        try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
            patron.patron().store().inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE webhook_deliveries SET next_attempt_at = 0"));
            answer.set(200);
            assertThat(patron.server().deliverWebhooks()).isEqualTo(1);
            assertThat(patron.server().deliverWebhooks()).isZero();
            assertThat(received).hasSize(1);
            assertThat(received.get(0).get("event")).isEqualTo("alert.acknowledged");
            JsonObject deliveries = PatronUnderTest.json(patron.get("/api/v1/webhooks/" + hookId + "/deliveries"));
            JsonObject only = deliveries.getJsonArray("items").getJsonObject(0);
            assertThat(only.getString("status")).isEqualTo("delivered");
            assertThat(only.getJsonArray("attemptLog").stream().map(a -> ((JsonObject) a).getInteger("statusCode")))
                    .containsExactly(503, 200);
        }
    }

    @Test
    void aWebhookWithABadUrlOrEventIsRefused() throws Exception {
        try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
            var response = patron.post("/api/v1/webhooks", new JsonObject().put("url", "ftp://x").put("events",
                    new JsonArray().add("order.placed")));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("url", "events", "order.placed");
        }
    }

    private static JsonObject order(String id, String amount) {
        return new JsonObject().put("id", id).put("customerId", "c-1").put("placedAt", "2026-05-01T08:00:00Z")
                .put("amount", amount).put("currency", "USD");
    }
}
