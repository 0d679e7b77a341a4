package dev.patron.host.alerts;

import dev.patron.host.auth.Secrets;
import dev.patron.host.plugins.data.JdbcPluginDatabase;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.NotFoundException;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Webhook subscriptions and their delivery history. */
public final class Webhooks {

    private static final Sql SQL = Sql.load("sql/alerts.sql");
    private static final List<String> EVENTS = List.of(AlertEvents.OPENED, AlertEvents.ACKNOWLEDGED, AlertEvents.RESOLVED);

    private final Store store;
    private final Clock clock;

    public Webhooks(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Subscribes {@code url} to {@code events} (alert.opened, alert.acknowledged, alert.resolved,
     * alert.* or *). Without a secret one is generated. The answer shows the secret; it is needed
     * to check the signature of every delivery.
     */
    public JsonObject create(String url, String secret, List<String> events, String actor) {
        List<FieldError> errors = new ArrayList<>();
        try {
            URI uri = URI.create(url == null ? "" : url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                errors.add(new FieldError("url", "must be an absolute http or https URL"));
            } else if (uri.getUserInfo() != null) {
                errors.add(new FieldError("url", "must not carry credentials; the body is signed with the secret instead"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("url", "is not a URL: " + e.getMessage()));
        }
        if (secret != null && secret.length() < 16) {
            errors.add(new FieldError("secret", "must be at least 16 characters, or left out to have one generated"));
        }
        List<String> chosen = events == null || events.isEmpty() ? List.of("alert.*") : events;
        for (String event : chosen) {
            if (!event.equals("*") && !event.equals("alert.*") && !EVENTS.contains(event)) {
                errors.add(new FieldError("events", "'" + event + "' is not an event; use " + String.join(", ", EVENTS) + ", alert.* or *"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String id = UUID.randomUUID().toString();
        String key = secret == null ? Secrets.random(32) : secret;
        long now = clock.millis();
        store.inTransaction(c -> new JdbcPluginDatabase(c, true, "host").update(SQL.get("insertWebhook"), id, url, key,
                String.join(",", chosen), now, actor));
        return get(id).put("secret", key);
    }

    public List<JsonObject> list() {
        return store.read(c -> new JdbcPluginDatabase(c, false, "host").query(SQL.get("listWebhooks"), Webhooks::json));
    }

    public JsonObject get(String id) {
        return store.read(c -> new JdbcPluginDatabase(c, false, "host").queryOne(SQL.get("webhookById"), Webhooks::json, id))
                .orElseThrow(() -> new NotFoundException("webhook " + id + " does not exist"));
    }

    /** The latest deliveries of a webhook with every attempt. */
    public List<JsonObject> deliveries(String webhookId, int limit) {
        get(webhookId);
        return store.read(c -> {
            JdbcPluginDatabase db = new JdbcPluginDatabase(c, false, "host");
            List<JsonObject> deliveries = db.query(SQL.get("deliveries"), row -> new JsonObject()
                    .put("id", row.text("id")).put("eventId", row.text("event_id")).put("event", row.text("event_type"))
                    .put("status", row.text("status")).put("attempts", row.whole("attempts"))
                    .put("nextAttemptAt", time(row.whole("next_attempt_at"))).put("deliveredAt", time(row.whole("delivered_at")))
                    .put("lastError", row.text("last_error")).put("createdAt", time(row.whole("created_at"))), webhookId, limit);
            for (JsonObject delivery : deliveries) {
                JsonArray attempts = new JsonArray();
                db.query(SQL.get("attempts"), row -> attempts.add(new JsonObject().put("attempt", row.whole("attempt"))
                        .put("at", time(row.whole("attempted_at"))).put("statusCode", row.whole("status_code"))
                        .put("error", row.text("error")).put("durationMs", row.whole("duration_ms"))), delivery.getString("id"));
                delivery.put("attemptLog", attempts);
            }
            return deliveries;
        });
    }

    private static JsonObject json(dev.patron.api.data.Row row) {
        return new JsonObject().put("id", row.text("id")).put("url", row.text("url"))
                .put("events", new JsonArray(List.of(row.text("events").split(","))))
                .put("active", row.bool("active")).put("createdAt", time(row.whole("created_at"))).put("createdBy", row.text("created_by"));
    }

    private static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
