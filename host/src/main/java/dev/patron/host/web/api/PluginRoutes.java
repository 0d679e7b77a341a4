package dev.patron.host.web.api;

import dev.patron.host.Patron;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/plugins}: every plugin with its version, state and error. */
final class PluginRoutes {

    private final Vertx vertx;
    private final Patron patron;

    PluginRoutes(Vertx vertx, Patron patron) {
        this.vertx = vertx;
        this.patron = patron;
    }

    void mount(Router router) {
        router.get("/api/v1/plugins").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        // PluginHost serialises lifecycle calls, so listing may wait on a start or stop: off the event loop.
        vertx.executeBlocking(() -> {
            JsonArray plugins = new JsonArray();
            patron.plugins().list().forEach(p -> plugins.add(ApiJson.plugin(p)));
            return new JsonObject().put("apiVersion", dev.patron.api.PluginApi.VERSION).put("plugins", plugins);
        }, false).onSuccess(ctx::json).onFailure(ctx::fail);
    }
}
