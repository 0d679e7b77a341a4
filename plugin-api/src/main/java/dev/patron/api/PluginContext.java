package dev.patron.api;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import org.slf4j.Logger;

/**
 * Everything a plugin receives from the host. Immutable; built once per plugin start and
 * passed to the plugin class's {@code (PluginContext)} constructor and to any extension
 * class with such a constructor. Safe to use from any thread.
 */
public interface PluginContext {

    /** The plugin's id from its descriptor, e.g. {@code rfm}. */
    String pluginId();

    /** The plugin's own version from its descriptor. */
    String pluginVersion();

    /** The host's clock. Use it instead of {@code Instant.now()} so tests can fix time. */
    Clock clock();

    /** The shop's time zone: days, windows and schedules are counted in it. */
    ZoneId shopZone();

    /** The shop currency; every amount the host hands over is in its minor units. */
    Currency currency();

    /** The plugin's settings as stored by the host, never null. */
    PluginSettings settings();

    /** A logger named after the plugin. */
    Logger logger();

    /** Database access outside event handlers. */
    dev.patron.api.data.PluginStore store();

    /** The host's alert inbox. */
    dev.patron.api.alerts.Alerts alerts();
}
