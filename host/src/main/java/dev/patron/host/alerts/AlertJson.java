package dev.patron.host.alerts;

import dev.patron.api.data.Row;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** An alert row as JSON, the same in the API and in webhook bodies. */
final class AlertJson {

    private AlertJson() {
    }

    static JsonObject from(Row row) {
        return new JsonObject()
                .put("id", row.text("id"))
                .put("plugin", row.text("plugin_id"))
                .put("dedupKey", row.text("dedup_key"))
                .put("customerId", row.text("customer_id"))
                .put("rule", row.text("rule"))
                .put("severity", row.text("severity"))
                .put("title", row.text("title"))
                .put("detail", row.text("detail"))
                .put("status", row.text("status"))
                .put("openedAt", time(row.whole("opened_at")))
                .put("lastSeenAt", time(row.whole("last_seen_at")))
                .put("acknowledgedAt", time(row.whole("acknowledged_at")))
                .put("acknowledgedBy", row.text("acknowledged_by"))
                .put("note", row.text("note"))
                .put("resolvedAt", time(row.whole("resolved_at")))
                .put("resolvedBy", row.text("resolved_by"));
    }

    private static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
