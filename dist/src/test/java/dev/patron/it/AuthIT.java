package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.auth.Role;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what: API tokens and roles, console sign-in, sessions and CSRF, enforced on the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {

    @TempDir
    static Path home;

    private PatronUnderTest patron;

    @BeforeAll
    void start() throws Exception {
        patron = PatronUnderTest.start(home, Map.of());
    }

    @AfterAll
    void stop() {
        patron.close();
    }

    private HttpResponse<String> api(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(patron.url(path)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return patron.sendRaw(request);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Api {

        @Test
        void everyApiRouteNeedsATokenButHealthDoesNot() {
            HttpResponse<String> anonymous = api("GET", "/api/v1/customers", null, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(anonymous.body()).contains("patron tokens create");
            assertThat(api("GET", "/api/v1/plugins/rfm/whatever", null, null).statusCode()).isEqualTo(401);
            assertThat(api("GET", "/health", null, null).statusCode()).isEqualTo(200);
            assertThat(api("GET", "/api/v1/customers", "pt_not-a-real-token", null).statusCode()).isEqualTo(401);
        }

        @Test
        void aViewerReadsButCannotWrite() {
            String viewer = patron.token(Role.VIEWER);
            assertThat(api("GET", "/api/v1/customers", viewer, null).statusCode()).isEqualTo(200);
            HttpResponse<String> write = api("POST", "/api/v1/customers", viewer, new JsonObject().put("id", "c-v").encode());
            assertThat(write.statusCode()).isEqualTo(403);
            assertThat(write.body()).contains("needs staff");
            assertThat(PatronUnderTest.json(patron.get("/api/v1/customers?q=c-v")).getLong("total")).isZero();
        }

        @Test
        void staffWritesShopDataButCannotManagePlugins() {
            String staff = patron.token(Role.STAFF);
            assertThat(api("POST", "/api/v1/customers", staff, new JsonObject().put("id", "c-s").encode()).statusCode()).isEqualTo(201);
            assertThat(api("POST", "/api/v1/plugins/rfm/disable", staff, "").statusCode()).isEqualTo(403);
            assertThat(api("PUT", "/api/v1/plugins/rfm/settings", staff, "{\"monetary\":\"average\"}").statusCode()).isEqualTo(403);
        }

        @Test
        void aRevokedTokenStopsWorking() {
            var created = patron.patron().auth().tokens().create("short-lived", Role.STAFF, "tests");
            assertThat(api("GET", "/api/v1/customers", created.secret(), null).statusCode()).isEqualTo(200);
            assertThat(patron.patron().auth().tokens().revoke("short-lived")).isEqualTo(1);
            assertThat(api("GET", "/api/v1/customers", created.secret(), null).statusCode()).isEqualTo(401);
        }

        @Test
        void tokensAreStoredOnlyAsHashes() {
            var created = patron.patron().auth().tokens().create("hashed", Role.VIEWER, "tests");
            boolean stored = patron.patron().store().read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT token_hash FROM api_tokens")) {
                    while (rs.next()) {
                        if (rs.getString(1).contains(created.secret())) {
                            return true;
                        }
                    }
                    return false;
                }
            });
            assertThat(stored).isFalse();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Console {

        @Test
        void aPageWithoutASessionSendsTheBrowserToSignIn() {
            HttpResponse<String> response = patron.sendRaw(HttpRequest.newBuilder(URI.create(patron.url("/console/customers"))));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).contains("/console/login?next=%2Fconsole%2Fcustomers");
        }

        @Test
        void signInSetsAStrictHttpOnlyCookieAndAWrongPasswordDoesNot() {
            patron.patron().auth().users().add("anna", Role.STAFF, "a long enough password");
            HttpResponse<String> wrong = signIn("anna", "not the password");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("set-cookie")).isEmpty();
            assertThat(wrong.body()).contains("The name or the password is wrong.");

            HttpResponse<String> right = signIn("anna", "a long enough password");
            assertThat(right.statusCode()).isEqualTo(302);
            String cookie = right.headers().firstValue("set-cookie").orElseThrow();
            assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        }

        @Test
        void repeatedWrongPasswordsAreThrottled() {
            patron.patron().auth().users().add("bruno", Role.VIEWER, "bruno's long password");
            for (int i = 0; i < 5; i++) {
                assertThat(signIn("bruno", "guess " + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> throttled = signIn("bruno", "bruno's long password");
            assertThat(throttled.statusCode()).isEqualTo(401);
            assertThat(throttled.body()).contains("Too many failed sign-ins");
        }

        @Test
        void aFormPostWithoutTheCsrfTokenIsRefusedAndWithItWorks() {
            String cookie = patron.consoleCookie();
            HttpResponse<String> forged = patron.sendRaw(HttpRequest.newBuilder(URI.create(patron.url("/console/plugins/rfm/disable")))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("")));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(patron.patron().plugins().isStarted("rfm")).isTrue();

            String page = patron.get("/console/plugins").body();
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> real = patron.sendRaw(HttpRequest.newBuilder(URI.create(patron.url("/console/plugins/rfm/disable")))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1))));
            assertThat(real.statusCode()).isEqualTo(302);
            assertThat(patron.patron().plugins().isStarted("rfm")).isFalse();
            patron.patron().plugins().enable("rfm", "tests");
        }

        @Test
        void aViewerSessionCannotChangePluginsEvenWithAValidForm() {
            patron.patron().auth().users().add("vera", Role.VIEWER, "vera's long password");
            String cookie = signIn("vera", "vera's long password").headers().firstValue("set-cookie").orElseThrow().split(";")[0];
            String page = patron.sendRaw(HttpRequest.newBuilder(URI.create(patron.url("/console/plugins"))).header("Cookie", cookie)).body();
            assertThat(page).doesNotContain("/console/plugins/rfm/disable");
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> forged = patron.sendRaw(HttpRequest.newBuilder(URI.create(patron.url("/console/plugins/rfm/disable")))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1))));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(patron.patron().plugins().isStarted("rfm")).isTrue();
        }

        @Test
        void usersTokensAndTheAuditLogAreForAdminsOnly() {
            patron.patron().auth().users().add("sam", Role.STAFF, "sam's long password");
            String staffCookie = signIn("sam", "sam's long password").headers().firstValue("set-cookie").orElseThrow().split(";")[0];
            assertThat(patron.sendRaw(HttpRequest.newBuilder(URI.create(patron.url("/console/users"))).header("Cookie", staffCookie))
                    .statusCode()).isEqualTo(403);
            String page = patron.get("/console/users").body();
            assertThat(page).contains("id=\"user-table\"", "sam");
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> created = patron.sendRaw(HttpRequest.newBuilder(URI.create(patron.url("/console/tokens")))
                    .header("Cookie", patron.consoleCookie()).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1) + "&name=from-console&role=viewer")));
            Matcher secret = Pattern.compile("<code>(pt_[^<]+)</code>").matcher(created.body());
            assertThat(secret.find()).isTrue();
            assertThat(api("GET", "/api/v1/customers", secret.group(1), null).statusCode()).isEqualTo(200);
            assertThat(patron.get("/console/audit").body()).contains("token.create", "from-console");
        }

        private HttpResponse<String> signIn(String name, String password) {
            return patron.sendRaw(HttpRequest.newBuilder(URI.create(patron.url("/console/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=" + enc(name) + "&password=" + enc(password) + "&next=%2Fconsole")));
        }

        private String enc(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
