package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiRequest;
import dev.patron.api.web.ApiResponse;
import dev.patron.api.web.ApiRoute;
import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shop with the loyalty plugin, for tests: a real temporary store through the testkit, the
 * plugin's migrations applied, its extensions built as the host builds them, orders and refunds
 * delivered to its event handler, and its REST routes called the way the host dispatches them.
 */
final class Shop implements AutoCloseable {

    static final String STAFF = "alice";

    final PluginTestbed bed;
    final LoyaltyEvents events;
    final LoyaltyWeb web;
    final ExpiryJob expiry;
    final TierReviewJob review;
    final LoyaltySettingsSchema schema;

    private Shop(PluginTestbed bed) {
        this.bed = bed;
        bed.migrate();
        this.events = bed.extension(LoyaltyEvents.class);
        this.web = bed.extension(LoyaltyWeb.class);
        this.expiry = bed.extension(ExpiryJob.class);
        this.review = bed.extension(TierReviewJob.class);
        this.schema = bed.extension(LoyaltySettingsSchema.class);
    }

    static Shop open(Path dir) {
        return open(dir, Map.of());
    }

    static Shop open(Path dir, Map<String, String> settings) {
        return new Shop(PluginTestbed.forPlugin("loyalty").settings(settings).now("2026-06-30T12:00:00Z").start(dir));
    }

    static Shop open(PluginTestbed bed) {
        return new Shop(bed);
    }

    Shop customer(String id) {
        bed.customer(id);
        bed.deliver(events);
        return this;
    }

    Shop order(String id, String customer, String placedAt, long amountMinor) {
        bed.order(id, customer, placedAt, amountMinor);
        bed.deliver(events);
        return this;
    }

    Shop refund(String id, String order, long amountMinor, String refundedAt) {
        bed.refund(id, order, amountMinor, refundedAt);
        bed.deliver(events);
        return this;
    }

    /** Hands events to the handler again, as a backlog replay would, in one write transaction. */
    void replay(List<?> recorded) {
        bed.store().write(db -> {
            for (Object event : recorded) {
                if (event instanceof OrderPlaced placed) {
                    events.ordersPlaced(List.of(placed), db);
                } else if (event instanceof OrderRefunded refunded) {
                    events.ordersRefunded(List.of(refunded), db);
                }
            }
            return null;
        });
    }

    /** Delivers orders as an import chunk does: one batch, source {@code import}. */
    void importOrders(List<OrderPlaced> orders) {
        bed.store().write(db -> {
            events.ordersPlaced(orders, db);
            return null;
        });
    }

    Shop settings(Map<String, String> values) {
        List<String> problems = bed.configure(schema, values);
        assertThat(problems).as("settings %s", values).isEmpty();
        return this;
    }

    Shop advance(Duration duration) {
        bed.advanceTime(duration);
        return this;
    }

    // ------------------------------------------------------------------------------------
    // The API

    ApiResponse call(String method, String path, Object body, String actor) {
        for (ApiRoute route : web.routes()) {
            Optional<Map<String, String>> parameters = match(route.path(), pathOf(path));
            if (route.method().equals(method) && parameters.isPresent()) {
                return route.handler().handle(new ApiRequest(method, pathOf(path), parameters.get(), query(path), body, actor));
            }
        }
        throw new AssertionError("no route " + method + " " + path);
    }

    ApiResponse get(String path) {
        return call("GET", path, null, "viewer-bob");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> getJson(String path) {
        ApiResponse response = get(path);
        assertThat(response.status()).isEqualTo(200);
        return (Map<String, Object>) response.body();
    }

    ApiResponse post(String path, Map<String, Object> body) {
        return call("POST", path, body, STAFF);
    }

    ApiProblem problem(String method, String path, Object body) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> call(method, path, body, STAFF));
        assertThat(problem).as("%s %s should fail", method, path).isNotNull();
        return problem;
    }

    ApiResponse redeem(String customer, long points, String key) {
        return post("/accounts/" + customer + "/redemptions", body("points", points, "idempotencyKey", key, "reason", "voucher"));
    }

    ApiResponse adjust(String customer, long points, String reason) {
        return post("/accounts/" + customer + "/adjustments", body("points", points, "reason", reason));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> account(String customer) {
        return getJson("/accounts/" + customer);
    }

    long balance(String customer) {
        return ((Number) account(customer).get("balance")).longValue();
    }

    /** The ledger's sum for a customer, straight from the table. */
    long ledgerSum(String customer) {
        return bed.queryOne("SELECT COALESCE(SUM(points), 0) AS s FROM loyalty_entries WHERE customer_id = ?",
                r -> r.whole("s"), customer).orElse(0L);
    }

    List<String> kinds(String customer) {
        return bed.query("SELECT kind FROM loyalty_entries WHERE customer_id = ? ORDER BY id", r -> r.text("kind"), customer);
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    @Override
    public void close() {
        bed.close();
    }

    private static String pathOf(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static Map<String, List<String>> query(String path) {
        Map<String, List<String>> query = new HashMap<>();
        int q = path.indexOf('?');
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
        }
        return query;
    }

    private static Optional<Map<String, String>> match(String pattern, String path) {
        String[] p = pattern.split("/");
        String[] s = path.split("/");
        if (p.length != s.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i].startsWith(":")) {
                parameters.put(p[i].substring(1), s[i]);
            } else if (!p[i].equals(s[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
