package dev.patron.testkit;

import dev.patron.api.PluginContext;
import dev.patron.api.PluginSettings;
import dev.patron.api.alerts.Alerts;
import dev.patron.api.data.PluginStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context a {@link PluginTestbed} gives the plugin under test: the same shape as the host's,
 * with the host's own store and alert implementations, a clock the test moves, and settings the
 * test replaces. Settings are a live view, as in the host: a plugin that kept
 * {@code context.settings()} reads the new values after {@link PluginTestbed#settings(Map)}.
 */
final class TestPluginContext implements PluginContext {

    private final String pluginId;
    private final String pluginVersion;
    private final TestClock clock;
    private final ZoneId zone;
    private final Currency currency;
    private final PluginStore store;
    private final Alerts alerts;
    private final PluginSettings settings;
    private volatile Map<String, String> values;

    TestPluginContext(String pluginId, String pluginVersion, TestClock clock, ZoneId zone, Currency currency,
                      Map<String, String> values, PluginStore store, Alerts alerts) {
        this.pluginId = pluginId;
        this.pluginVersion = pluginVersion;
        this.clock = clock;
        this.zone = zone;
        this.currency = currency;
        this.store = store;
        this.alerts = alerts;
        this.values = Map.copyOf(values);
        this.settings = new PluginSettings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(TestPluginContext.this.values.get(key));
            }

            @Override
            public Map<String, String> asMap() {
                return TestPluginContext.this.values;
            }
        };
    }

    void replaceSettings(Map<String, String> newValues) {
        this.values = Map.copyOf(newValues);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String pluginVersion() {
        return pluginVersion;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ZoneId shopZone() {
        return zone;
    }

    @Override
    public Currency currency() {
        return currency;
    }

    @Override
    public PluginSettings settings() {
        return settings;
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugin." + pluginId);
    }

    @Override
    public PluginStore store() {
        return store;
    }

    @Override
    public Alerts alerts() {
        return alerts;
    }

    @Override
    public String toString() {
        return "TestPluginContext[" + pluginId + " " + pluginVersion + ", " + zone + ", " + currency + ", " + clock.instant() + "]";
    }
}
