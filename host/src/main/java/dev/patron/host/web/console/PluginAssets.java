package dev.patron.host.web.console;

import dev.patron.host.plugins.PluginHost;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves a running plugin's static files from its jar ({@code assets/<plugin id>/...}) at
 * {@code /plugins/<plugin id>/assets/...}. Only plain file names: no {@code ..}, no absolute paths.
 */
public final class PluginAssets {

    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "json", "application/json", "woff2", "font/woff2", "ico", "image/x-icon");

    private final Vertx vertx;
    private final PluginHost plugins;

    public PluginAssets(Vertx vertx, PluginHost plugins) {
        this.vertx = vertx;
        this.plugins = plugins;
    }

    public void mount(Router router) {
        router.get("/plugins/:pluginId/assets/*").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String pluginId = ctx.pathParam("pluginId");
        String prefix = "/plugins/" + pluginId + "/assets/";
        String file = ctx.normalizedPath().length() > prefix.length() ? ctx.normalizedPath().substring(prefix.length()) : "";
        if (file.isEmpty() || file.contains("..") || file.startsWith("/") || file.contains("\\") || !plugins.isStarted(pluginId)) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        vertx.executeBlocking(() -> {
            ClassLoader loader = plugins.classLoader(pluginId).orElse(null);
            if (loader == null) {
                return null;
            }
            try (InputStream in = loader.getResourceAsStream("assets/" + pluginId + "/" + file)) {
                return in == null ? null : in.readAllBytes();
            }
        }, false).onSuccess(bytes -> {
            if (bytes == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
            ctx.response().putHeader("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"))
                    .putHeader("Cache-Control", "max-age=3600").putHeader("X-Content-Type-Options", "nosniff")
                    .end(Buffer.buffer(bytes));
        }).onFailure(ctx::fail);
    }
}
