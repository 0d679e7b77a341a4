package dev.patron.host.web.api;

import dev.patron.api.web.ApiRoute;
import dev.patron.host.exports.ExportCatalogue;
import dev.patron.host.exports.ExportKind;
import dev.patron.host.web.plugins.PluginWebRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code GET /api/v1/openapi.json}: the host's routes (from {@code openapi/patron-api.yaml}) plus
 * every running plugin's routes, so integrators see exactly what this server offers now.
 */
public final class OpenApiRoutes {

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z0-9_]+)");

    private final JsonObject base;
    private final PluginWebRegistry registry;
    private final ExportCatalogue exports;

    public OpenApiRoutes(PluginWebRegistry registry, ExportCatalogue exports) {
        this.registry = registry;
        this.exports = exports;
        this.base = load();
    }

    void mount(Router router) {
        router.get("/api/v1/openapi.json").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        ctx.json(document());
    }

    /** The whole description as it stands now. */
    public JsonObject document() {
        JsonObject document = base.copy();
        JsonObject paths = document.getJsonObject("paths");
        registry.all().forEach((pluginId, contribution) -> {
            for (PluginWebRegistry.Route route : contribution.routes()) {
                ApiRoute r = route.route();
                String path = openApiPath("/api/v1/plugins/" + pluginId + r.path());
                JsonObject item = paths.getJsonObject(path);
                if (item == null) {
                    item = new JsonObject();
                    paths.put(path, item);
                }
                JsonArray parameters = new JsonArray();
                Matcher m = PARAMETER.matcher(r.path());
                while (m.find()) {
                    parameters.add(new JsonObject().put("name", m.group(1)).put("in", "path").put("required", true)
                            .put("schema", new JsonObject().put("type", "string")));
                }
                item.put(r.method().toLowerCase(Locale.ROOT), new JsonObject()
                        .put("summary", sentence(r.summary()) + "Role: " + r.role() + ".")
                        .put("tags", new JsonArray().add(pluginId))
                        .put("parameters", parameters)
                        .put("responses", new JsonObject()
                                .put("200", new JsonObject().put("description", "Success."))
                                .put("default", new JsonObject().put("$ref", "#/components/responses/Problem"))));
            }
        });
        describeExports(paths.getJsonObject("/api/v1/exports/{kind}"));
        return document;
    }

    /** The export kinds offered now (the running plugins' included), their columns and filters. */
    private void describeExports(JsonObject item) {
        if (item == null) {
            return;
        }
        JsonObject get = item.getJsonObject("get");
        JsonArray names = new JsonArray();
        StringBuilder description = new StringBuilder(get.getString("description", "")).append("\n\nKinds offered now:");
        for (ExportKind kind : exports.kinds()) {
            names.add(kind.name());
            description.append("\n- `").append(kind.name()).append("`")
                    .append(kind.pluginId() == null ? "" : " (plugin " + kind.pluginId() + ")").append(": ").append(kind.description())
                    .append(". Columns: ").append(String.join(", ", kind.columns())).append(". Filters: ")
                    .append(kind.filters().isEmpty() ? "none" : String.join(", ", kind.filterParameters())).append('.');
        }
        get.put("description", description.toString());
        for (Object parameter : get.getJsonArray("parameters", new JsonArray())) {
            JsonObject p = (JsonObject) parameter;
            if ("kind".equals(p.getString("name"))) {
                p.getJsonObject("schema").put("enum", names);
            }
        }
    }

    /** A plugin's route summary as a sentence followed by a space, or nothing. */
    private static String sentence(String summary) {
        if (summary == null || summary.isBlank()) {
            return "";
        }
        String text = summary.strip();
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text + " " : text + ". ";
    }

    /** {@code /customers/:id} → {@code /customers/{id}}. */
    public static String openApiPath(String vertxPath) {
        return PARAMETER.matcher(vertxPath).replaceAll("{$1}");
    }

    private static JsonObject load() {
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream("openapi/patron-api.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi/patron-api.yaml is missing from the host jar");
            }
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new JsonObject(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
