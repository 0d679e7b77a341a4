package dev.patron.host.cli;

import dev.patron.host.config.ConfigKey;
import dev.patron.host.config.ConfigLoader;
import dev.patron.host.config.PatronConfig;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares: where Patron lives and which database it uses. */
final class HostOptions {

    @Option(names = "--home", description = "Installation directory (default: $PATRON_HOME, else the current directory).")
    Path home;

    @Option(names = "--config", description = "Configuration file (default: HOME/conf/patron.yaml).")
    Path config;

    @Option(names = "--db", description = "Database URL, e.g. jdbc:sqlite:data/patron.db (overrides db.url).")
    String db;

    PatronConfig load(Map<ConfigKey, String> extra) {
        Path resolvedHome = home != null ? home : System.getenv("PATRON_HOME") != null ? Path.of(System.getenv("PATRON_HOME")) : Path.of("");
        Path file = config != null ? config : resolvedHome.resolve("conf").resolve("patron.yaml");
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.putAll(extra);
        if (db != null) {
            overrides.put(ConfigKey.DB_URL, db);
        }
        return new ConfigLoader(resolvedHome, System.getenv()).load(file, overrides);
    }
}
