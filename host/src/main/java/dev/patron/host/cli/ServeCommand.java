package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.config.ConfigKey;
import dev.patron.host.config.PatronConfig;
import dev.patron.host.web.WebServer;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patron serve}: the console and the API, until stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the console and the HTTP API.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    HostOptions host = new HostOptions();

    @Option(names = "--port", description = "HTTP port (overrides http.port; 0 picks a free port).")
    Integer port;

    @Option(names = "--bind", description = "Address to listen on (overrides http.host; default 127.0.0.1).")
    String bind;

    @Option(names = "--demo", description = "On an empty database, first create the demo shop and score it.")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        if (port != null) {
            overrides.put(ConfigKey.HTTP_PORT, String.valueOf(port));
        }
        if (bind != null) {
            overrides.put(ConfigKey.HTTP_HOST, bind);
        }
        PatronConfig config = host.load(overrides);
        long started = System.nanoTime();
        Patron patron = Patron.open(config, Clock.systemUTC());
        if (demo) {
            long customers = patron.store().read(patron.shop()::countCustomers);
            if (customers == 0) {
                DemoDataCommand.load(patron, DemoDataCommand.DEFAULT_CUSTOMERS, DemoDataCommand.DEFAULT_SEED, patron.engine().today());
                ScoreCommand.run(patron, patron.engine().today(), List.of(), "demo");
            } else {
                System.out.println("demo: the database already holds " + customers + " customers; starting with them");
            }
            if (patron.auth().users().count() == 0) {
                String password = dev.patron.host.auth.Secrets.random(12);
                patron.auth().users().add("demo", dev.patron.host.auth.Role.ADMIN, password);
                patron.auth().audit().record("demo", "user.add", "demo", "admin");
                System.out.println("demo: sign in as 'demo' with password " + password + " (an administrator; shown only now)");
            }
        }
        Vertx vertx = Vertx.vertx();
        WebServer server = new WebServer(vertx, patron);
        int actualPort;
        try {
            actualPort = server.start().toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            vertx.close();
            patron.close();
            throw new IllegalStateException("cannot listen on " + config.httpHost() + ":" + config.httpPort() + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            try {
                server.close();
                vertx.close().toCompletionStage().toCompletableFuture().join();
            } finally {
                patron.close();
                stopped.countDown();
            }
        }, "patron-shutdown"));
        String host = config.httpHost().equals("0.0.0.0") ? "localhost" : config.httpHost();
        System.out.printf("Patron is ready in %.1f s: console at http://%s:%d/console (API at http://%s:%d/api/v1)%n",
                (System.nanoTime() - started) / 1e9, host, actualPort, host, actualPort);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
