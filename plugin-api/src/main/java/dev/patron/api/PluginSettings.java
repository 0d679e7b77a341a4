package dev.patron.api;

import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of one plugin's settings. Values are stored as text; the typed readers
 * parse them and fail with a message naming the key when a stored value is malformed.
 */
public interface PluginSettings {

    /** The raw value stored for {@code key}, if any. */
    Optional<String> get(String key);

    /** Every stored key and value. */
    Map<String, String> asMap();

    default String text(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    default double number(String key, double defaultValue) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(raw.get().trim());
        } catch (NumberFormatException e) {
            throw new PatronPluginException("setting '" + key + "' must be a number, but is '" + raw.get()
                    + "'; correct it in the plugin's settings");
        }
    }

    default boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String value = raw.get().trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new PatronPluginException("setting '" + key + "' must be true or false, but is '" + value
                + "'; correct it in the plugin's settings");
    }

    /** Settings with no stored values: every reader returns its default. */
    static PluginSettings empty() {
        return of(Map.of());
    }

    /** Settings backed by a copy of {@code values}. */
    static PluginSettings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new PluginSettings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(copy.get(key));
            }

            @Override
            public Map<String, String> asMap() {
                return copy;
            }
        };
    }
}
