package dev.patron.plugin.rfm;

import dev.patron.api.PluginContext;
import dev.patron.api.PluginSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/** A fixed context: UTC, euros unless told otherwise, and the given settings. */
record TestContext(PluginSettings settings, Currency currency) implements PluginContext {

    static TestContext withSettings(Map<String, String> settings) {
        return new TestContext(PluginSettings.of(settings), Currency.getInstance("EUR"));
    }

    static TestContext defaults() {
        return withSettings(Map.of());
    }

    @Override
    public String pluginId() {
        return "rfm";
    }

    @Override
    public String pluginVersion() {
        return "0.1.0";
    }

    @Override
    public Clock clock() {
        return Clock.fixed(Instant.parse("2024-06-30T12:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public ZoneId shopZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Logger logger() {
        return NOPLogger.NOP_LOGGER;
    }

    /** The RFM plugin does no IO: scoring is a pure function of the summaries. */
    @Override
    public dev.patron.api.data.PluginStore store() {
        return null;
    }

    /** The RFM plugin raises no alerts. */
    @Override
    public dev.patron.api.alerts.Alerts alerts() {
        return null;
    }
}
