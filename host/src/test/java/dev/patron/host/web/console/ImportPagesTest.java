package dev.patron.host.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.config.PatronConfig;
import dev.patron.host.web.WebServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's import pages over HTTP against a real server: administrators only (before the
 * upload is read), CSRF on every form, the size limit, escaping, and the whole flow from upload
 * to the rejected rows.
 */
class ImportPagesTest {

    private static final String CUSTOMERS = "id,name,email\nc-1,Ann,ann@example.com\nc-2,<b>Bo</b>,bo@example.com\n"
            + "c-3,Cy,not-mail\n";

    @TempDir
    Path dir;
    private Patron patron;
    private Vertx vertx;
    private WebServer server;
    private int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        PatronConfig config = new PatronConfig("127.0.0.1", 0, "jdbc:sqlite:" + dir.resolve("data/patron.db"),
                Currency.getInstance("GBP"), ZoneId.of("Europe/London"), dir.resolve("plugins"), dir);
        patron = Patron.open(config, Clock.systemUTC());
        vertx = Vertx.vertx();
        server = new WebServer(vertx, patron);
        port = server.start().toCompletionStage().toCompletableFuture().join();
        patron.auth().users().add("ada", Role.ADMIN, "ada's long password");
        patron.auth().users().add("sam", Role.STAFF, "sam's long password");
        patron.auth().users().add("vic", Role.VIEWER, "vic's long password");
    }

    @AfterEach
    void stop() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        patron.close();
    }

    /** A signed-in browser: its session cookie and the CSRF token of its pages. */
    private record Session(String cookie, String csrf) {
    }

    private Session signIn(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + enc(name + "'s long password") + "&next=%2Fconsole")));
        String cookie = response.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        String page = send(HttpRequest.newBuilder(uri("/console/alerts")).header("Cookie", cookie).GET()).body();
        Matcher csrf = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">").matcher(page);
        assertThat(csrf.find()).isTrue();
        return new Session(cookie, csrf.group(1));
    }

    @Test
    void staffAndViewersGet403OnEveryImportPageAndTheirUploadIsNeverRead() throws Exception {
        Session admin = signIn("ada");
        String preview = previewLocation(upload(admin, "customers", CUSTOMERS));
        String upload = preview.replaceAll(".*/uploads/([^?]+).*", "$1");
        for (String name : new String[] {"sam", "vic"}) {
            Session session = signIn(name);
            assertThat(get(session, "/console/imports").statusCode()).isEqualTo(403);
            assertThat(get(session, preview).statusCode()).isEqualTo(403);
            assertThat(upload(session, "customers", CUSTOMERS).statusCode()).isEqualTo(403);
            assertThat(post(session, "/console/imports/uploads/" + upload, "action=import&kind=customers").statusCode())
                    .isEqualTo(403);
            assertThat(get(session, "/console/imports").body()).doesNotContain("import-upload");
            assertThat(get(session, "/console").body()).as("no Import entry in their navigation").doesNotContain("/console/imports");
        }
        try (Stream<Path> incoming = Files.list(patron.config().home().resolve("data/imports/console"))) {
            assertThat(incoming.filter(Files::isRegularFile).count()).as("only the admin's upload and its name").isEqualTo(2);
        }
        assertThat(customers()).isZero();
    }

    @Test
    void everyFormNeedsTheSessionsCsrfToken() throws Exception {
        Session admin = signIn("ada");
        Session forged = new Session(admin.cookie(), "not-the-token");

        assertThat(upload(forged, "customers", CUSTOMERS).statusCode()).isEqualTo(403);
        String preview = previewLocation(upload(admin, "customers", CUSTOMERS));
        String upload = preview.replaceAll(".*/uploads/([^?]+).*", "$1");
        assertThat(post(forged, "/console/imports/uploads/" + upload, "action=import&kind=customers").statusCode()).isEqualTo(403);
        assertThat(patron.auth().audit().recent(50)).noneMatch(e -> e.action().startsWith("import"));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsSizeBeforeAnyOfItIsRead() throws Exception {
        Session admin = signIn("ada");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /console/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + admin.cookie() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (3L << 30) + "\r\n\r\n--x\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("The file is too large (3 GB): the console takes files up to 1 GB");
        }
    }

    @Test
    void uploadPreviewDryRunThenImportWithTheRejectedRowListed() throws Exception {
        Session admin = signIn("ada");
        HttpResponse<String> uploaded = upload(admin, "customers", CUSTOMERS);
        assertThat(uploaded.statusCode()).isEqualTo(303);
        String preview = previewLocation(uploaded);
        String upload = preview.replaceAll(".*/uploads/([^?]+).*", "$1");

        String page = get(admin, preview).body();
        assertThat(page).contains("<title>Import customers.csv · Patron</title>");
        assertThat(page).as("values are escaped").contains("&lt;b&gt;Bo&lt;/b&gt;").doesNotContain("<b>Bo</b>");
        assertThat(page).containsPattern("id=\"import-row-4\" class=\"rejected\"");
        assertThat(page).contains("email 'not-mail' is not an e-mail address".replace("'", "&#39;"));
        assertThat(page).contains("Of these 3 rows, 1 would be rejected and 0 skipped.");
        assertThat(page).containsPattern("<option value=\"email\" selected>email</option>");

        HttpResponse<String> dryRun = post(admin, "/console/imports/uploads/" + upload,
                "action=dry-run&kind=customers&encoding=UTF-8&fieldsFor=customers%3A&f.id=id&f.name=name&f.email=email&f.phone=");
        assertThat(dryRun.statusCode()).isEqualTo(303);
        String dryStatus = dryRun.headers().firstValue("Location").orElseThrow();
        JsonObject dry = finished(admin, dryStatus);
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getLong("rowsRejected")).isEqualTo(1);
        assertThat(customers()).as("a dry run writes nothing").isZero();
        String dryPage = get(admin, dryStatus).body();
        assertThat(dryPage).contains("Dry run of customers.csv", "nothing was written", "id=\"import-after-dry-run\"");

        HttpResponse<String> imported = post(admin, "/console/imports/uploads/" + upload,
                "action=import&kind=customers&encoding=UTF-8&fieldsFor=customers%3A&f.id=id&f.name=name&f.email=email&f.phone=");
        String status = imported.headers().firstValue("Location").orElseThrow();
        JsonObject job = finished(admin, status);
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getString("source")).isEqualTo("console");
        assertThat(customers()).isEqualTo(2);
        String done = get(admin, status).body();
        assertThat(done).contains("The import has finished");
        assertThat(done).containsPattern("<td class=\"num\">4</td><td>email</td><td><code>not-mail</code></td>");
        assertThat(done).contains("href=\"/api/v1/imports/" + job.getString("id") + "/report\"");
        assertThat(get(admin, "/api/v1/imports/" + job.getString("id") + "/report").body())
                .startsWith("line,column,value,reason,outcome,code").contains("4,email,not-mail");
        assertThat(get(admin, preview).statusCode()).as("the import used the upload up").isEqualTo(404);
        assertThat(get(admin, "/console/imports").body()).contains("id=\"import-" + job.getString("id") + "\"",
                "id=\"import-" + dry.getString("id") + "\"");
        assertThat(patron.auth().audit().recent(50)).extracting(e -> e.action()).contains("import", "import.dry-run");
    }

    @Test
    void everyImportPageHasAllItsTextsInEnglishAndInChinese() throws Exception {
        Session admin = signIn("ada");
        String preview = previewLocation(upload(admin, "customers", CUSTOMERS));
        String upload = preview.replaceAll(".*/uploads/([^?]+).*", "$1");
        String status = post(admin, "/console/imports/uploads/" + upload,
                "action=dry-run&kind=customers&encoding=UTF-8&fieldsFor=customers%3A&f.id=id&f.name=name&f.email=email")
                .headers().firstValue("Location").orElseThrow();
        finished(admin, status);
        Pattern untranslated = Pattern.compile("imports\\.[a-zA-Z]");
        for (String lang : new String[] {"zh", "en"}) {
            for (String page : new String[] {"/console/imports?lang=" + lang, preview + "&lang=" + lang, status + "&lang=" + lang}) {
                String html = get(admin, page).body();
                assertThat(untranslated.matcher(html).find()).as("a message key shows on %s:%n%s", page, html).isFalse();
                assertThat(html).contains(lang.equals("zh") ? "<html lang=\"zh-CN\">" : "<html lang=\"en\">");
            }
        }
        assertThat(get(admin, status + "&lang=zh").body()).contains("试运行", "未写入任何内容");
    }

    @Test
    void unchosenRequiredColumnsShowTheImportersRefusalAndDisableTheButtons() throws Exception {
        Session admin = signIn("ada");
        String preview = previewLocation(upload(admin, "orders", "Order,Buyer,When,Total\nA-1,c-1,2026-01-02,9.99\n"));

        String page = get(admin, preview).body();

        assertThat(page).contains("id=\"import-refused\"", "no column gives &#39;id&#39;");
        assertThat(page).containsPattern("id=\"import-start\" disabled");
        String fixed = preview + "&fieldsFor=orders%3A&f.id=Order&f.customerId=Buyer&f.placedAt=When&f.amount=Total";
        String chosen = get(admin, fixed).body();
        assertThat(chosen).doesNotContain("id=\"import-refused\"");
        assertThat(chosen).contains("<option value=\"Order\" selected>Order</option>");
        assertThat(chosen).contains("unknown-customer");
    }

    /** Follows the job through the JSON status route until it ends (polled every 50 ms, for at most 30 s). */
    private JsonObject finished(Session session, String statusPage) throws Exception {
        String id = statusPage.replaceAll(".*/console/imports/([^?]+).*", "$1");
        CompletableFuture<JsonObject> ended = new CompletableFuture<>();
        poll(session, id, ended);
        return ended.get(30, TimeUnit.SECONDS);
    }

    private void poll(Session session, String id, CompletableFuture<JsonObject> ended) {
        CompletableFuture.runAsync(() -> {
            JsonObject job = new JsonObject(get(session, "/api/v1/imports/" + id).body());
            if (job.getString("status").equals("queued") || job.getString("status").equals("running")) {
                poll(session, id, ended);
            } else {
                ended.complete(job);
            }
        }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)).exceptionally(e -> {
            ended.completeExceptionally(e);
            return null;
        });
    }

    private long customers() {
        return patron.store().read(c -> patron.shop().countCustomers(c));
    }

    private static String previewLocation(HttpResponse<String> uploaded) {
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        String location = uploaded.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/console/imports/uploads/");
        return location;
    }

    private HttpResponse<String> upload(Session session, String kind, String content) {
        String boundary = UUID.randomUUID().toString();
        Map<String, String> fields = Map.of("csrf", session.csrf(), "kind", kind, "format", "", "encoding", "UTF-8", "mapping", "");
        String body = fields.entrySet().stream().map(f -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                + "\"\r\n\r\n" + f.getValue() + "\r\n").collect(Collectors.joining())
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind + ".csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(uri("/console/imports")).header("Cookie", session.cookie())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> post(Session session, String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(session.csrf()) + "&" + form)));
    }

    private HttpResponse<String> get(Session session, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", session.cookie()).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Reads a response's head and as much body as comes before the server closes or goes quiet. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                response.write(buffer, 0, n);
                if (response.toString(StandardCharsets.UTF_8).contains("</html>")) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
            // the server closed the connection, as it should, or stopped sending: what came is the answer
        }
        return response.toString(StandardCharsets.UTF_8);
    }
}
