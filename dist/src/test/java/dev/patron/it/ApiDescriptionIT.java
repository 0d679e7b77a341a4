package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.web.api.OpenApiRoutes;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI description covers every route this server answers (the running plugins' export kinds too), and exports stream real data. */
class ApiDescriptionIT {

    @TempDir
    Path home;

    @Test
    void everyApiRouteIncludingPluginRoutesIsDescribed() throws Exception {
        TestPlugins.hello("1.0.0").buildInto(Files.createDirectories(home.resolve("plugins")));
        try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
            JsonObject paths = PatronUnderTest.json(patron.get("/api/v1/openapi.json")).getJsonObject("paths");
            List<String> undocumented = new ArrayList<>();
            for (String route : patron.server().apiRoutes()) {
                String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
                String path = OpenApiRoutes.openApiPath(route.substring(route.indexOf(' ') + 1));
                JsonObject item = paths.getJsonObject(path);
                if (item == null || !item.containsKey(method)) {
                    undocumented.add(route);
                }
            }
            assertThat(undocumented).as("routes missing from host/src/main/resources/openapi/patron-api.yaml").isEmpty();
            assertThat(patron.server().apiRoutes()).hasSizeGreaterThan(10);
            JsonObject exports = paths.getJsonObject("/api/v1/exports/{kind}").getJsonObject("get");
            assertThat(exports.getJsonArray("parameters").getJsonObject(0).getJsonObject("schema").getJsonArray("enum"))
                    .containsExactly("customers", "scores", "ledger");
            assertThat(exports.getString("description")).contains("`ledger` (plugin loyalty)", "entryId, customerId");
            assertThat(paths.getJsonObject("/api/v1/plugins/hello/greeting").getJsonObject("get").getString("summary"))
                    .contains("Says hello", "viewer");
            assertThat(paths.getJsonObject("/api/v1/plugins/hello/greetings/{id}").getJsonObject("post")
                    .getJsonArray("parameters").getJsonObject(0).getString("name")).isEqualTo("id");
        }
    }

    @Test
    void customersAndScoresExportAsCsvAndNdjson() throws Exception {
        try (PatronUnderTest patron = PatronUnderTest.start(home, Map.of())) {
            patron.post("/api/v1/customers", new JsonObject().put("id", "c-1").put("name", "Li, \"Wei\"")
                    .put("attributes", new JsonObject().put("role", "owner")));
            patron.post("/api/v1/customers", new JsonObject().put("id", "c-2").put("name", "Ana"));
            HttpResponse<String> csv = patron.get("/api/v1/exports/customers?format=csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(csv.body().lines().toList()).hasSize(3).first().asString().startsWith("id,name,email,phone,attributes,orders");
            assertThat(csv.body()).contains("\"Li, \"\"Wei\"\"\"");

            HttpResponse<String> ndjson = patron.get("/api/v1/exports/customers?format=ndjson");
            List<JsonObject> rows = ndjson.body().lines().map(JsonObject::new).toList();
            assertThat(rows).extracting(r -> r.getString("id")).containsExactly("c-1", "c-2");
            assertThat(rows.get(0).getJsonObject("attributes").getString("role")).isEqualTo("owner");

            HttpResponse<String> unknown = patron.get("/api/v1/exports/ledgers");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(PatronUnderTest.json(unknown).getJsonArray("kinds")).containsExactly("customers", "scores", "ledger");
            assertThat(PatronUnderTest.json(unknown).getString("detail")).startsWith("'ledgers' cannot be exported; choose customers,"
                    + " scores, ledger.");
            assertThat(patron.get("/api/v1/exports/customers?since=2026-01-01").statusCode()).isEqualTo(400);
        }
    }
}
