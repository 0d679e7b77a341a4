package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integrator's flow over real HTTP against a real store, with the RFM plugin loaded from the
 * packaged jar: customers and orders in, a scoring run, scores out, and every kind of bad input
 * refused without writing anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFlowIT {

    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @TempDir
    static Path home;

    private PatronUnderTest patron;

    @BeforeAll
    void start() throws Exception {
        patron = PatronUnderTest.start(home, Map.of());
        // Five customers whose recency, frequency and spend are all distinct and opposed:
        // customer k last bought R days ago, placed k orders and spent (6 - k) * 100 in total.
        int[] recencyDays = {1, 5, 30, 100, 300};
        for (int k = 1; k <= 5; k++) {
            createCustomer("c-" + k, "Customer " + k);
            JsonArray orders = new JsonArray();
            long totalMinor = (6 - k) * 100_00L;
            for (int i = 0; i < k; i++) {
                LocalDate day = AS_OF.minusDays(recencyDays[k - 1] + i);
                orders.add(order("o-" + k + "-" + i, "c-" + k, day + "T10:00:00Z", money(totalMinor / k)));
            }
            HttpResponse<String> response = patron.post("/api/v1/orders", new JsonObject().put("orders", orders));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        patron.close();
    }

    @Test
    @Order(1)
    void rfmPluginIsStartedWithItsVersion() {
        JsonObject body = PatronUnderTest.json(patron.get("/api/v1/plugins"));
        JsonObject rfm = body.getJsonArray("plugins").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("id").equals("rfm")).findFirst().orElseThrow();
        assertThat(rfm.getString("id")).isEqualTo("rfm");
        assertThat(rfm.getString("state")).isEqualTo("STARTED");
        assertThat(rfm.getString("version")).isEqualTo("0.1.0");
        assertThat(body.getString("apiVersion")).isEqualTo(dev.patron.api.PluginApi.VERSION);
    }

    @Test
    @Order(2)
    void fullRunScoresEveryCustomerByQuintiles() {
        HttpResponse<String> started = patron.post("/api/v1/scoring/runs", new JsonObject().put("asOf", AS_OF.toString())
                .put("plugins", new JsonArray().add("rfm")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = PatronUnderTest.json(started).getString("id");

        JsonObject run = PatronUnderTest.json(patron.get("/api/v1/scoring/runs/" + runId + "?wait=30"));
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getLong("customers")).isEqualTo(5);
        assertThat(run.getJsonObject("pluginErrors")).isEmpty();

        Map<String, JsonObject> first = scores("c-1");
        assertThat(first.get("recency").getDouble("value")).isEqualTo(5.0);
        assertThat(first.get("frequency").getDouble("value")).isEqualTo(1.0);
        assertThat(first.get("monetary").getDouble("value")).isEqualTo(5.0);
        assertThat(first.get("segment").getString("label")).isEqualTo("New Customers");
        assertThat(first.get("tier").getString("label")).isEqualTo("Platinum");
        assertThat(first.get("recency").getString("explanation")).contains("1 day");
        assertThat(first.get("recency").getString("runId")).isEqualTo(runId);

        assertThat(label("c-2", "segment")).isEqualTo("Potential Loyalist");
        assertThat(label("c-3", "segment")).isEqualTo("Need Attention");
        assertThat(label("c-4", "segment")).isEqualTo("At Risk");
        Map<String, JsonObject> fifth = scores("c-5");
        assertThat(fifth.get("recency").getDouble("value")).isEqualTo(1.0);
        assertThat(fifth.get("frequency").getDouble("value")).isEqualTo(5.0);
        assertThat(fifth.get("monetary").getDouble("value")).isEqualTo(1.0);
        assertThat(fifth.get("segment").getString("label")).isEqualTo("Can't Lose Them");
        assertThat(fifth.get("tier").getString("label")).isEqualTo("Lead");
    }

    @Test
    @Order(3)
    void aNewOrderRescoresItsCustomerAtOnceWithTheLastFit() {
        assertThat(scores("c-5").get("recency").getDouble("value")).isEqualTo(1.0);
        String today = LocalDate.now(java.time.ZoneOffset.UTC) + "T00:00:01Z";
        HttpResponse<String> response = patron.post("/api/v1/orders", order("o-5-new", "c-5", today, "20.00"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

        JsonObject recency = scores("c-5").get("recency");
        assertThat(recency.getDouble("value")).isEqualTo(5.0);
        assertThat(recency.getString("runId")).isNull();
        assertThat(recency.getString("explanation")).contains("last order today");
    }

    @Test
    @Order(4)
    void segmentFilterListsTheSegmentsCustomers() {
        JsonObject page = PatronUnderTest.json(patron.get("/api/v1/customers?segment=New%20Customers"));
        assertThat(page.getLong("total")).isEqualTo(1);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo("c-1");
        assertThat(page.getJsonArray("items").getJsonObject(0).getJsonObject("labels").getString("rfm.tier")).isEqualTo("Platinum");
    }

    @Test
    @Order(5)
    void aCursorWalksTheWholeListOnceAndFiltersCombine() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = PatronUnderTest.json(patron.get("/api/v1/customers?size=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.getJsonArray("items").forEach(i -> seen.add(((JsonObject) i).getString("id")));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly("c-1", "c-2", "c-3", "c-4", "c-5");
        assertThat(PatronUnderTest.json(patron.get("/api/v1/customers?tier=Platinum")).getJsonArray("items").getJsonObject(0)
                .getString("id")).isEqualTo("c-1");
        assertThat(PatronUnderTest.json(patron.get("/api/v1/customers?tier=Platinum&segment=At%20Risk")).getLong("total")).isZero();
        assertThat(PatronUnderTest.json(patron.get("/api/v1/customers?alerts=open")).getLong("total")).isZero();
        assertThat(patron.get("/api/v1/customers?sort=name&cursor=YQ").statusCode()).isEqualTo(400);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Idempotency {

        @Test
        void theSameOrderPostedTwiceIsStoredOnce() {
            createCustomer("c-idem", "Idem");
            JsonObject order = order("o-idem", "c-idem", "2026-05-01T08:00:00Z", "12.34");
            HttpResponse<String> first = patron.post("/api/v1/orders", order);
            HttpResponse<String> second = patron.post("/api/v1/orders", order);
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(PatronUnderTest.json(first).getString("status")).isEqualTo("created");
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(PatronUnderTest.json(second).getString("status")).isEqualTo("unchanged");
            assertThat(orderCount("c-idem")).isEqualTo(1);
        }

        @Test
        void anOrderIdReusedWithOtherContentIsAConflictAndChangesNothing() {
            createCustomer("c-conflict", "Conflict");
            assertThat(patron.post("/api/v1/orders", order("o-conflict", "c-conflict", "2026-05-01T08:00:00Z", "10.00"))
                    .statusCode()).isEqualTo(201);
            HttpResponse<String> response = patron.post("/api/v1/orders", new JsonObject().put("orders", new JsonArray()
                    .add(order("o-conflict-new", "c-conflict", "2026-05-02T08:00:00Z", "5.00"))
                    .add(order("o-conflict", "c-conflict", "2026-05-01T08:00:00Z", "99.00"))));
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(PatronUnderTest.json(response).getString("detail")).contains("o-conflict").contains("idempotency");
            assertThat(orderCount("c-conflict")).isEqualTo(1);
        }

        @Test
        void aRefundIsRecordedOnceAndNeverExceedsTheOrder() {
            createCustomer("c-refund", "Refund");
            patron.post("/api/v1/orders", order("o-refund", "c-refund", "2026-05-01T08:00:00Z", "50.00"));
            JsonObject refund = new JsonObject().put("id", "r-1").put("amount", "30.00").put("refundedAt", "2026-05-03T08:00:00Z");
            assertThat(patron.post("/api/v1/orders/o-refund/refunds", refund).statusCode()).isEqualTo(201);
            assertThat(patron.post("/api/v1/orders/o-refund/refunds", refund).statusCode()).isEqualTo(200);
            HttpResponse<String> tooMuch = patron.post("/api/v1/orders/o-refund/refunds",
                    new JsonObject().put("id", "r-2").put("amount", "20.01"));
            assertThat(tooMuch.statusCode()).isEqualTo(400);
            JsonObject stats = PatronUnderTest.json(patron.get("/api/v1/customers/c-refund")).getJsonObject("stats");
            assertThat(stats.getString("refunded")).isEqualTo("30.00");
            assertThat(stats.getString("net")).isEqualTo("20.00");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class InvalidInput {

        @Test
        void everyInvalidFieldIsNamedAndNothingIsWritten() {
            createCustomer("c-bad", "Bad");
            JsonObject bad = new JsonObject().put("id", "").put("customerId", "c-bad").put("placedAt", "yesterday")
                    .put("amount", 12.5).put("currency", "EUR").put("colour", "red");
            HttpResponse<String> response = patron.post("/api/v1/orders", bad);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(fields(response)).contains("id", "placedAt", "amount", "currency", "colour");
            assertThat(orderCount("c-bad")).isZero();
        }

        @Test
        void anUnknownCustomerIsRefused() {
            HttpResponse<String> response = patron.post("/api/v1/orders", order("o-ghost", "c-ghost", "2026-05-01T08:00:00Z", "1.00"));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(fields(response)).containsExactly("customerId");
            assertThat(PatronUnderTest.json(response).getJsonArray("errors").getJsonObject(0).getString("message"))
                    .contains("POST /api/v1/customers");
        }

        @Test
        void oneBadOrderInABatchRefusesTheWholeBatch() {
            createCustomer("c-batch", "Batch");
            HttpResponse<String> response = patron.post("/api/v1/orders", new JsonObject().put("orders", new JsonArray()
                    .add(order("o-batch-1", "c-batch", "2026-05-01T08:00:00Z", "1.00"))
                    .add(order("o-batch-2", "c-batch", "2026-05-01T09:00:00Z", "-5.00"))
                    .add(order("o-batch-3", "c-batch", "2026-05-01T10:00:00Z", "1.005"))));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(fields(response)).containsExactly("orders[1].amount", "orders[2].amount");
            assertThat(orderCount("c-batch")).isZero();
        }

        @Test
        void malformedJsonIsABadRequest() {
            HttpResponse<String> response = patron.post("/api/v1/orders", "{\"id\": ");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(PatronUnderTest.json(response).getString("title")).isEqualTo("Invalid input");
        }

        @Test
        void anUnknownCustomerIs404() {
            HttpResponse<String> response = patron.get("/api/v1/customers/nobody");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(PatronUnderTest.json(response).getString("detail")).contains("nobody");
        }

        @Test
        void anOversizedBodyIs413() {
            String huge = "{\"id\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
            HttpResponse<String> response = patron.post("/api/v1/customers", huge);
            assertThat(response.statusCode()).isEqualTo(413);
        }

        @Test
        void aRunForAnUnknownPluginIsRefused() {
            HttpResponse<String> response = patron.post("/api/v1/scoring/runs", new JsonObject().put("plugins", new JsonArray().add("nope")));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(PatronUnderTest.json(response).getString("detail")).contains("nope").contains("rfm");
        }
    }

    private void createCustomer(String id, String name) {
        HttpResponse<String> response = patron.post("/api/v1/customers", new JsonObject().put("id", id).put("name", name)
                .put("email", id + "@example.com"));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private static JsonObject order(String id, String customerId, String placedAt, String amount) {
        return new JsonObject().put("id", id).put("customerId", customerId).put("placedAt", placedAt)
                .put("amount", amount).put("currency", "USD").put("channel", "web");
    }

    private static String money(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }

    private Map<String, JsonObject> scores(String customerId) {
        HttpResponse<String> response = patron.get("/api/v1/customers/" + customerId + "/scores");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonObject> byName = new HashMap<>();
        PatronUnderTest.json(response).getJsonArray("scores").forEach(s -> byName.put(((JsonObject) s).getString("name"), (JsonObject) s));
        return byName;
    }

    private String label(String customerId, String score) {
        return scores(customerId).get(score).getString("label");
    }

    private long orderCount(String customerId) {
        return PatronUnderTest.json(patron.get("/api/v1/customers/" + customerId)).getJsonObject("stats").getLong("orders");
    }

    private static List<String> fields(HttpResponse<String> response) {
        return PatronUnderTest.json(response).getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
    }
}
