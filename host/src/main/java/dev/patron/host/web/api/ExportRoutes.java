package dev.patron.host.web.api;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.exports.ExportKind;
import dev.patron.host.exports.Exporter;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.web.auth.Access;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/exports}: the kinds that can be exported now; {@code GET
 * /api/v1/exports/{kind}?format=csv|ndjson&since=&customerId=}: a streamed download of the
 * host's customers or scores, or of a running plugin's export (the loyalty ledger). Viewer role.
 */
final class ExportRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ExportRoutes.class);

    private final Vertx vertx;
    private final Patron patron;

    ExportRoutes(Vertx vertx, Patron patron) {
        this.vertx = vertx;
        this.patron = patron;
    }

    void mount(Router router) {
        router.get("/api/v1/exports").handler(Access.require(Role.VIEWER)).handler(this::list);
        router.get("/api/v1/exports/:kind").handler(Access.require(Role.VIEWER)).handler(this::export);
    }

    private void list(RoutingContext ctx) {
        JsonArray kinds = new JsonArray();
        for (ExportKind kind : patron.exports().kinds()) {
            kinds.add(new JsonObject().put("name", kind.name()).put("description", kind.description())
                    .put("columns", new JsonArray(kind.columns()))
                    .put("filters", new JsonArray(kind.filterParameters()))
                    .put("plugin", kind.pluginId()));
        }
        ctx.json(new JsonObject().put("exports", kinds));
    }

    private void export(RoutingContext ctx) {
        Exporter.Format format = Exporter.Format.parse(ctx.request().getParam("format"));
        Exporter exporter = new Exporter(patron.exports(), patron.config().zone());
        // Off the event loop: an unknown kind's message asks the plugin host which plugins are not running.
        vertx.executeBlocking(() -> exporter.prepare(ctx.pathParam("kind"), ctx.request().getParam("since"),
                ctx.request().getParam("customerId")), false).onSuccess(prepared -> stream(ctx, prepared, format)).onFailure(ctx::fail);
    }

    private void stream(RoutingContext ctx, Exporter.Prepared export, Exporter.Format format) {
        HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type", format.contentType())
                .putHeader("Content-Disposition", "attachment; filename=\"patron-" + export.kind().name() + "." + format.extension() + "\"");
        vertx.executeBlocking(() -> {
            // Not closed on failure: what is still buffered is dropped, and an export failing in its
            // first 64 KiB answers a problem instead of a short file.
            ResponseWriter out = new ResponseWriter(response);
            long rows = export.writeTo(format, out);
            out.close();
            return rows;
        }, false).onSuccess(rows -> response.end()).onFailure(e -> {
            if (response.headWritten()) {
                LOG.warn("export {} cut off: {}", export.kind().name(), e.getMessage());
                response.reset();
                return;
            }
            response.headers().remove("Content-Disposition");
            if (e instanceof PluginCalls.PluginCallException) {
                LOG.error("export {} failed", export.kind().name(), e);
                Problems.send(ctx, 500, "Plugin error", e.getMessage(), List.of());
            } else {
                ctx.fail(e);
            }
        });
    }

    /**
     * A writer into the HTTP response that waits, on the worker thread, while the client is slow
     * (the response's write queue is full), so the export never buffers the whole file in memory.
     */
    private static final class ResponseWriter extends Writer {
        private static final int CHUNK = 64 * 1024;
        private final HttpServerResponse response;
        private final StringBuilder pending = new StringBuilder(CHUNK);

        ResponseWriter(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            pending.append(buffer, offset, length);
            if (pending.length() >= CHUNK) {
                send();
            }
        }

        @Override
        public void flush() {
            send();
        }

        @Override
        public void close() {
            send();
        }

        private void send() {
            if (pending.length() == 0) {
                return;
            }
            Buffer chunk = Buffer.buffer(pending.toString().getBytes(StandardCharsets.UTF_8));
            pending.setLength(0);
            if (response.writeQueueFull()) {
                CountDownLatch drained = new CountDownLatch(1);
                response.drainHandler(v -> drained.countDown());
                try {
                    if (!drained.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the client stopped reading the export");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the client", e);
                }
            }
            response.write(chunk);
        }
    }
}
