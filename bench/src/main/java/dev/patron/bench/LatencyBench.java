package dev.patron.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Order posted → its customer's scores fresh: one client on loopback posts an order
 * ({@code POST /api/v1/orders}, which stores it, delivers the event and re-scores the customer
 * before answering), then reads the customer's scores and checks that they were computed after
 * the post began. The peer is the same two requests against the bare Vert.x routes: the HTTP
 * floor of this machine.
 */
final class LatencyBench {

    private LatencyBench() {
    }

    record Sample(double[] roundTripsMs, double[] postsMs, int fresh, int pointsChecked, int pointsFresh) {
    }

    /** Every this many orders, the customer's loyalty ledger is read (untimed) to check the points are there. */
    private static final int POINTS_CHECK_EVERY = 10;

    static void run(int patronPort, int barePort, String token, Dataset data, int orders, boolean loyalty, Results results)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String tag = Long.toString(System.currentTimeMillis(), 36);
        int warmup = Math.max(20, orders / 10);
        measure(client, "http://127.0.0.1:" + patronPort + "/api/v1", token, data, tag + "w", warmup, true, false);
        measure(client, "http://127.0.0.1:" + barePort + "/bare", token, data, tag + "bw", warmup, false, false);
        Sample patron = measure(client, "http://127.0.0.1:" + patronPort + "/api/v1", token, data, tag, orders, true, loyalty);
        Sample bare = measure(client, "http://127.0.0.1:" + barePort + "/bare", token, data, tag + "b", orders, false, false);

        double p50 = Stats.percentile(patron.roundTripsMs().clone(), 50);
        double p99 = Stats.percentile(patron.roundTripsMs().clone(), 99);
        double bareP50 = Stats.percentile(bare.roundTripsMs().clone(), 50);
        double bareP99 = Stats.percentile(bare.roundTripsMs().clone(), 99);
        String note = Stats.count(orders) + " orders, one at a time, each to a random customer (after " + warmup
                + " untimed); time from sending POST /api/v1/orders to the end of the following GET .../scores; "
                + "scores computed after the POST began in " + Stats.count(patron.fresh()) + " of " + Stats.count(orders)
                + " reads; POST alone p50 " + Stats.ms(Stats.percentile(patron.postsMs().clone(), 50)) + ", p99 "
                + Stats.ms(Stats.percentile(patron.postsMs().clone(), 99)) + " (store + events + re-score). Points: "
                + (loyalty ? "the loyalty ledger, read right after every " + POINTS_CHECK_EVERY + "th order, held its earn entry in "
                + Stats.count(patron.pointsFresh()) + " of " + Stats.count(patron.pointsChecked()) + " reads (earned in the order's"
                + " own transaction)." : "no loyalty plugin ran.");
        results.measured("latency.p50", "order posted → fresh scores, p50 (HTTP, loopback)", Stats.ms(p50),
                "bare Vert.x POST + GET: " + Stats.ms(bareP50), p50 / bareP50, "", null, note);
        results.measured("latency.p99", "order posted → fresh scores, p99", Stats.ms(p99),
                "bare Vert.x POST + GET: " + Stats.ms(bareP99), p99 / bareP99, "", null, null);
    }

    private static Sample measure(HttpClient client, String base, String token, Dataset data, String tag, int n, boolean check,
                                  boolean points) throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(tag.hashCode());
        double[] roundTrips = new double[n];
        double[] posts = new double[n];
        int fresh = 0;
        int pointsChecked = 0;
        int pointsFresh = 0;
        for (int i = 0; i < n; i++) {
            String customer = data.customerId(1 + random.nextInt(data.customers));
            long cents = 100 + random.nextInt(20_000);
            Instant placedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String orderId = "bench-" + tag + "-" + i;
            String body = new JsonObject().put("id", orderId).put("customerId", customer)
                    .put("placedAt", placedAt.toString())
                    .put("amount", String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100))
                    .put("currency", Dataset.CURRENCY.getCurrencyCode()).put("channel", "web").encode();
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/orders"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/customers/" + customer + "/scores"))
                    .header("Authorization", "Bearer " + token).GET().build();
            long postedAtMillis = System.currentTimeMillis();
            long start = System.nanoTime();
            HttpResponse<String> posted = client.send(post, HttpResponse.BodyHandlers.ofString());
            long afterPost = System.nanoTime();
            HttpResponse<String> scores = client.send(get, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            if (posted.statusCode() / 100 != 2 || scores.statusCode() != 200) {
                throw new IOException("order " + i + " to " + base + ": POST answered " + posted.statusCode() + " " + posted.body()
                        + ", GET answered " + scores.statusCode() + " " + scores.body());
            }
            roundTrips[i] = Stats.millis(end - start);
            posts[i] = Stats.millis(afterPost - start);
            if (check && isFresh(scores.body(), postedAtMillis)) {
                fresh++;
            }
            if (points && i % POINTS_CHECK_EVERY == 0) {
                HttpRequest ledger = HttpRequest.newBuilder(URI.create(base + "/plugins/loyalty/accounts/" + customer + "/ledger?limit=5"))
                        .header("Authorization", "Bearer " + token).GET().build();
                HttpResponse<String> entries = client.send(ledger, HttpResponse.BodyHandlers.ofString());
                pointsChecked++;
                if (entries.statusCode() == 200 && entries.body().contains("\"" + orderId + "\"")) {
                    pointsFresh++;
                }
            }
        }
        return new Sample(roundTrips, posts, fresh, pointsChecked, pointsFresh);
    }

    /** Whether some score in a scores response was computed at or after {@code sinceMillis}. */
    static boolean isFresh(String body, long sinceMillis) {
        JsonArray scores = new JsonObject(body).getJsonArray("scores", new JsonArray());
        for (int i = 0; i < scores.size(); i++) {
            String at = scores.getJsonObject(i).getString("computedAt");
            if (at != null && Instant.parse(at).toEpochMilli() >= sinceMillis - 1) {
                return true;
            }
        }
        return false;
    }
}
