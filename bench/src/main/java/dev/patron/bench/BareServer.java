package dev.patron.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The peer of the HTTP measurements: Vert.x routes that answer at once with a constant body (by
 * default the bytes of a real scores response, so both sides send as much), with the same server
 * options as Patron's, in the same process. No auth, no database: the floor of an HTTP request
 * through vertx-web on this machine.
 */
final class BareServer {

    private BareServer() {
    }

    /** Starts on a free loopback port; the future's value is the port. */
    static int start(Vertx vertx, String scoresBody) {
        Buffer scores = Buffer.buffer(scoresBody);
        Buffer created = Buffer.buffer("{\"results\":[{\"id\":\"o-1\",\"outcome\":\"created\"}]}");
        Router router = Router.router(vertx);
        router.get("/bare/customers/:id/scores").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json").end(scores));
        router.post("/bare/orders").handler(BodyHandler.create().setBodyLimit(1 << 20)).handler(ctx -> ctx.response()
                .setStatusCode(201).putHeader("content-type", "application/json").end(created));
        router.get("/hello").handler(ctx -> ctx.response().putHeader("content-type", "application/json").end("{\"hello\":\"world\"}"));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setCompressionSupported(true)).requestHandler(router);
        return server.listen().toCompletionStage().toCompletableFuture().join().actualPort();
    }
}
