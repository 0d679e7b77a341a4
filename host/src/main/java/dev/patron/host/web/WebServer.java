package dev.patron.host.web;

import dev.patron.host.Patron;
import dev.patron.host.plugins.PluginSettingsService;
import dev.patron.host.plugins.SettingsValidator;
import dev.patron.host.store.AsyncStore;
import dev.patron.host.web.api.ApiRouter;
import dev.patron.host.web.console.ConsoleRoutes;
import dev.patron.host.web.console.PluginAssets;
import dev.patron.host.web.console.PluginConsole;
import dev.patron.host.web.plugins.PluginApiDispatcher;
import dev.patron.host.web.plugins.PluginWebRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: API, console, the console's static assets and what plugins contribute, on one
 * port. It also applies plugin enable/disable choices stored elsewhere (the CLI, another
 * instance) every few seconds.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** How often stored plugin states are compared with the running ones. */
    static final long STATE_SYNC_MILLIS = 5_000;
    /** How often due scheduled jobs are looked for. */
    static final long JOB_TICK_MILLIS = 30_000;
    /** How often due webhook deliveries are looked for. */
    static final long WEBHOOK_TICK_MILLIS = 2_000;

    private final Vertx vertx;
    private final Patron patron;
    private final AsyncStore store;
    private final PluginWebRegistry registry;
    private final ExecutorService scoringRunner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "patron-scoring-run");
        thread.setDaemon(true);
        return thread;
    });
    private final dev.patron.host.jobs.JobScheduler jobs;
    private PluginSettingsService settings;
    private HttpServer server;
    private Router router;
    private long stateSync = -1;
    private long jobTick = -1;
    private long webhookTick = -1;
    private final java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean();
    private final dev.patron.host.alerts.WebhookSender webhookSender;

    public WebServer(Vertx vertx, Patron patron) {
        this.vertx = vertx;
        this.patron = patron;
        this.store = new AsyncStore(vertx, patron.store());
        this.registry = new PluginWebRegistry(patron.plugins(), patron.calls());
        patron.plugins().addListener(registry);
        this.webhookSender = new dev.patron.host.alerts.WebhookSender(patron.store(), patron.clock());
        this.jobs = new dev.patron.host.jobs.JobScheduler(patron.store(), patron.plugins(), patron.calls(), patron.clock(),
                patron.config().zone(), patron.leases());
    }

    /** Starts listening on the configured address; the future holds the actual port (useful with port 0). */
    public Future<Integer> start() {
        Router router = Router.router(vertx);
        router.route("/assets/*").handler(StaticHandler.create("webroot/assets").setCachingEnabled(true).setMaxAgeSeconds(3600));
        new PluginAssets(vertx, patron.plugins()).mount(router);
        PluginSettingsService settings = new PluginSettingsService(patron.store(), patron.plugins(), patron.settings(), patron.calls(),
                new SettingsValidator(patron.config().currency()), patron.clock());
        this.settings = settings;
        ApiRouter.mount(router, vertx, patron, store, scoringRunner, settings,
                new PluginApiDispatcher(vertx, registry, patron.calls()), registry);
        this.router = router;
        new ConsoleRoutes(vertx, patron, store, registry, new PluginConsole(registry, patron.calls()), settings)
                .mount(router, setupCode());
        HttpServerOptions options = new HttpServerOptions()
                .setHost(patron.config().httpHost())
                .setPort(patron.config().httpPort())
                .setCompressionSupported(true);
        stateSync = vertx.setPeriodic(STATE_SYNC_MILLIS, id -> vertx.executeBlocking(() -> {
            followStore();
            return null;
        }, false).onFailure(e -> LOG.warn("could not apply stored plugin states: {}", e.getMessage())));
        webhookTick = vertx.setPeriodic(WEBHOOK_TICK_MILLIS, id -> {
            if (sending.compareAndSet(false, true)) {
                vertx.executeBlocking(webhookSender::tick, false)
                        .onComplete(done -> sending.set(false))
                        .onFailure(e -> LOG.warn("webhook delivery failed: {}", e.getMessage()));
            }
        });
        jobTick = vertx.setPeriodic(JOB_TICK_MILLIS, id -> vertx.executeBlocking(jobs::tick, false)
                .onFailure(e -> LOG.warn("could not start scheduled jobs: {}", e.getMessage())));
        return vertx.createHttpServer(options).requestHandler(router).listen().map(s -> {
            server = s;
            return s.actualPort();
        });
    }

    /**
     * Applies what the CLI or another instance changed in the store: plugins enabled or disabled
     * (and jars added or removed), then plugin settings. The server does it every few seconds.
     */
    public void followStore() {
        patron.plugins().applyStoredStates();
        settings.followStoredChanges();
    }

    /** Every API route with explicit methods, as "METHOD /path" (for the check that each is documented). */
    public java.util.List<String> apiRoutes() {
        java.util.List<String> routes = new java.util.ArrayList<>();
        for (io.vertx.ext.web.Route route : router.getRoutes()) {
            String path = route.getPath();
            if (path == null || !path.startsWith("/api/v1/") || route.methods() == null || path.endsWith("*")) {
                continue;
            }
            route.methods().forEach(m -> routes.add(m.name() + " " + path));
        }
        return routes;
    }

    /** Starts the scheduled jobs that are due now (tests; the server also looks every 30 s); returns how many it started. */
    public int runDueJobs() {
        return jobs.tick();
    }

    /** Sends due webhook deliveries now (tests; the server also does it every few seconds). */
    public int deliverWebhooks() {
        return webhookSender.tick();
    }

    public PluginWebRegistry registry() {
        return registry;
    }

    /**
     * While no user exists, a one-time code for the first-run setup page, printed in the log: only
     * someone who can read the server's output can create the first admin.
     */
    private String setupCode() {
        if (patron.auth().users().count() > 0) {
            return null;
        }
        String code = dev.patron.host.auth.Secrets.random(9);
        LOG.warn("no user exists yet: open /console/setup and enter the one-time code {} to create the first admin"
                + " (or run 'patron users add NAME --role admin')", code);
        return code;
    }

    @Override
    public void close() {
        if (stateSync >= 0) {
            vertx.cancelTimer(stateSync);
        }
        if (jobTick >= 0) {
            vertx.cancelTimer(jobTick);
        }
        if (webhookTick >= 0) {
            vertx.cancelTimer(webhookTick);
        }
        jobs.close();
        patron.plugins().removeListener(registry);
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
        scoringRunner.shutdownNow();
        store.close();
    }
}
