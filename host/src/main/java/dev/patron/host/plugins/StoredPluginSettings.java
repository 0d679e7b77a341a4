package dev.patron.host.plugins;

import dev.patron.api.PluginSettings;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plugin settings kept in the store's {@code plugin_settings} table. Each plugin gets a live
 * view: after {@link #reload()} every plugin reads the new values without a restart.
 */
public final class StoredPluginSettings implements PluginSettingsSource {

    private static final Sql SQL = Sql.load("sql/plugins.sql");

    private final Store store;
    private volatile Map<String, Map<String, String>> byPlugin = Map.of();

    public StoredPluginSettings(Store store) {
        this.store = store;
        reload();
    }

    /**
     * Re-reads every plugin's settings from the store (this instance or another may have changed
     * them); returns the plugins whose settings differ from before.
     */
    public synchronized Set<String> reload() {
        Map<String, Map<String, String>> before = byPlugin;
        Map<String, Map<String, String>> after = store.read(c -> {
            Map<String, Map<String, String>> result = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(SQL.get("allSettings")); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new ConcurrentHashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
            return result;
        });
        byPlugin = after;
        Set<String> changed = new TreeSet<>();
        Set<String> plugins = new HashSet<>(before.keySet());
        plugins.addAll(after.keySet());
        for (String plugin : plugins) {
            if (!before.getOrDefault(plugin, Map.of()).equals(after.getOrDefault(plugin, Map.of()))) {
                changed.add(plugin);
            }
        }
        return changed;
    }

    @Override
    public PluginSettings settingsOf(String pluginId) {
        return new PluginSettings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(asMap().get(key));
            }

            @Override
            public Map<String, String> asMap() {
                return Map.copyOf(byPlugin.getOrDefault(pluginId, Map.of()));
            }
        };
    }
}
