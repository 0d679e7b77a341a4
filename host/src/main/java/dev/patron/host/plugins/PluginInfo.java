package dev.patron.host.plugins;

/**
 * What the host knows of one plugin, for the API and the console.
 *
 * @param state PF4J's state name (STARTED, STOPPED, DISABLED, RESOLVED, ...), or FAILED when the
 *     plugin is not running because of an error
 * @param enabled false when an operator disabled it
 * @param error why the plugin is not running, or null
 */
public record PluginInfo(String id, String version, String provider, String description, String requires,
                         String dependencies, String state, boolean enabled, String error) {
}
