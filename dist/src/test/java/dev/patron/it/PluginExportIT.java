package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third-party plugin's DataExport, found through PF4J's index: streamed, gone with its plugin, and failing cleanly. */
class PluginExportIT {

    @TempDir
    Path home;

    @Test
    void aPluginsExportStreamsWhileThePluginRunsAndNamesThePluginWhenItDoesNot() throws Exception {
        TestPlugins.exports().buildInto(Files.createDirectories(home.resolve("plugins")));
        try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
            patron.post("/api/v1/customers", new JsonObject().put("id", "c-2").put("name", "Bo"));
            patron.post("/api/v1/customers", new JsonObject().put("id", "c-1").put("name", "Li, \"Wei\""));

            HttpResponse<String> csv = patron.get("/api/v1/exports/customer-names");
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"patron-customer-names.csv\"");
            assertThat(csv.body()).isEqualTo("id,name,position\r\nc-1,\"Li, \"\"Wei\"\"\",1\r\nc-2,Bo,2\r\n");
            assertThat(PatronUnderTest.json(patron.get("/api/v1/exports")).getJsonArray("exports").stream()
                    .map(e -> ((JsonObject) e).getString("name") + "/" + ((JsonObject) e).getString("plugin")))
                    .contains("customer-names/notes", "broken-export/notes", "ledger/loyalty");

            assertThat(patron.post("/api/v1/plugins/notes/disable", "").statusCode()).isEqualTo(200);
            HttpResponse<String> gone = patron.get("/api/v1/exports/customer-names");
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(PatronUnderTest.json(gone).getString("detail"))
                    .contains("'customer-names' is the notes plugin's export, and notes is not running", "patron plugins enable notes");
            assertThat(PatronUnderTest.json(gone).getJsonArray("kinds")).containsExactly("customers", "scores", "ledger");

            assertThat(patron.post("/api/v1/plugins/notes/enable", "").statusCode()).isEqualTo(200);
            assertThat(patron.get("/api/v1/exports/customer-names?format=ndjson").body().lines())
                    .containsExactly("{\"id\":\"c-1\",\"name\":\"Li, \\\"Wei\\\"\",\"position\":1}", "{\"id\":\"c-2\",\"name\":\"Bo\",\"position\":2}");
        }
    }

    @Test
    void aFailingExportAnswersAProblemAndTheCommandLineLeavesNoFile() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        TestPlugins.exports().buildInto(plugins);
        try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
            HttpResponse<String> failed = patron.get("/api/v1/exports/broken-export");
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(failed.headers().firstValue("Content-Disposition")).isEmpty();
            assertThat(PatronUnderTest.json(failed).getString("detail"))
                    .isEqualTo("plugin notes: export broken-export failed: the notes archive is unreachable; check its mount");
        }

        Path out = home.resolve("broken.csv");
        Command.Result cli = Command.patron(home, Map.of("PATRON_PLUGINS_DIR", plugins.toString()), "export", "broken-export",
                "--output", out.toString(), "--db", "jdbc:sqlite:" + home.resolve("cli.db"));
        assertThat(cli.exitCode()).as(cli.output()).isEqualTo(2);
        assertThat(cli.stderr()).contains("patron: plugin notes: export broken-export failed: the notes archive is unreachable");
        assertThat(out).doesNotExist();
        assertThat(home.resolve("broken.csv.partial")).doesNotExist();
    }
}
