package dev.patron.host.plugins.data;

import dev.patron.api.alerts.AlertRequest;
import dev.patron.api.alerts.Alerts;
import dev.patron.api.data.PluginDatabase;
import dev.patron.host.alerts.AlertEvents;
import dev.patron.host.store.Sql;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

/**
 * The alert inbox as one plugin writes to it. Deduplication: while an alert with the same plugin
 * and key is unresolved (a unique partial index guarantees at most one), raising refreshes it;
 * after it is resolved, raising opens a new one.
 */
public final class HostAlerts implements Alerts {

    private static final Sql SQL = Sql.load("sql/plugin_data.sql");

    private final String pluginId;
    private final Clock clock;

    public HostAlerts(String pluginId, Clock clock) {
        this.pluginId = pluginId;
        this.clock = clock;
    }

    @Override
    public boolean raise(AlertRequest alert, PluginDatabase db) {
        long now = clock.millis();
        var open = db.queryOne(SQL.get("openAlertByKey"), row -> row.text("id"), pluginId, alert.dedupKey());
        if (open.isPresent()) {
            db.update(SQL.get("refreshAlert"), now, alert.severity().name(), alert.title(), alert.detail(), open.get());
            return false;
        }
        String id = UUID.randomUUID().toString();
        db.update(SQL.get("insertAlert"), id, pluginId, alert.dedupKey(), alert.customerId(),
                alert.rule(), alert.severity().name(), alert.title(), alert.detail(), now, now);
        AlertEvents.emit(db, clock, AlertEvents.OPENED, id);
        return true;
    }

    @Override
    public int resolve(Collection<String> dedupKeys, PluginDatabase db) {
        int resolved = 0;
        long now = clock.millis();
        for (String key : dedupKeys) {
            var open = db.queryOne(SQL.get("openAlertByKey"), row -> row.text("id"), pluginId, key);
            if (open.isPresent() && db.update(SQL.get("resolveAlertByKey"), now, "plugin:" + pluginId, pluginId, key) > 0) {
                AlertEvents.emit(db, clock, AlertEvents.RESOLVED, open.get());
                resolved++;
            }
        }
        return resolved;
    }
}
