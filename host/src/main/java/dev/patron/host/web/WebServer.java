package dev.patron.host.web;

import dev.patron.host.Patron;
import dev.patron.host.store.AsyncStore;
import dev.patron.host.web.api.ApiRouter;
import dev.patron.host.web.console.ConsoleRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP server: API, console and the console's static assets on one port. */
public final class WebServer implements AutoCloseable {

    private final Vertx vertx;
    private final Patron patron;
    private final AsyncStore store;
    private final ExecutorService scoringRunner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "patron-scoring-run");
        thread.setDaemon(true);
        return thread;
    });
    private HttpServer server;

    public WebServer(Vertx vertx, Patron patron) {
        this.vertx = vertx;
        this.patron = patron;
        this.store = new AsyncStore(vertx, patron.store());
    }

    /** Starts listening on the configured address; the future holds the actual port (useful with port 0). */
    public Future<Integer> start() {
        Router router = Router.router(vertx);
        router.route("/assets/*").handler(StaticHandler.create("webroot/assets").setCachingEnabled(true).setMaxAgeSeconds(3600));
        ApiRouter.mount(router, vertx, patron, store, scoringRunner);
        new ConsoleRoutes(vertx, patron, store).mount(router);
        HttpServerOptions options = new HttpServerOptions()
                .setHost(patron.config().httpHost())
                .setPort(patron.config().httpPort())
                .setCompressionSupported(true);
        return vertx.createHttpServer(options).requestHandler(router).listen().map(s -> {
            server = s;
            return s.actualPort();
        });
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
        scoringRunner.shutdownNow();
        store.close();
    }
}
