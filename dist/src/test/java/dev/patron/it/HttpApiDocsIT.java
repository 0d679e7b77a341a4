package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.demo.DemoLoader;
import dev.patron.host.scoring.RunRequest;
import dev.patron.host.scoring.RunStatus;
import dev.patron.host.scoring.ScoringProgress;
import dev.patron.host.web.plugins.PluginWebRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every curl example of docs/http-api.md, in document order, against the packaged
 * distribution's plugins with the demo shop, as the document's conventions describe: each
 * {@code bash} block with {@code curl} runs with real curl under bash with {@code $PATRON} and
 * {@code $TOKEN} set, in one working folder; it must exit 0, every request must answer below 400
 * unless the {@code http} block after it shows another status for the last one, and that block's
 * headers and body must match the answer ({@link ExpectedBody}). Then every route of the API must
 * have been called by some example.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpApiDocsIT {

    private static final Path DOC = Path.of(System.getProperty("patron.docs.dir", "../docs")).resolve("http-api.md");
    /** The day the document's examples take place; time runs on from it during the test. */
    private static final Instant DOCUMENT_DAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration EXAMPLE_LIMIT = Duration.ofSeconds(90);
    /**
     * Wraps curl: numbers each request, keeps its arguments and dumps its response headers, so the
     * test knows every status without changing a command of the document.
     */
    private static final String PREAMBLE = """
            set -euo pipefail
            curl() {
              local n
              n=$(( $(cat "$PATRON_DOCS_TRACE/calls") + 1 ))
              printf '%s' "$n" > "$PATRON_DOCS_TRACE/calls"
              printf '%s\\0' "$@" > "$PATRON_DOCS_TRACE/$n.args"
              command curl --max-time 60 -D "$PATRON_DOCS_TRACE/$n.headers" "$@"
            }
            """;

    @TempDir
    static Path dir;

    private PatronUnderTest patron;
    private Path work;
    private Path trace;
    private Map<String, String> env;
    private final List<Call> calls = new ArrayList<>();

    @BeforeAll
    void startTheDemoShop() throws IOException {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), DOCUMENT_DAY));
        patron = PatronUnderTest.start(dir.resolve("patron"), Map.of(), clock);
        Patron p = patron.patron();
        new DemoLoader(p.store(), p.writes()).load(300, 42, p.engine().today(), p.config().zone(), p.config().currency(), n -> { });
        RunStatus run = p.engine().run(new RunRequest(p.engine().today(), List.of(), "demo"), ScoringProgress.NONE);
        assertThat(run.status()).as("the demo shop's first scoring run").isEqualTo("succeeded");
        work = Files.createDirectories(dir.resolve("work"));
        trace = Files.createDirectories(dir.resolve("trace"));
        Files.writeString(trace.resolve("calls"), "0");
        String base = patron.url("");
        env = Map.of("PATRON", base.endsWith("/") ? base.substring(0, base.length() - 1) : base, "TOKEN", patron.token(Role.ADMIN),
                "PATRON_DOCS_TRACE", trace.toString(), "LC_ALL", "C.UTF-8");
    }

    @AfterAll
    void stop() {
        if (patron != null) {
            patron.close();
        }
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyExampleRunsAndAnswersAsShown() throws IOException {
        List<DocExample> examples = DocExample.read(DOC);
        assertThat(examples).as("curl examples in %s", DOC).hasSizeGreaterThan(20);
        return examples.stream().map(example -> dynamicTest(example.title(), () -> run(example)));
    }

    @Test
    @Order(2)
    void everyRouteOfTheApiHasAnExample() {
        List<String> routes = new ArrayList<>(patron.server().apiRoutes());
        routes.add("GET /health");
        patron.server().registry().all().forEach((pluginId, contribution) -> {
            for (PluginWebRegistry.Route route : contribution.routes()) {
                routes.add(route.route().method() + " /api/v1/plugins/" + pluginId + route.route().path());
            }
        });
        TreeSet<String> uncalled = new TreeSet<>();
        for (String route : routes) {
            if (calls.stream().noneMatch(call -> call.matches(route))) {
                uncalled.add(route);
            }
        }
        assertThat(calls).as("requests made by the examples").isNotEmpty();
        assertThat(uncalled).as("routes without a runnable example in docs/http-api.md").isEmpty();
    }

    private void run(DocExample example) throws IOException {
        Path script = trace.resolve("example-" + example.line() + ".sh");
        Files.writeString(script, PREAMBLE + example.script() + "\n", StandardCharsets.UTF_8);
        int before = callCount();
        Command.Result result = Command.run(EXAMPLE_LIMIT, work, env, List.of("bash", script.toString()));
        List<Call> made = new ArrayList<>();
        for (int n = before + 1; n <= callCount(); n++) {
            made.add(Call.read(trace, n, env.get("PATRON")));
        }
        calls.addAll(made);
        String what = "example at " + DOC.getFileName() + " line " + example.line() + "\n" + example.script() + "\n--- it printed:\n"
                + result.output() + "\n--- its requests:\n" + String.join("\n", made.stream().map(Call::toString).toList());
        assertThat(result.exitCode()).as(what).isZero();
        assertThat(made).as(what).isNotEmpty();
        for (int i = 0; i < made.size() - 1; i++) {
            assertThat(made.get(i).status()).as("status of request %d of %s", i + 1, what).isBetween(200, 399);
        }
        Call last = made.get(made.size() - 1);
        if (example.response().isEmpty()) {
            assertThat(last.status()).as("status of the last request of %s", what).isBetween(200, 399);
            return;
        }
        DocExample.Response shown = example.response().get();
        assertThat(last.status()).as("status of the last request (shown at line %d) of %s", shown.line(), what).isEqualTo(shown.status());
        shown.headers().forEach((name, value) -> assertThat(last.headers().get(name))
                .as("header %s of the last request (shown at line %d) of %s", name, shown.line(), what).startsWith(value));
        assertThat(ExpectedBody.mismatches(shown.body(), result.stdout()))
                .as("the body shown at line %d against what %s", shown.line(), what).isEmpty();
    }

    private int callCount() throws IOException {
        return Integer.parseInt(Files.readString(trace.resolve("calls")).trim());
    }

    /** One request an example made: its method and path (from curl's arguments) and its response's status and headers. */
    private record Call(String method, String path, int status, Map<String, String> headers) {

        static Call read(Path trace, int n, String base) throws IOException {
            List<String> args = List.of(Files.readString(trace.resolve(n + ".args"), StandardCharsets.UTF_8).split("\0"));
            String method = null;
            boolean body = false;
            String url = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if ((arg.equals("-X") || arg.equals("--request")) && i + 1 < args.size()) {
                    method = args.get(i + 1);
                } else if (List.of("-d", "--data", "--data-binary", "--data-raw", "--json", "-F", "--form", "-T").contains(arg)) {
                    body = true;
                } else if (arg.startsWith(base)) {
                    url = arg.substring(base.length());
                }
            }
            String path = url == null ? "(no " + base + " URL)" : url.replaceFirst("[?#].*$", "");
            Path headerFile = trace.resolve(n + ".headers");
            int status = 0;
            Map<String, String> headers = new LinkedHashMap<>();
            if (Files.exists(headerFile)) {
                for (String line : Files.readAllLines(headerFile, StandardCharsets.ISO_8859_1)) {
                    if (line.startsWith("HTTP/")) {
                        status = Integer.parseInt(line.split("\\s+")[1]);
                        headers.clear();
                    } else if (line.indexOf(':') > 0) {
                        headers.put(line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT),
                                line.substring(line.indexOf(':') + 1).trim());
                    }
                }
            }
            return new Call(method != null ? method : body ? "POST" : "GET", path, status, headers);
        }

        /** Whether this request is one of {@code route} ("METHOD /path/:parameter"). */
        boolean matches(String route) {
            String[] wanted = route.split(" ", 2);
            if (!wanted[0].equalsIgnoreCase(method)) {
                return false;
            }
            String[] pattern = wanted[1].split("/");
            String[] segments = path.split("/");
            if (pattern.length != segments.length) {
                return false;
            }
            for (int i = 0; i < pattern.length; i++) {
                if (!pattern[i].startsWith(":") && !pattern[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + (status == 0 ? "no response" : status);
        }
    }
}
