package dev.patron.host.config;

import dev.patron.host.store.DatabaseSettings;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every configuration key with its default. The YAML file uses the dotted key; the environment
 * variable is {@code PATRON_} plus the key upper-cased with dots and dashes as underscores.
 */
public enum ConfigKey {
    HTTP_HOST("http.host", "127.0.0.1"),
    HTTP_PORT("http.port", "8080"),
    DB_URL("db.url", "jdbc:sqlite:data/patron.db"),
    DB_USER("db.user", ""),
    DB_PASSWORD("db.password", ""),
    DB_POOL_SIZE("db.pool-size", Integer.toString(DatabaseSettings.DEFAULT_POOL_SIZE)),
    SHOP_CURRENCY("shop.currency", "USD"),
    SHOP_TIMEZONE("shop.timezone", "UTC"),
    PLUGINS_DIR("plugins.dir", "plugins");

    private final String key;
    private final String defaultValue;

    ConfigKey(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String environmentVariable() {
        return "PATRON_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
