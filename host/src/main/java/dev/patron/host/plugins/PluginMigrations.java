package dev.patron.host.plugins;

import dev.patron.host.store.Migration;
import dev.patron.host.store.MigrationScanner;
import dev.patron.host.store.Migrator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a plugin's migrations ({@code db/<plugin id>/V001__*.sql} in its jar, or the store
 * dialect's own file {@code db/<plugin id>/<dialect>/V001__*.sql} where the plugin ships one)
 * once each, when the plugin is installed or upgraded, before it starts. Every table and index a plugin creates must
 * carry its prefix ({@code <plugin id with '-' as '_'>_}), so plugins never collide with the host
 * or each other.
 */
public final class PluginMigrations {

    private static final Pattern CREATED = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?(TABLE|INDEX|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z0-9_]+)\"?",
            Pattern.CASE_INSENSITIVE);

    private final Migrator migrator;

    public PluginMigrations(Migrator migrator) {
        this.migrator = migrator;
    }

    public static String tablePrefix(String pluginId) {
        return pluginId.replace('-', '_').toLowerCase(Locale.ROOT) + "_";
    }

    /** Applies pending migrations; returns how many ran. */
    public int apply(String pluginId, ClassLoader pluginClassLoader) {
        List<Migration> migrations = MigrationScanner.scan(pluginClassLoader, pluginId, migrator.dialect());
        List<String> problems = new ArrayList<>();
        String prefix = tablePrefix(pluginId);
        for (Migration migration : migrations) {
            Matcher m = CREATED.matcher(migration.sql());
            while (m.find()) {
                if (!m.group(2).toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    problems.add(migration.name() + " creates " + m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2)
                            + "; name it " + prefix + "...");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("plugin " + pluginId + " migrations break the naming rule: " + String.join("; ", problems));
        }
        return migrator.apply(pluginId, migrations);
    }
}
