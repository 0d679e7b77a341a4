package dev.patron.bench;

import io.vertx.core.Vertx;

/**
 * The start-up peer: a JVM that starts Vert.x with one route and prints "ready" once it listens,
 * as {@code bin/patron serve} prints "Patron is ready". Runs until it is stopped.
 */
public final class BareHello {

    private BareHello() {
    }

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx();
        int port = BareServer.start(vertx, "{\"hello\":\"world\"}");
        System.out.println("ready on port " + port);
        System.out.flush();
    }
}
