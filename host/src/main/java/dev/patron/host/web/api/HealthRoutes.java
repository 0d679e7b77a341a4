package dev.patron.host.web.api;

import dev.patron.host.Patron;
import dev.patron.api.health.HealthCheck;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.plugins.PluginInfo;
import dev.patron.host.store.AsyncStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health}: 200 when the store answers, 503 when it does not. Plugin states are
 * reported but a failed plugin does not make the host unhealthy: the others still serve.
 */
final class HealthRoutes {

    private static final java.time.Duration CHECK_LIMIT = java.time.Duration.ofSeconds(1);

    private final Vertx vertx;
    private final Patron patron;
    private final AsyncStore store;

    HealthRoutes(Vertx vertx, Patron patron, AsyncStore store) {
        this.vertx = vertx;
        this.patron = patron;
        this.store = store;
    }

    void mount(Router router) {
        router.get("/health").handler(this::health);
    }

    private JsonObject checkJson(PluginExtension<HealthCheck> check) {
        try {
            HealthCheck.Health health = patron.calls().call(check.pluginId(), "health check", check.classLoader(), CHECK_LIMIT,
                    () -> check.extension().check());
            return new JsonObject().put("up", health.up()).put("detail", health.detail());
        } catch (RuntimeException e) {
            return new JsonObject().put("up", false).put("detail", e.getMessage());
        }
    }

    private void health(RoutingContext ctx) {
        store.read(c -> patron.shop().countCustomers(c))
                .compose(customers -> vertx.executeBlocking(() -> {
                    JsonObject plugins = new JsonObject();
                    for (PluginInfo p : patron.plugins().list()) {
                        plugins.put(p.id(), p.state());
                    }
                    JsonObject checks = new JsonObject();
                    for (PluginExtension<HealthCheck> check : patron.plugins().extensions(HealthCheck.class)) {
                        checks.put(check.pluginId(), checkJson(check));
                    }
                    return new JsonObject().put("status", "UP").put("store", "UP").put("customers", customers).put("plugins", plugins)
                            .put("checks", checks);
                }, false))
                .onSuccess(ctx::json)
                .onFailure(e -> ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", "DOWN").put("store", "DOWN").put("error", String.valueOf(e.getMessage())).encode()));
    }
}
