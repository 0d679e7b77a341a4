package dev.patron.host;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on a free loopback port that answers 204 and counts the posts of each delivery id. */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            WebhookReceiver receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            receiver.server.createContext("/hook", exchange -> {
                receiver.posts.computeIfAbsent(String.valueOf(exchange.getRequestHeaders().getFirst("X-Patron-Delivery")),
                        k -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.server.setExecutor(receiver.handlers);
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** How many times each delivery id was posted. */
    public Map<String, Integer> postsByDelivery() {
        Map<String, Integer> counts = new TreeMap<>();
        posts.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
