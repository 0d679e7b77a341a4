package dev.patron.api.alerts;

import dev.patron.api.data.PluginDatabase;
import java.util.Collection;

/**
 * The host's alert inbox, as a plugin sees it. The host owns the lifecycle (open, acknowledged,
 * resolved), deduplication and delivery to webhooks; plugins only raise and clear conditions.
 */
public interface Alerts {

    /**
     * Raises an alert in the transaction of {@code db} (from an event handler or a store write), so
     * it exists exactly when the plugin's other writes do. Returns true when a new alert opened,
     * false when an open one with the same key was refreshed.
     */
    boolean raise(AlertRequest alert, PluginDatabase db);

    /** Resolves this plugin's open alerts with these keys (the condition went away). */
    int resolve(Collection<String> dedupKeys, PluginDatabase db);
}
