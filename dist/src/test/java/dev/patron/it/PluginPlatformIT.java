package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin platform with real plugin jars compiled in the test and loaded by PF4J from a
 * plugins folder: lifecycle at run time, dependencies, compatibility, containment of plugins that
 * throw or hang, migrations, settings, and pick-up of new jars without a restart.
 */
class PluginPlatformIT {

    @TempDir
    Path home;

    private Path plugins() throws Exception {
        return Files.createDirectories(home.resolve("plugins"));
    }

    @Nested
    class Lifecycle {

        @Test
        void disabledPluginsRoutesPagesAndPanelsGoAndComeBackWhenEnabled() throws Exception {
            TestPlugins.hello("1.0.0").buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                createCustomer(patron, "c-1");
                assertThat(patron.get("/api/v1/plugins/hello/greeting?name=Li").body()).contains("Hello, Li");
                assertThat(patron.get("/console/plugins/hello").body()).contains("id=\"hello-page\"", "Hello page");
                assertThat(patron.get("/console/customers/c-1").body()).contains("Hello c-1");
                assertThat(patron.get("/console").body()).contains("/console/plugins/hello");
                assertThat(patron.get("/plugins/hello/assets/hello.css").statusCode()).isEqualTo(200);

                JsonObject disabled = PatronUnderTest.json(patron.post("/api/v1/plugins/hello/disable", ""));
                assertThat(disabled.getString("state")).isEqualTo("DISABLED");
                assertThat(disabled.getBoolean("enabled")).isFalse();
                assertThat(patron.get("/api/v1/plugins/hello/greeting").statusCode()).isEqualTo(404);
                assertThat(patron.get("/console/plugins/hello").statusCode()).isEqualTo(404);
                assertThat(patron.get("/console/customers/c-1").body()).doesNotContain("Hello c-1");
                assertThat(patron.get("/plugins/hello/assets/hello.css").statusCode()).isEqualTo(404);

                JsonObject enabled = PatronUnderTest.json(patron.post("/api/v1/plugins/hello/enable", ""));
                assertThat(enabled.getString("state")).isEqualTo("STARTED");
                assertThat(patron.get("/api/v1/plugins/hello/greeting").statusCode()).isEqualTo(200);
                assertThat(patron.get("/console/customers/c-1").body()).contains("Hello c-1");
            }
        }

