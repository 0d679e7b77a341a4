package dev.patron.bench;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.plugins.PluginInfo;
import dev.patron.host.scoring.RunRequest;
import dev.patron.host.web.WebServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark harness: {@code scripts/bench [--scale small|100k|1m] [--only NAME]}. Runs each
 * section, prints the results table and writes it to {@code bench/target/results.md}. Sections
 * are independent: one that fails is reported as failed and the others go on.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        if (System.getProperty("PATRON_LOG_LEVEL") == null && System.getenv("PATRON_LOG_LEVEL") == null) {
            System.setProperty("PATRON_LOG_LEVEL", "WARN"); // read by the host's logback.xml
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("bench: " + e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        try {
            Results results = run(options);
            System.out.println();
            System.out.println(results.markdown());
            System.out.println("Written to " + options.out.toAbsolutePath());
            long failed = results.rows().stream().filter(r -> r.status() == Results.Status.FAILED).count();
            if (failed > 0) {
                System.err.println("bench: " + failed + " row(s) failed; see the output above");
            }
            System.exit(failed > 0 ? 3 : 0);
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(Bench.class).error("bench failed", e);
            System.exit(1);
        }
    }

    /** Runs the selected sections and writes the table to {@code options.out}. */
    static Results run(Options options) throws IOException {
        long began = System.nanoTime();
        Results results = new Results();
        Machine.describe(results);
        Path work = options.work.toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        snapshotDistribution(options, work, results);
        Dataset data = new Dataset(options.scale.customers(), options.seed);
        results.fact("scale", options.scale.name() + ": " + Stats.count(data.customers) + " customers");
        results.fact("sections", String.join(", ", options.only));
        results.fact("plugins folder", options.pluginsDir() + " (" + String.join(", ", ClvBench.pluginIds(options.pluginsDir())) + ")");
        Path db = work.resolve("patron.db");
        System.out.println("bench: scale " + options.scale.name() + ", " + Stats.count(data.customers) + " customers, sections "
                + options.only + ", work folder " + work);

        if (options.runs("import")) {
            section(results, "import", () -> ImportBench.run(data, work, db, results));
            section(results, "import", () -> ImporterBench.run(data, work, options.pluginsDir(), options.importRounds(), options.scale != Scale.M1, results));
            section(results, "import", () -> RetailImportBench.run(options.retail, work, options.importRounds(), results));
        }
        boolean inProcess = options.runs("scoring") || options.runs("latency") || options.runs("api") || options.runs("console");
        if (inProcess) {
            String failure = section(results, "in-process sections", () -> {
                if (data.loaded == null) {
                    System.out.println("bench: loading the synthetic shop (untimed)");
                    ImportBench.deleteDb(db);
                    data.load(db);
                }
                results.fact("scale", options.scale.name() + ": " + data.describe());
                if (ClvBench.pluginIds(options.pluginsDir()).isEmpty()) {
                    throw new IllegalStateException("no plugin jars in " + options.pluginsDir()
                            + "; build the distribution (mvn -B package -DskipTests) or pass --plugins DIR");
                }
                inProcess(options, data, db, work, results);
            });
            for (String s : List.of("scoring", "latency", "api", "console")) {
                if (options.runs(s)) {
                    results.failSection(s, failure != null ? failure : "did not run; see the harness output");
                }
            }
        }
        if (options.runs("postgresql")) {
            section(results, "postgresql", () -> PostgresBench.run(options, data, db, work, results));
        }
        if (options.runs("clv")) {
            section(results, "clv", () -> ClvBench.run(options, work, results));
        }
        if (options.runs("startup")) {
            section(results, "startup", () -> StartupBench.run(options, work, results));
        }
        results.fact("load average at end", Machine.loadAverage());
        results.fact("harness time", Stats.duration(Stats.seconds(System.nanoTime() - began)));
        Path out = options.out.toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, results.markdown(), StandardCharsets.UTF_8);
        return results;
    }

    /** One Patron in this JVM over the shop's database: scoring, then the HTTP sections. */
    private static void inProcess(Options options, Dataset data, Path db, Path work, Results results) throws Exception {
        try (Patron patron = Patron.open(Dataset.config(work, db, options.pluginsDir()), Clock.systemUTC())) {
            List<PluginInfo> plugins = patron.plugins().list();
            results.fact("plugins in process", plugins.stream().map(p -> p.id() + " " + p.state().toLowerCase(java.util.Locale.ROOT)
                    + (p.error() == null || p.error().isBlank() ? "" : " (" + p.error() + ")")).collect(Collectors.joining("; ")));
            if (patron.plugins().extensions(dev.patron.api.scoring.Scorer.class).isEmpty()) {
                throw new IllegalStateException("no started plugin offers a scorer (plugins in " + options.pluginsDir() + ": " + plugins
                        + "); were the plugins built with the same Patron as bench/target/lib? Rebuild: mvn package -DskipTests");
            }
            if (options.runs("scoring")) {
                section(results, "scoring", () -> ScoringBench.run(patron, data, db, options.repeats(), results));
            }
            if (!options.runs("latency") && !options.runs("api") && !options.runs("console")) {
                return;
            }
            if (!options.runs("scoring")) {
                System.out.println("bench: one scoring run (untimed), so that every customer has scores and models exist");
                ScoringBench.timedRun(patron, new RunRequest(data.asOf(), List.of(), "bench"));
            }
            String token = patron.auth().tokens().create("bench-" + System.currentTimeMillis(), Role.ADMIN, "bench").secret();
            if (patron.auth().users().count() == 0) { // otherwise the server logs a first-run setup code
                patron.auth().users().add("bench", Role.ADMIN, dev.patron.host.auth.Secrets.random(16));
            }
            Vertx vertx = Vertx.vertx();
            Vertx bareVertx = Vertx.vertx();
            WebServer server = new WebServer(vertx, patron);
            try {
                int port = server.start().toCompletionStage().toCompletableFuture().join();
                int barePort = BareServer.start(bareVertx, sampleScores(port, token, data));
                if (options.runs("latency")) {
                    section(results, "latency", () -> LatencyBench.run(port, barePort, token, data, options.latencyOrders(),
                            patron.plugins().isStarted("loyalty"), results));
                }
                if (options.runs("api")) {
                    section(results, "api", () -> ApiBench.run(options, port, barePort, token, data, work, results));
                }
                if (options.runs("console")) {
                    section(results, "console", () -> ConsoleBench.run(patron, port, token, data, options.consoleRequests(), results));
                }
            } finally {
                server.close();
                vertx.close().toCompletionStage().toCompletableFuture().join();
                bareVertx.close().toCompletionStage().toCompletableFuture().join();
            }
        }
    }

    /** A real scores response (of the customer with most scores among a few), served by the bare route as its constant. */
    private static String sampleScores(int port, String token, Dataset data) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String best = "{\"customerId\":\"c-000001\",\"scores\":[]}";
        for (int i = 1; i <= Math.min(20, data.customers); i++) {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/customers/" + data.customerId(i)
                    + "/scores")).header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<String> response = client.send(get, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET scores answered " + response.statusCode() + ": " + response.body());
            }
            if (response.body().length() > best.length()) {
                best = response.body();
            }
        }
        return best;
    }

    @FunctionalInterface
    private interface Section {
        void run() throws Exception;
    }

    /** Runs one section; on failure marks its rows failed and returns why, else null. */
    private static String section(Results results, String name, Section section) {
        long start = System.nanoTime();
        System.out.println("bench: " + name + " ...");
        String failure = null;
        try {
            section.run();
        } catch (Exception | Error e) {
            org.slf4j.LoggerFactory.getLogger(Bench.class).error("bench: section {} failed", name, e);
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            failure = why.length() > 300 ? why.substring(0, 300) + "…" : why;
            if (Results.ROWS.containsKey(name)) {
                results.failSection(name, failure);
            }
        }
        System.out.println("bench: " + name + " took " + Stats.duration(Stats.seconds(System.nanoTime() - start)));
        return failure;
    }

    /**
     * Copies the distribution into the work folder and uses the copy (its bin/patron, its plugins),
     * so that a build running meanwhile cannot change what is measured halfway through.
     */
    private static void snapshotDistribution(Options options, Path work, Results results) throws IOException {
        Path dist = options.dist.toAbsolutePath();
        if (!Files.isDirectory(dist)) {
            return;
        }
        Path copy = work.resolve("dist");
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(dist.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.startsWith(dist.resolve("data"))) {
                    Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        if (options.plugins == null) {
            options.plugins = copy.resolve("plugins");
        }
        options.dist = copy;
        results.fact("distribution", "a copy of " + dist + " taken at the start");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
