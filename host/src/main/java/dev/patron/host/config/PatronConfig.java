package dev.patron.host.config;

import dev.patron.host.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;

/**
 * The host's settings after merging conf/patron.yaml, {@code PATRON_*} environment variables and
 * command-line flags (later wins). Paths are absolute.
 *
 * @param httpHost address the HTTP server binds to; loopback by default so nothing is exposed
 *     until an operator chooses to
 * @param httpPort TCP port; 0 picks a free one (tests)
 * @param database the store: its JDBC URL, credentials and pool size
 * @param currency the shop currency; every amount is stored in its minor units
 * @param zone the shop time zone: days, windows and as-of dates are counted in it
 * @param pluginsDir where plugin jars are loaded from
 * @param home the installation directory relative paths were resolved against
 */
public record PatronConfig(String httpHost, int httpPort, DatabaseSettings database, Currency currency, ZoneId zone,
                           Path pluginsDir, Path home) {

    /** A configuration whose store needs no credentials (SQLite). */
    public PatronConfig(String httpHost, int httpPort, String dbUrl, Currency currency, ZoneId zone, Path pluginsDir, Path home) {
        this(httpHost, httpPort, DatabaseSettings.of(dbUrl), currency, zone, pluginsDir, home);
    }

    /** JDBC URL of the store. */
    public String dbUrl() {
        return database.url();
    }
}
