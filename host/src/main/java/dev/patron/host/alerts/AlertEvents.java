package dev.patron.host.alerts;

import dev.patron.api.data.PluginDatabase;
import dev.patron.host.store.Sql;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Puts an alert lifecycle event in the outbox, with one pending delivery per subscribed webhook,
 * inside the caller's transaction: the event exists exactly when the change that caused it does,
 * and survives any restart until it is delivered.
 */
public final class AlertEvents {

    private static final Sql SQL = Sql.load("sql/alerts.sql");

    public static final String OPENED = "alert.opened";
    public static final String ACKNOWLEDGED = "alert.acknowledged";
    public static final String RESOLVED = "alert.resolved";

    private AlertEvents() {
    }

    /** Records {@code type} for the alert with id {@code alertId} as it now stands in the database. */
    public static void emit(PluginDatabase db, Clock clock, String type, String alertId) {
        JsonObject alert = db.queryOne(SQL.get("byId"), row -> AlertJson.from(row), alertId)
                .orElseThrow(() -> new IllegalStateException("alert " + alertId + " vanished inside its own transaction"));
        long now = clock.millis();
        String eventId = UUID.randomUUID().toString();
        JsonObject payload = new JsonObject().put("id", eventId).put("type", type).put("at", Instant.ofEpochMilli(now).toString())
                .put("alert", alert);
        db.update(SQL.get("insertOutbox"), eventId, type, payload.encode(), now);
        List<String[]> subscribers = db.query(SQL.get("subscribers"), row -> new String[] {row.text("id"), row.text("events")});
        for (String[] webhook : subscribers) {
            if (subscribed(webhook[1], type)) {
                db.update(SQL.get("insertDelivery"), UUID.randomUUID().toString(), webhook[0], eventId, now);
            }
        }
    }

    static boolean subscribed(String events, String type) {
        for (String event : events.split(",")) {
            String e = event.trim();
            if (e.equals("*") || e.equals(type) || e.endsWith(".*") && type.startsWith(e.substring(0, e.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
