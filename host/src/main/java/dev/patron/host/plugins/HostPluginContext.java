package dev.patron.host.plugins;

import dev.patron.api.PluginContext;
import dev.patron.api.PluginSettings;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The immutable context the host gives one plugin. */
record HostPluginContext(String pluginId, String pluginVersion, Clock clock, ZoneId shopZone, Currency currency,
                         PluginSettings settings) implements PluginContext {

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugin." + pluginId);
    }
}
