package dev.patron.host.config;

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
 * @param dbUrl JDBC URL of the store
 * @param currency the shop currency; every amount is stored in its minor units
 * @param zone the shop time zone: days, windows and as-of dates are counted in it
 * @param pluginsDir where plugin jars are loaded from
 * @param home the installation directory relative paths were resolved against
 */
public record PatronConfig(String httpHost, int httpPort, String dbUrl, Currency currency, ZoneId zone,
                           Path pluginsDir, Path home) {
}
