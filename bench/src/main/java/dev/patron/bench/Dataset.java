package dev.patron.bench;

import dev.patron.host.Patron;
import dev.patron.host.config.ConfigKey;
import dev.patron.host.config.ConfigLoader;
import dev.patron.host.config.PatronConfig;
import dev.patron.host.demo.DemoLoader;
import dev.patron.host.demo.DemoShop;
import dev.patron.host.store.Migrator;
import dev.patron.host.store.DatabaseSettings;
import dev.patron.host.store.Store;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;

/**
 * The synthetic shop of a run: {@link DemoShop} with a fixed seed, ending yesterday (UTC) so that
 * no order lies in the future and re-scoring "as of today" sees every order. Same seed and size,
 * same shop (shifted by the date).
 */
final class Dataset {

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final Currency CURRENCY = Currency.getInstance("USD");

    final int customers;
    final long seed;
    final LocalDate endDate;
    long orders;
    long refunds;
    /** The database holding this shop for the in-process sections, once one was filled completely. */
    Path loaded;

    Dataset(int customers, long seed) {
        this.customers = customers;
        this.seed = seed;
        this.endDate = LocalDate.now(ZONE).minusDays(1);
    }

    /** The as-of date of the timed scoring runs: the last day of the shop's history. */
    LocalDate asOf() {
        return endDate;
    }

    DemoShop generator() {
        return new DemoShop(seed, endDate, ZONE, CURRENCY);
    }

    /** The id DemoShop gives customer {@code i} (1-based). */
    String customerId(int i) {
        return "c-" + pad(i, idWidth());
    }

    int idWidth() {
        return Math.max(6, String.valueOf(customers).length());
    }

    /** Fills an empty database through the demo loader (untimed: for sections that only need the data). */
    void load(Path db) {
        loadInto(DatabaseSettings.of("jdbc:sqlite:" + db));
        loaded = db;
    }

    /** Writes the shop into the (empty) store {@code settings} names, with the host's schema. */
    void loadInto(DatabaseSettings settings) {
        try (Store store = Store.open(settings)) {
            new Migrator(store).migrate(Patron.class.getClassLoader(), "host");
            DemoLoader.Totals totals = new DemoLoader(store).load(customers, seed, endDate, ZONE, CURRENCY, n -> { });
            orders = totals.orders();
            refunds = totals.refunds();
        }
    }

    /** Patron's configuration for an in-process instance over {@code db}: loopback, any free port, UTC, USD. */
    static PatronConfig config(Path home, Path db, Path plugins) {
        return config(home, DatabaseSettings.of("jdbc:sqlite:" + db.toAbsolutePath()), plugins);
    }

    /** The same over any store. */
    static PatronConfig config(Path home, DatabaseSettings database, Path plugins) {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.put(ConfigKey.DB_URL, database.url());
        if (database.user() != null) {
            overrides.put(ConfigKey.DB_USER, database.user());
        }
        if (database.password() != null) {
            overrides.put(ConfigKey.DB_PASSWORD, database.password());
        }
        overrides.put(ConfigKey.PLUGINS_DIR, plugins.toAbsolutePath().toString());
        overrides.put(ConfigKey.HTTP_HOST, "127.0.0.1");
        overrides.put(ConfigKey.HTTP_PORT, "0");
        overrides.put(ConfigKey.SHOP_CURRENCY, CURRENCY.getCurrencyCode());
        overrides.put(ConfigKey.SHOP_TIMEZONE, ZONE.getId());
        return new ConfigLoader(home, Map.of()).load(null, overrides);
    }

    String describe() {
        return Stats.count(customers) + " customers, " + Stats.count(orders) + " orders, " + Stats.count(refunds)
                + " refunds (DemoShop seed " + seed + ", two years ending " + endDate + ", UTC, USD)";
    }

    static String pad(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }
}
