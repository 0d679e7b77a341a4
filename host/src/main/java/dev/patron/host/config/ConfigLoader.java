package dev.patron.host.config;

import dev.patron.host.store.DatabaseSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Builds a {@link PatronConfig} from, in increasing precedence: defaults, the YAML file,
 * {@code PATRON_*} environment variables, and command-line overrides. Unknown YAML keys and
 * malformed values are errors that name the key, its source and the fix.
 */
public final class ConfigLoader {

    private final Path home;
    private final Map<String, String> environment;

    public ConfigLoader(Path home, Map<String, String> environment) {
        this.home = home.toAbsolutePath().normalize();
        this.environment = environment;
    }

    /**
     * @param file the YAML file; may not exist, then only defaults, environment and overrides apply
     * @param overrides values from command-line flags, by key
     */
    public PatronConfig load(Path file, Map<ConfigKey, String> overrides) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, String> sources = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, key.defaultValue());
            sources.put(key, "the default");
        }
        if (file != null && Files.exists(file)) {
            readYaml(file).forEach((key, value) -> {
                values.put(key, value);
                sources.put(key, file + " (" + key.key() + ")");
            });
        }
        for (ConfigKey key : ConfigKey.values()) {
            String value = environment.get(key.environmentVariable());
            if (value != null && !value.isBlank()) {
                values.put(key, value.trim());
                sources.put(key, "environment variable " + key.environmentVariable());
            }
        }
        overrides.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
                sources.put(key, "the command line");
            }
        });
        return build(values, sources);
    }

    private PatronConfig build(Map<ConfigKey, String> values, Map<ConfigKey, String> sources) {
        List<String> problems = new ArrayList<>();
        int port = parsePort(values.get(ConfigKey.HTTP_PORT), sources.get(ConfigKey.HTTP_PORT), problems);
        Currency currency = null;
        String code = values.get(ConfigKey.SHOP_CURRENCY).trim();
        try {
            currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                problems.add("shop.currency '" + code + "' from " + sources.get(ConfigKey.SHOP_CURRENCY)
                        + " has no minor unit; use a circulating currency code such as USD, EUR or CNY");
            }
        } catch (IllegalArgumentException e) {
            problems.add("shop.currency '" + code + "' from " + sources.get(ConfigKey.SHOP_CURRENCY)
                    + " is not an ISO 4217 code; use e.g. USD, EUR, GBP or CNY");
        }
        ZoneId zone = null;
        String zoneName = values.get(ConfigKey.SHOP_TIMEZONE).trim();
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            problems.add("shop.timezone '" + zoneName + "' from " + sources.get(ConfigKey.SHOP_TIMEZONE)
                    + " is not a time zone; use a region id such as Asia/Shanghai, Europe/London or UTC");
        }
        DatabaseSettings database = database(values, sources, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException("configuration is invalid:\n  - " + String.join("\n  - ", problems));
        }
        return new PatronConfig(values.get(ConfigKey.HTTP_HOST).trim(), port, database, currency, zone,
                home.resolve(values.get(ConfigKey.PLUGINS_DIR).trim()).normalize(), home);
    }

    /**
     * The store's settings. The password never comes from the URL (which is logged and, given as
     * {@code --db}, visible to every user of the machine): only from PATRON_DB_PASSWORD or the file.
     */
    private DatabaseSettings database(Map<ConfigKey, String> values, Map<ConfigKey, String> sources, List<String> problems) {
        String url = values.get(ConfigKey.DB_URL).trim();
        String urlSource = sources.get(ConfigKey.DB_URL);
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        if (!sqlite && !url.startsWith("jdbc:postgresql://")) {
            problems.add("db.url '" + url + "' from " + urlSource + " is not supported; use jdbc:sqlite:PATH (for example"
                    + " jdbc:sqlite:data/patron.db) or jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        if (url.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]password=.*")) {
            problems.add("db.url from " + urlSource + " carries a password; remove it from the URL and set the environment"
                    + " variable PATRON_DB_PASSWORD (or db.password in conf/patron.yaml) instead");
        }
        int poolSize = 0;
        String rawPool = values.get(ConfigKey.DB_POOL_SIZE).trim();
        try {
            poolSize = Integer.parseInt(rawPool);
        } catch (NumberFormatException e) {
            poolSize = -1;
        }
        if (poolSize < 2 || poolSize > 500) {
            problems.add("db.pool-size '" + rawPool + "' from " + sources.get(ConfigKey.DB_POOL_SIZE)
                    + " must be a whole number from 2 to 500 (connections per instance)");
        }
        String user = values.get(ConfigKey.DB_USER).trim();
        String password = values.get(ConfigKey.DB_PASSWORD);
        if (sqlite && (!user.isEmpty() || !password.isEmpty())) {
            problems.add("db.user and db.password are for PostgreSQL; " + (user.isEmpty() ? sources.get(ConfigKey.DB_PASSWORD)
                    : sources.get(ConfigKey.DB_USER)) + " sets one for the SQLite store " + url + ": remove it");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new DatabaseSettings(sqlite ? resolveSqliteUrl(url) : url, user.isEmpty() ? null : user,
                password.isEmpty() ? null : password, poolSize);
    }

    /** Makes a relative SQLite path absolute against the installation directory. */
    private String resolveSqliteUrl(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return url;
        }
        return "jdbc:sqlite:" + home.resolve(path).normalize();
    }

    private static int parsePort(String raw, String source, List<String> problems) {
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("http.port '" + raw + "' from " + source + " must be a whole number from 0 to 65535");
        return -1;
    }

    private static Map<ConfigKey, String> readYaml(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new ConfigException(file + " is not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigException(file + " must be a YAML mapping of sections (http, db, shop, plugins)");
        }
        Map<String, String> flat = new java.util.LinkedHashMap<>();
        flatten("", map, flat, file);
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        List<String> unknown = new ArrayList<>();
        flat.forEach((key, value) -> ConfigKey.byKey(key).ifPresentOrElse(k -> values.put(k, value), () -> unknown.add(key)));
        if (!unknown.isEmpty()) {
            String known = java.util.Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.joining(", "));
            throw new ConfigException(file + ": unknown key(s) " + String.join(", ", unknown) + "; known keys are " + known);
        }
        return values;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out, Path file) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            if (v instanceof Map<?, ?> nested) {
                flatten(key, nested, out, file);
            } else if (v instanceof List<?>) {
                throw new ConfigException(file + ": " + key + " must be a single value, not a list");
            } else if (v != null) {
                out.put(key, String.valueOf(v));
            }
        });
    }
}
