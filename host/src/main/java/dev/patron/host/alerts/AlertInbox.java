package dev.patron.host.alerts;

import dev.patron.host.plugins.data.JdbcPluginDatabase;
import dev.patron.host.shop.ConflictException;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.NotFoundException;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host's alert inbox: plugins raise alerts (deduplicated by key), staff acknowledge them (which
 * stops notifications) and resolve them; a plugin resolves an alert itself when its condition
 * goes away. Every change emits an outbox event for webhooks in the same transaction.
 */
public final class AlertInbox {

    private static final Sql SQL = Sql.load("sql/alerts.sql");
    private static final Set<String> STATUSES = Set.of("open", "acknowledged", "resolved");
    private static final Set<String> SEVERITIES = Set.of("INFO", "WARNING", "CRITICAL");

    private final Store store;
    private final Clock clock;

    public AlertInbox(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Alerts newest first.
     *
     * @param status open, acknowledged or resolved; null for open and acknowledged
     * @param severity INFO, WARNING or CRITICAL; null for all
     */
    public List<JsonObject> list(String status, String severity, String customerId, int limit) {
        StringBuilder filter = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (status == null) {
            filter.append(" AND status <> 'resolved'");
        } else {
            if (!STATUSES.contains(status)) {
                throw new InvalidInputException("status", "'" + status + "' is not one of open, acknowledged, resolved");
            }
            filter.append(" AND status = ?");
            parameters.add(status);
        }
        if (severity != null) {
            String upper = severity.toUpperCase(java.util.Locale.ROOT);
            if (!SEVERITIES.contains(upper)) {
                throw new InvalidInputException("severity", "'" + severity + "' is not one of info, warning, critical");
            }
            filter.append(" AND severity = ?");
            parameters.add(upper);
        }
        if (customerId != null) {
            filter.append(" AND customer_id = ?");
            parameters.add(customerId);
        }
        parameters.add(limit);
        String sql = SQL.get("list").replace("%FILTER%", filter);
        return store.read(c -> new JdbcPluginDatabase(c, false, "host").query(sql, AlertJson::from, parameters.toArray()));
    }

    public JsonObject get(String id) {
        return store.read(c -> new JdbcPluginDatabase(c, false, "host").queryOne(SQL.get("byId"), AlertJson::from, id))
                .orElseThrow(() -> new NotFoundException("alert " + id + " does not exist"));
    }

    /** Acknowledges an open alert: someone is on it; no more notifications for it. */
    public JsonObject acknowledge(String id, String actor, String note) {
        return change(id, "acknowledge", AlertEvents.ACKNOWLEDGED, actor, note);
    }

    /** Resolves an open or acknowledged alert; the next occurrence of its condition opens a new one. */
    public JsonObject resolve(String id, String actor, String note) {
        return change(id, "resolve", AlertEvents.RESOLVED, actor, note);
    }

    private JsonObject change(String id, String statement, String event, String actor, String note) {
        if (note != null && note.length() > 2_000) {
            throw new InvalidInputException("note", "must be at most 2,000 characters");
        }
        store.inTransaction(c -> {
            JdbcPluginDatabase db = new JdbcPluginDatabase(c, true, "host");
            JsonObject alert = db.queryOne(SQL.get("byId"), AlertJson::from, id)
                    .orElseThrow(() -> new NotFoundException("alert " + id + " does not exist"));
            int changed = db.update(SQL.get(statement), clock.millis(), actor, note, id);
            if (changed == 0) {
                throw new ConflictException("alert " + id + " is " + alert.getString("status") + "; it cannot be "
                        + (statement.equals("acknowledge") ? "acknowledged (only open alerts can)" : "resolved again"));
            }
            AlertEvents.emit(db, clock, event, id);
            db.revoke();
            return null;
        });
        return get(id);
    }

    /** Unresolved alerts by status and severity, for the dashboard. */
    public Map<String, Long> openCounts() {
        return store.read(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            new JdbcPluginDatabase(c, false, "host").query(SQL.get("countsByStatus"), row -> {
                counts.merge(row.text("status") + "." + row.text("severity"), row.whole("n"), Long::sum);
                return null;
            });
            return counts;
        });
    }
}