        @Test
        void aDisabledPluginStaysDisabledAfterARestart() throws Exception {
            TestPlugins.hello("1.0.0").buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                assertThat(patron.post("/api/v1/plugins/hello/disable", "").statusCode()).isEqualTo(200);
            }
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                assertThat(plugin(patron, "hello").getString("state")).isEqualTo("DISABLED");
                assertThat(patron.get("/api/v1/plugins/hello/greeting").statusCode()).isEqualTo(404);
                assertThat(plugin(patron, "rfm").getString("state")).isEqualTo("STARTED");
            }
        }

        @Test
        void aJarDroppedIntoTheFolderStartsAndAHigherVersionReplacesItWithoutARestart() throws Exception {
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                Path first = TestPlugins.hello("1.0.0").buildInto(plugins());
                patron.patron().plugins().syncFolder();
                assertThat(PatronUnderTest.json(patron.get("/api/v1/plugins/hello/greeting")).getString("version")).isEqualTo("1.0.0");

                Path upgrade = TestPlugins.hello("1.1.0").buildInto(home.resolve("incoming"));
                Files.move(upgrade, plugins().resolve(upgrade.getFileName()));
                Files.delete(first);
                patron.patron().plugins().syncFolder();
                assertThat(PatronUnderTest.json(patron.get("/api/v1/plugins/hello/greeting")).getString("version")).isEqualTo("1.1.0");
                assertThat(plugin(patron, "hello").getString("version")).isEqualTo("1.1.0");
            }
        }

        @Test
        void anAdminUploadsAPluginInTheConsoleAndABundledHostLibraryIsRefused() throws Exception {
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                Path hello = TestPlugins.hello("1.0.0").buildInto(home.resolve("incoming"));
                HttpResponse<String> installed = upload(patron, hello);
                assertThat(installed.statusCode()).isEqualTo(200);
                assertThat(installed.body()).contains("id=\"installed\"");
                assertThat(plugin(patron, "hello").getString("state")).isEqualTo("STARTED");
                assertThat(patron.get("/api/v1/plugins/hello/greeting").statusCode()).isEqualTo(200);

                Path bundling = TestPlugin.plugin("greedy").resource("org/pf4j/Plugin.class", "not really a class")
                        .buildInto(home.resolve("incoming"));
                HttpResponse<String> refused = upload(patron, bundling);
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).contains("org/pf4j/", "provided");
                assertThat(Files.exists(plugins().resolve("greedy-1.0.0.jar"))).isFalse();
            }
        }

        private HttpResponse<String> upload(PatronUnderTest patron, Path jar) throws Exception {
            String page = patron.get("/console/plugins").body();
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            String boundary = "patron-test-boundary";
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf.group(1) + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jar\"; filename=\"" + jar.getFileName()
                    + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(jar));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return patron.sendRaw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(patron.url("/console/plugins/upload")))
                    .header("Cookie", patron.consoleCookie())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        @Test
        void anUnknownPluginIs404() throws Exception {
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                assertThat(patron.post("/api/v1/plugins/nope/enable", "").statusCode()).isEqualTo(404);
            }
        }
    }

    @Nested
    class Resolution {

        @Test
        void aPluginMissingARequiredDependencyIsNotStartedAndSaysWhyWhileOthersStart() throws Exception {
            TestPlugin.plugin("needy").dependencies("ghost").buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                JsonObject needy = plugin(patron, "needy");
                assertThat(needy.getString("state")).isEqualTo("FAILED");
                assertThat(needy.getString("error")).contains("requires plugin ghost", "not installed");
                assertThat(plugin(patron, "rfm").getString("state")).isEqualTo("STARTED");
            }
        }

        @Test
        void aPluginWithAnAbsentOptionalDependencyStarts() throws Exception {
            TestPlugin.plugin("relaxed").dependencies("ghost?").buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                assertThat(plugin(patron, "relaxed").getString("state")).isEqualTo("STARTED");
            }
        }

        @Test
        void anIncompatiblePluginIsRefusedNamingBothVersions() throws Exception {
            TestPlugin.plugin("future").requires(">=2.0.0").buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                JsonObject future = plugin(patron, "future");
                assertThat(future.getString("state")).isNotEqualTo("STARTED");
                assertThat(future.getString("error")).contains(">=2.0.0", "plugin API " + dev.patron.api.PluginApi.VERSION);
            }
        }
    }

    @Nested
    class Containment {

        @Test
        void aThrowingScorerLosesOnlyItsOwnScores() throws Exception {
            TestPlugins.brokenScorer().buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                createCustomer(patron, "c-1");
                patron.post("/api/v1/orders", order("o-1", "c-1", "10.00"));
                String id = PatronUnderTest.json(patron.post("/api/v1/scoring/runs", "{}")).getString("id");
                JsonObject run = PatronUnderTest.json(patron.get("/api/v1/scoring/runs/" + id + "?wait=30"));
                assertThat(run.getString("status")).isEqualTo("succeeded");
                assertThat(run.getJsonObject("pluginErrors").getString("broken-scorer")).contains("broken on purpose for c-1");
                JsonArray scores = PatronUnderTest.json(patron.get("/api/v1/customers/c-1/scores")).getJsonArray("scores");
                assertThat(scores.stream().map(s -> ((JsonObject) s).getString("plugin"))).contains("rfm").doesNotContain("broken-scorer");
            }
        }

        @Test
        void aHangingEventHandlerIsStoppedTheOrderIsStoredAndThePluginShowsFailed() throws Exception {
            TestPlugins.hangingHandler().buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                createCustomer(patron, "c-1");
                HttpResponse<String> placed = patron.post("/api/v1/orders", order("o-1", "c-1", "10.00"));
                assertThat(placed.statusCode()).isEqualTo(201);
                JsonObject hanging = plugin(patron, "hanging-handler");
                assertThat(hanging.getString("state")).isEqualTo("FAILED");
                assertThat(hanging.getString("error")).contains("did not finish within 5000 ms");
                assertThat(PatronUnderTest.json(patron.get("/api/v1/customers/c-1")).getJsonObject("stats").getLong("orders")).isEqualTo(1);
                assertThat(patron.post("/api/v1/orders", order("o-2", "c-1", "5.00")).statusCode()).isEqualTo(201);
            }
        }

        @Test
        void aFailedHandlerCatchesUpOnEveryMissedEventWhenEnabledAgain() throws Exception {
            TestPlugins.flakyHandler().buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                createCustomer(patron, "c-1");
                assertThat(patron.post("/api/v1/orders", order("o-1", "c-1", "10.00")).statusCode()).isEqualTo(201);
                assertThat(plugin(patron, "flaky").getString("state")).isEqualTo("FAILED");
                assertThat(seen(patron)).isEmpty();
                assertThat(patron.post("/api/v1/orders", order("o-2", "c-1", "10.00")).statusCode()).isEqualTo(201);

                assertThat(PatronUnderTest.json(patron.post("/api/v1/plugins/flaky/enable", "")).getString("state")).isEqualTo("STARTED");
                assertThat(seen(patron)).containsExactly("o-1", "o-2");
                patron.post("/api/v1/orders", order("o-3", "c-1", "10.00"));
                assertThat(seen(patron)).containsExactly("o-1", "o-2", "o-3");
            }
        }

        private java.util.List<String> seen(PatronUnderTest patron) {
            return patron.patron().store().read(c -> {
                java.util.List<String> ids = new java.util.ArrayList<>();
                try (var rs = c.createStatement().executeQuery("SELECT order_id FROM flaky_seen ORDER BY order_id")) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            });
        }
    }

    @Nested
    class MigrationsAndSettings {

        @Test
        void migrationsRunOnceAcrossRestartsAndPluginRoutesWriteThroughThem() throws Exception {
            TestPlugins.hello("1.0.0").buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                assertThat(patron.post("/api/v1/plugins/hello/greetings/g-1", new JsonObject().put("text", "hi")).statusCode()).isEqualTo(201);
                HttpResponse<String> blank = patron.post("/api/v1/plugins/hello/greetings/g-2", new JsonObject().put("text", " "));
                assertThat(blank.statusCode()).isEqualTo(400);
                assertThat(PatronUnderTest.json(blank).getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("text");
            }
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                long applied = patron.patron().store().read(c -> {
                    try (var rs = c.createStatement().executeQuery(
                            "SELECT COUNT(*), (SELECT COUNT(*) FROM hello_greetings) FROM schema_migrations WHERE owner = 'hello'")) {
                        rs.next();
                        assertThat(rs.getLong(2)).isEqualTo(1);
                        return rs.getLong(1);
                    }
                });
                assertThat(applied).isEqualTo(1);
            }
        }

        @Test
        void aMigrationCreatingAnUnprefixedTableIsRefused() throws Exception {
            TestPlugins.badMigration().buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                JsonObject bad = plugin(patron, "bad-migration");
                assertThat(bad.getString("state")).isEqualTo("FAILED");
                assertThat(bad.getString("error")).contains("customers_copy", "bad_migration_");
            }
        }

        @Test
        void settingsAreValidatedStoredAndSeenByThePlugin() throws Exception {
            TestPlugins.hello("1.0.0").buildInto(plugins());
            try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
                JsonObject view = PatronUnderTest.json(patron.get("/api/v1/plugins/hello/settings"));
                assertThat(view.getJsonObject("values").getString("greeting")).isEqualTo("Hello");

                HttpResponse<String> invalid = patron.put("/api/v1/plugins/hello/settings",
                        new JsonObject().put("times", "11").put("colour", "red"));
                assertThat(invalid.statusCode()).isEqualTo(400);
                assertThat(invalid.body()).contains("times", "at most 10", "colour");
                HttpResponse<String> crossField = patron.put("/api/v1/plugins/hello/settings", new JsonObject().put("greeting", " "));
                assertThat(crossField.statusCode()).isEqualTo(400);
                assertThat(crossField.body()).contains("greeting must not be blank");

                assertThat(patron.put("/api/v1/plugins/hello/settings", new JsonObject().put("greeting", "Ni hao").put("times", 3))
                        .statusCode()).isEqualTo(200);
                assertThat(patron.get("/api/v1/plugins/hello/greeting?name=Li").body()).contains("Ni hao, Li");
                assertThat(PatronUnderTest.json(patron.get("/health")).getJsonObject("checks").getJsonObject("hello").getBoolean("up")).isTrue();
            }
        }
    }

    private static JsonObject plugin(PatronUnderTest patron, String id) {
        JsonArray plugins = PatronUnderTest.json(patron.get("/api/v1/plugins")).getJsonArray("plugins");
        return plugins.stream().map(JsonObject.class::cast).filter(p -> p.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no plugin " + id + " in " + plugins.encodePrettily()));
    }

    private static void createCustomer(PatronUnderTest patron, String id) {
        assertThat(patron.post("/api/v1/customers", new JsonObject().put("id", id)).statusCode()).isIn(200, 201);
    }

    private static JsonObject order(String id, String customerId, String amount) {
        return new JsonObject().put("id", id).put("customerId", customerId).put("placedAt", "2026-05-01T08:00:00Z")
                .put("amount", amount).put("currency", "USD");
    }
}
