package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged distribution as a user runs it: bin/patron from the assembly, as a separate process. */
class DistributionIT {

    private static final Pattern READY = Pattern.compile("console at (http://\\S+)/console");

    @TempDir
    Path work;

    @Test
    void distributionHasTheDocumentedLayout() throws IOException {
        Path dist = PatronUnderTest.DIST;
        assertThat(dist.resolve("bin/patron")).isExecutable();
        assertThat(dist.resolve("conf/patron.yaml")).isRegularFile();
        assertThat(dist.resolve("data")).isDirectory();
        assertThat(dist.resolve("lib").resolve("patron-host-0.1.0.jar")).isRegularFile();
        assertThat(dist.resolve("plugins").resolve("patron-plugin-rfm-0.1.0.jar")).isRegularFile();
        try (var lib = Files.list(dist.resolve("plugins"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("plugin-api"));
        }
        Path tarball = Path.of(System.getProperty("patron.dist.tarball", "target/patron-0.1.0.tar.gz"));
        try (var in = new GZIPInputStream(Files.newInputStream(tarball))) {
            String listing = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(listing).contains("patron-0.1.0/bin/patron", "patron-0.1.0/conf/patron.yaml",
                    "patron-0.1.0/plugins/patron-plugin-rfm-0.1.0.jar");
        }
    }

    @Test
    void servedDistributionAnswersHealthWithTheRfmPluginStarted() throws Exception {
        Process serve = patron("serve", "--port", "0", "--db", "jdbc:sqlite:" + work.resolve("serve.db"));
        try {
            String base = awaitReady(serve);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            JsonObject body = new JsonObject(health.body());
            assertThat(body.getString("status")).isEqualTo("UP");
            assertThat(body.getJsonObject("plugins").getString("rfm")).isEqualTo("STARTED");

            // The CLI writes to the same database while the server runs: the server holds no lock when idle.
            Process token = patron("tokens", "create", "--name", "while-serving", "--role", "viewer", "--db",
                    "jdbc:sqlite:" + work.resolve("serve.db"));
            String secret = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("pt_")).findFirst().orElse("");
            assertThat(token.waitFor()).isZero();
            HttpResponse<String> customers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/customers"))
                    .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(customers.statusCode()).isEqualTo(200);
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("patron stops on SIGTERM").isTrue();
        }
    }

    @Test
    void demoDataThenScoreFromTheCommandLine() throws Exception {
        String db = "jdbc:sqlite:" + work.resolve("cli.db");
        List<String> demo = run(patron("demo-data", "--customers", "300", "--seed", "7", "--end-date", "2026-06-30", "--db", db));
        assertThat(demo).anyMatch(line -> line.startsWith("demo shop: 300 customers"));
        assertThat(demo).anyMatch(line -> line.matches("scoring run \\S+ succeeded: 300 customers .*"));

        List<String> score = run(patron("score", "--as-of", "2026-06-30", "--db", db));
        assertThat(score).anyMatch(line -> line.matches("scoring run \\S+ succeeded: 300 customers as of 2026-06-30 .*"));

        List<String> plugins = run(patron("plugins", "list", "--db", db));
        assertThat(plugins).anyMatch(line -> line.startsWith("rfm") && line.contains("0.1.0") && line.contains("STARTED"));

        Process again = patron("demo-data", "--customers", "10", "--db", db);
        String output = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.waitFor()).isEqualTo(2);
        assertThat(output).contains("already holds 300 customers");
    }

    @Test
    void aBadConfigurationStopsWithAMessageNamingTheKey() throws Exception {
        Path conf = work.resolve("bad.yaml");
        Files.writeString(conf, "http:\n  prot: 8080\n");
        Process process = patron("plugins", "list", "--config", conf.toString());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("unknown key(s) http.prot").contains("http.port");
    }

    private Process patron(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(PatronUnderTest.DIST.resolve("bin/patron").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATRON_LOG_LEVEL", "WARN");
        return builder.start();
    }

    /** Reads the process output until the ready line and returns the base URL it prints. */
    private static String awaitReady(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            seen.add(line);
            Matcher m = READY.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> reader.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("patron serve ended before it was ready; it printed:\n" + String.join("\n", seen));
    }

    private static List<String> run(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output.lines().toList();
    }
}
