package dev.patron.plugin.clv.support;

import dev.patron.api.PluginContext;
import dev.patron.api.PluginSettings;
import dev.patron.api.alerts.Alerts;
import dev.patron.api.data.PluginStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * A fixed plugin context for scorer tests and benchmarks: plugin id {@code clv}, UTC, the given
 * currency (USD unless told otherwise) and settings, no store (the scorer does no IO).
 */
public record FixedContext(PluginSettings settings, Currency currency) implements PluginContext {

    public static FixedContext withSettings(Map<String, String> settings) {
        return new FixedContext(PluginSettings.of(settings), Currency.getInstance("USD"));
    }

    public static FixedContext defaults() {
        return withSettings(Map.of());
    }

    @Override
    public String pluginId() {
        return "clv";
    }

    @Override
    public String pluginVersion() {
        return "0.1.0";
    }

    @Override
    public Clock clock() {
        return Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public ZoneId shopZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Logger logger() {
        return NOPLogger.NOP_LOGGER;
    }

    @Override
    public PluginStore store() {
        return null;
    }

    @Override
    public Alerts alerts() {
        return null;
    }
}
