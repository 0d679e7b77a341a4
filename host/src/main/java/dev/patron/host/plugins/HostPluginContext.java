package dev.patron.host.plugins;

import dev.patron.api.PluginContext;
import dev.patron.api.PluginSettings;
import dev.patron.api.alerts.Alerts;
import dev.patron.api.data.PluginStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The immutable context the host gives one plugin. */
record HostPluginContext(String pluginId, String pluginVersion, Clock clock, ZoneId shopZone, Currency currency,
                         PluginSettings settings, PluginStore store, Alerts alerts) implements PluginContext {

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugin." + pluginId);
    }
}
