package dev.patron.host.web.api;

import dev.patron.host.auth.Role;
import dev.patron.host.web.auth.Access;

import dev.patron.api.settings.SettingField;
import dev.patron.host.Patron;
import dev.patron.host.plugins.PluginSettingsService;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.NotFoundException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/plugins}: list, enable, disable, and read or change settings. Lifecycle calls
 * are serialised in the plugin host and may wait on each other: they run off the event loop.
 */
final class PluginRoutes {

    private final Vertx vertx;
    private final Patron patron;
    private final PluginSettingsService settings;

    PluginRoutes(Vertx vertx, Patron patron, PluginSettingsService settings) {
        this.vertx = vertx;
        this.patron = patron;
        this.settings = settings;
    }

    void mount(Router router) {
        router.get("/api/v1/plugins").handler(Access.require(Role.VIEWER)).handler(this::list);
        router.post("/api/v1/plugins/:id/enable").handler(Access.require(Role.ADMIN)).handler(ctx -> lifecycle(ctx, true));
        router.post("/api/v1/plugins/:id/disable").handler(Access.require(Role.ADMIN)).handler(ctx -> lifecycle(ctx, false));
        router.get("/api/v1/plugins/:id/settings").handler(Access.require(Role.VIEWER)).handler(this::readSettings);
        router.put("/api/v1/plugins/:id/settings").handler(Access.require(Role.ADMIN)).handler(this::writeSettings);
    }

    private void list(RoutingContext ctx) {
        vertx.executeBlocking(() -> {
            JsonArray plugins = new JsonArray();
            patron.plugins().list().forEach(p -> plugins.add(ApiJson.plugin(p)));
            return new JsonObject().put("apiVersion", dev.patron.api.PluginApi.VERSION).put("plugins", plugins);
        }, false).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void lifecycle(RoutingContext ctx, boolean enable) {
        String id = ctx.pathParam("id");
        String actor = Access.actor(ctx);
        vertx.executeBlocking(() -> {
            if (patron.plugins().info(id).isEmpty()) {
                throw new NotFoundException("no plugin " + id + " is installed");
            }
            var info = enable ? patron.plugins().enable(id, actor) : patron.plugins().disable(id, actor);
            patron.auth().audit().record(actor, enable ? "plugin.enable" : "plugin.disable", id, info.state());
            return info;
        }, false).onSuccess(info -> ctx.json(ApiJson.plugin(info))).onFailure(ctx::fail);
    }

    private void readSettings(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> settingsJson(settings.view(id)), false).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void writeSettings(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = Bodies.object(ctx);
        JsonObject values = body.containsKey("values") && body.getValue("values") instanceof JsonObject v ? v : body;
        Map<String, String> submitted = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        values.forEach(e -> {
            Object value = e.getValue();
            if (value == null || value instanceof JsonObject || value instanceof JsonArray) {
                errors.add(new FieldError(e.getKey(), "must be a string, number or boolean"));
            } else {
                submitted.put(e.getKey(), String.valueOf(value));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = Access.actor(ctx);
        vertx.executeBlocking(() -> {
            JsonObject result = settingsJson(settings.update(id, submitted, actor));
            patron.auth().audit().record(actor, "plugin.settings", id, String.join(", ", submitted.keySet()));
            return result;
        }, false)
                .onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private static JsonObject settingsJson(PluginSettingsService.View view) {
        JsonArray fields = new JsonArray();
        for (SettingField f : view.fields()) {
            fields.add(new JsonObject().put("key", f.key()).put("type", f.type().name().toLowerCase(java.util.Locale.ROOT))
                    .put("label", f.label()).put("description", f.description()).put("default", f.defaultValue())
                    .put("min", f.min()).put("max", f.max()).put("choices", new JsonArray(new ArrayList<>(f.choices())))
                    .put("multiline", f.multiline()).put("value", view.values().get(f.key())));
        }
        return new JsonObject().put("plugin", view.pluginId()).put("fields", fields)
                .put("values", new JsonObject(new LinkedHashMap<>(view.values())));
    }
}
