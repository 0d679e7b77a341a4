package dev.patron.host.web.plugins;

import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiRequest;
import dev.patron.api.web.ApiResponse;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.NotFoundException;
import dev.patron.host.web.api.Problems;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves {@code /api/v1/plugins/<id>/...} from the plugins' registered routes: the handler runs
 * on a worker thread under a time limit; its answer is written as JSON, an {@link ApiProblem} as
 * problem+json, anything else it throws as a 500 naming the plugin. Nothing of a plugin's code
 * ever runs on the event loop.
 */
public final class PluginApiDispatcher {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final PluginWebRegistry registry;
    private final PluginCalls calls;

    public PluginApiDispatcher(Vertx vertx, PluginWebRegistry registry, PluginCalls calls) {
        this.vertx = vertx;
        this.registry = registry;
        this.calls = calls;
    }

    public void mount(Router router) {
        router.route("/api/v1/plugins/:pluginId/*").handler(this::dispatch);
    }

    private void dispatch(RoutingContext ctx) {
        String pluginId = ctx.pathParam("pluginId");
        String prefix = "/api/v1/plugins/" + pluginId;
        String rest = ctx.normalizedPath().substring(Math.min(ctx.normalizedPath().length(), prefix.length()));
        PluginWebRegistry.Contribution contribution = registry.of(pluginId).orElse(null);
        if (contribution == null) {
            ctx.fail(new NotFoundException("no running plugin " + pluginId + " serves " + ctx.normalizedPath()));
            return;
        }
        String method = ctx.request().method().name();
        boolean pathKnown = false;
        for (PluginWebRegistry.Route route : contribution.routes()) {
            var parameters = route.pattern().match(rest);
            if (parameters.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (route.route().method().equals(method)) {
                dev.patron.host.auth.Principal principal = dev.patron.host.web.auth.Access.principal(ctx);
                dev.patron.host.auth.Role needed = dev.patron.host.auth.Role.parse(route.route().role());
                if (principal == null || !principal.may(needed)) {
                    ctx.fail(403, new dev.patron.host.web.auth.Access.ForbiddenException((principal == null ? "anonymous" : principal.name())
                            + " may not call " + method + " " + ctx.normalizedPath() + "; it needs role " + needed.json()));
                    return;
                }
                ApiRequest request = new ApiRequest(method, rest, parameters.get(), query(ctx), body(ctx),
                        dev.patron.host.web.auth.Access.actor(ctx));
                vertx.executeBlocking(() -> calls.call(pluginId, method + " " + route.route().path(), contribution.extension().classLoader(),
                                LIMIT, () -> route.route().handler().handle(request)), false)
                        .onSuccess(response -> respond(ctx, response))
                        .onFailure(e -> fail(ctx, pluginId, e));
                return;
            }
        }
        ctx.fail(pathKnown ? 405 : 404);
    }

    private static Map<String, List<String>> query(RoutingContext ctx) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        ctx.queryParams().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return query;
    }

    private static Object body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            return null;
        }
        return plain(Json.decodeValue(text));
    }

    /** Vert.x JSON types to plain maps and lists, so plugins need no Vert.x on their classpath. */
    static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        return value;
    }

    private static void respond(RoutingContext ctx, ApiResponse response) {
        if (response == null) {
            Problems.send(ctx, 500, "Plugin error", "the plugin's route returned no response", List.of());
            return;
        }
        ctx.response().setStatusCode(response.status());
        if (response.body() == null) {
            ctx.response().end();
        } else {
            ctx.response().putHeader("Content-Type", "application/json").end(Json.encode(response.body()));
        }
    }

    private static void fail(RoutingContext ctx, String pluginId, Throwable e) {
        Throwable cause = e instanceof PluginCalls.PluginCallException call && call.pluginFailure() != null ? call.pluginFailure() : e;
        if (cause instanceof ApiProblem problem) {
            List<FieldError> errors = new ArrayList<>();
            problem.fields().forEach((field, message) -> errors.add(new FieldError(field, message)));
            Problems.send(ctx, problem.status(), problem.title(), problem.getMessage(), errors, problem.extensions());
        } else {
            org.slf4j.LoggerFactory.getLogger(PluginApiDispatcher.class).error("plugin {} route failed", pluginId, e);
            Problems.send(ctx, 500, "Plugin error", e.getMessage(), List.of());
        }
    }
}
