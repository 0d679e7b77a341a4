package dev.patron.it;

import dev.patron.host.Patron;
import dev.patron.host.config.ConfigKey;
import dev.patron.host.config.ConfigLoader;
import dev.patron.host.config.PatronConfig;
import dev.patron.host.web.WebServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Patron in this JVM: a fresh SQLite file in a temp folder, the plugin jars of the
 * packaged distribution copied into its plugins folder, the HTTP server on a free port, and a
 * plain HTTP client to talk to it.
 */
final class PatronUnderTest implements AutoCloseable {

    static final Path DIST = Path.of(System.getProperty("patron.dist.dir", "target/patron-0.1.0"));

    private final Patron patron;
    private final Vertx vertx;
    private final WebServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String token;

    private PatronUnderTest(Patron patron, Vertx vertx, WebServer server, int port) {
        this.patron = patron;
        this.vertx = vertx;
        this.server = server;
        this.port = port;
        this.token = patron.auth().tokens().create("tests", dev.patron.host.auth.Role.ADMIN, "tests").secret();
    }

    /** A token of another role, for authorisation tests. */
    String token(dev.patron.host.auth.Role role) {
        return patron.auth().tokens().create("tests-" + role.json(), role, "tests").secret();
    }

    /** Sends a request as-is: no token added. */
    HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts Patron in {@code home} with the distribution's plugins and the given extra settings. */
    static PatronUnderTest start(Path home, Map<ConfigKey, String> settings) throws IOException {
        return start(home, settings, Clock.systemUTC());
    }

    /** Starts Patron as {@link #start(Path, Map)} does, telling the time by {@code clock}. */
    static PatronUnderTest start(Path home, Map<ConfigKey, String> settings, Clock clock) throws IOException {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        try (Stream<Path> jars = Files.list(DIST.resolve("plugins"))) {
            for (Path jar : jars.toList()) {
                if (!Files.exists(plugins.resolve(jar.getFileName()))) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                }
            }
        }
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.put(ConfigKey.HTTP_PORT, "0");
        overrides.putAll(settings);
        PatronConfig config = new ConfigLoader(home, Map.of()).load(null, overrides);
        Patron patron = Patron.open(config, clock);
        Vertx vertx = Vertx.vertx();
        WebServer server = new WebServer(vertx, patron);
        int port = server.start().toCompletionStage().toCompletableFuture().join();
        return new PatronUnderTest(patron, vertx, server, port);
    }

    Patron patron() {
        return patron;
    }

    /** The server's Vert.x, e.g. to occupy one of its named worker pools. */
    Vertx vertx() {
        return vertx;
    }

    WebServer server() {
        return server;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> get(String path) {
        if (path.startsWith("/console")) {
            return sendRaw(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", consoleCookie()).GET());
        }
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    private String cookie;

    /** Signs an admin in through the real sign-in form once and keeps the session cookie. */
    synchronized String consoleCookie() {
        if (cookie == null) {
            String password = "correct horse battery staple";
            patron.auth().users().add("tester", dev.patron.host.auth.Role.ADMIN, password);
            HttpResponse<String> response = sendRaw(HttpRequest.newBuilder(URI.create(url("/console/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=tester&password=" + password.replace(" ", "+") + "&next=%2Fconsole")));
            cookie = response.headers().firstValue("set-cookie").orElseThrow(() -> new AssertionError("no session cookie: "
                    + response.statusCode() + " " + response.body())).split(";")[0];
        }
        return cookie;
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, JsonObject body) {
        return post(path, body.encode());
    }

    HttpResponse<String> put(String path, JsonObject body) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return sendRaw(request.header("Authorization", "Bearer " + token));
    }

    @Override
    public void close() {
        try {
            server.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        } finally {
            patron.close();
        }
    }
}
