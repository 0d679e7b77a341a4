package dev.patron.host.alerts;

import dev.patron.host.plugins.data.JdbcPluginDatabase;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox events to webhooks, at least once. Each tick claims due deliveries with a lease
 * under a claim of its own (so two senders, on one instance or several, never post the same one
 * at once; on PostgreSQL they lock and skip each other's rows), posts each signed body, records the attempt,
 * and on failure schedules a retry with exponential backoff (10 s doubling up to an hour) until
 * {@link #MAX_ATTEMPTS}. State is all in the store: a restart picks up where it left off.
 *
 * <p>Signature: {@code X-Patron-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * with {@code X-Patron-Timestamp} (epoch seconds), so receivers can reject replays.
 */
public final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final Sql SQL = Sql.load("sql/alerts.sql");
    static final int MAX_ATTEMPTS = 15;
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 20;

    private record Claimed(String id, int attempts, String url, String secret, String event, String payload, String eventId) {
    }

    private final Store store;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    public WebhookSender(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Sends what is due now; returns how many deliveries were attempted. Blocking. */
    public int tick() {
        long now = clock.millis();
        long leaseUntil = now + LEASE.toMillis();
        String claim = UUID.randomUUID().toString();
        List<Claimed> claimed = store.inTransaction(c -> {
            JdbcPluginDatabase db = new JdbcPluginDatabase(c, true, "host");
            db.update(SQL.get("claimDue", store.dialect()), leaseUntil, claim, now, now, BATCH, now);
            return db.query(SQL.get("claimed"), row -> new Claimed(row.text("id"), row.whole("attempts").intValue(), row.text("url"),
                    row.text("secret"), row.text("event_type"), row.text("payload"), row.text("event_id")), claim, leaseUntil);
        });
        for (Claimed delivery : claimed) {
            send(delivery);
        }
        return claimed.size();
    }

    private void send(Claimed delivery) {
        int attempt = delivery.attempts() + 1;
        long started = clock.millis();
        Integer status = null;
        String error = null;
        try {
            String timestamp = Long.toString(started / 1000);
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Patron-Webhooks/1")
                    .header("X-Patron-Event", delivery.event())
                    .header("X-Patron-Delivery", delivery.id())
                    .header("X-Patron-Timestamp", timestamp)
                    .header("X-Patron-Signature", "sha256=" + sign(delivery.secret(), timestamp + "." + delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "receiver answered " + status;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long finished = clock.millis();
        Integer code = status;
        String failure = error;
        store.inTransaction(c -> {
            JdbcPluginDatabase db = new JdbcPluginDatabase(c, true, "host");
            db.update(SQL.get("recordAttempt"), delivery.id(), attempt, started, code, failure, finished - started);
            if (failure == null) {
                db.update(SQL.get("delivered"), attempt, finished, delivery.id());
            } else {
                boolean giveUp = attempt >= MAX_ATTEMPTS;
                db.update(SQL.get("retryLater"), giveUp ? "failed" : "pending", attempt, finished + backoff(attempt).toMillis(),
                        failure, delivery.id());
            }
            return null;
        });
        if (failure != null) {
            LOG.warn("webhook delivery {} to {} failed (attempt {}): {}", delivery.id(), delivery.url(), attempt, failure);
        }
    }

    /** Wait after the n-th failed attempt: 10 s, 20 s, 40 s, ... at most an hour. */
    static Duration backoff(int attempt) {
        long millis = FIRST_RETRY.toMillis() << Math.min(20, attempt - 1);
        return Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
    }

    /** HMAC-SHA256 of {@code text} with {@code secret}, hex. */
    public static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
