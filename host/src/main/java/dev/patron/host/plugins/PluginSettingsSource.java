package dev.patron.host.plugins;

import dev.patron.api.PluginSettings;

/** Where plugin settings come from (the store in production). */
@FunctionalInterface
public interface PluginSettingsSource {
    PluginSettings settingsOf(String pluginId);
}
