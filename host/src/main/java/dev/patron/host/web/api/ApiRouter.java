package dev.patron.host.web.api;

import dev.patron.host.Patron;
import dev.patron.host.web.auth.ApiAuthHandler;
import dev.patron.host.plugins.PluginSettingsService;
import dev.patron.host.web.plugins.PluginApiDispatcher;
import dev.patron.host.web.plugins.PluginWebRegistry;
import dev.patron.host.store.AsyncStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.Executor;

/** Mounts the HTTP API v1 and /health on a router. */
public final class ApiRouter {

    /** Largest accepted request body; larger ones get 413. */
    public static final long BODY_LIMIT_BYTES = 16L * 1024 * 1024;

    private ApiRouter() {
    }

    public static void mount(Router router, Vertx vertx, Patron patron, AsyncStore store, Executor scoringRunner,
                             PluginSettingsService settings, PluginApiDispatcher pluginRoutes, PluginWebRegistry registry) {
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        new HealthRoutes(vertx, patron, store).mount(router);
        router.route("/api/v1/*").handler(new ApiAuthHandler(vertx, patron.auth()));
        new CustomerRoutes(vertx, patron, store).mount(router);
        new OrderRoutes(vertx, patron).mount(router);
        new ScoringRoutes(vertx, patron, scoringRunner).mount(router);
        new OpenApiRoutes(registry, patron.exports()).mount(router);
        new ExportRoutes(vertx, patron).mount(router);
        new AlertRoutes(vertx, patron.alerts(), patron.webhooks(), patron.auth().audit()).mount(router);
        new ImportRoutes(vertx, patron).mount(router);
        new PluginRoutes(vertx, patron, settings).mount(router);
        pluginRoutes.mount(router);
        router.route("/api/*").failureHandler(Problems::handle);
        router.route("/api/*").handler(ctx -> ctx.fail(404));
    }
}
