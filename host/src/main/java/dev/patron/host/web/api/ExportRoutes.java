package dev.patron.host.web.api;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.exports.Exporter;
import dev.patron.host.web.auth.Access;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code GET /api/v1/exports/{customers|scores}?format=csv|ndjson}: a streamed download. */
final class ExportRoutes {

    private final Vertx vertx;
    private final Patron patron;

    ExportRoutes(Vertx vertx, Patron patron) {
        this.vertx = vertx;
        this.patron = patron;
    }

    void mount(Router router) {
        router.get("/api/v1/exports/:kind").handler(Access.require(Role.VIEWER)).handler(this::export);
    }

    private void export(RoutingContext ctx) {
        Exporter.Kind kind = Exporter.Kind.parse(ctx.pathParam("kind"));
        Exporter.Format format = Exporter.Format.parse(ctx.request().getParam("format"));
        HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type", format.contentType())
                .putHeader("Content-Disposition", "attachment; filename=\"patron-" + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + "." + format.name().toLowerCase(java.util.Locale.ROOT) + "\"");
        vertx.executeBlocking(() -> {
            try (ResponseWriter out = new ResponseWriter(response)) {
                return new Exporter(patron.store()).export(kind, format, out);
            }
        }, false).onSuccess(rows -> response.end()).onFailure(e -> {
            if (response.headWritten()) {
                response.reset();
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
