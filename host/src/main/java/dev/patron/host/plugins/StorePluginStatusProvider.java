package dev.patron.host.plugins;

import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.pf4j.PluginStatusProvider;

/**
 * Keeps which plugins an operator disabled in the store ({@code plugin_state}) rather than in
 * files next to the jars, so the choice survives restarts and is shared by every instance.
 * Plugins are enabled unless disabled.
 */
final class StorePluginStatusProvider implements PluginStatusProvider {

    private static final Sql SQL = Sql.load("sql/plugin_data.sql");

    private final Store store;
    private final Clock clock;
    private volatile String actor = "system";
    private volatile Map<String, Boolean> states;

    StorePluginStatusProvider(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        reload();
    }

    /** Re-reads the stored states (another instance or the CLI may have changed them). */
    void reload() {
        states = read();
    }

    /** Who the next enable or disable is recorded for. */
    void actingAs(String who) {
        this.actor = who;
    }

    @Override
    public boolean isPluginDisabled(String pluginId) {
        return Boolean.FALSE.equals(states.get(pluginId));
    }

    @Override
    public void disablePlugin(String pluginId) {
        save(pluginId, false);
    }

    @Override
    public void enablePlugin(String pluginId) {
        save(pluginId, true);
    }

    private Map<String, Boolean> read() {
        return store.read(c -> {
            Map<String, Boolean> result = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(SQL.get("pluginStates")); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getInt(2) == 1);
                }
            }
            return result;
        });
    }

    private void save(String pluginId, boolean enabled) {
        store.inTransaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement(SQL.get("insertPluginState"))) {
                upsert.setString(1, pluginId);
                upsert.setInt(2, enabled ? 1 : 0);
                upsert.setLong(3, clock.millis());
                upsert.setString(4, actor);
                upsert.executeUpdate();
            }
            return null;
        });
        Map<String, Boolean> next = new HashMap<>(states);
        next.put(pluginId, enabled);
        states = next;
    }
}
