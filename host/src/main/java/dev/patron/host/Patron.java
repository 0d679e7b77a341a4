package dev.patron.host;

import dev.patron.host.config.PatronConfig;
import dev.patron.host.plugins.PluginHost;
import dev.patron.host.plugins.ShopSettings;
import dev.patron.host.plugins.StoredPluginSettings;
import dev.patron.host.scoring.ScoringEngine;
import dev.patron.host.shop.ShopJson;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.Migrator;
import dev.patron.host.store.Store;
import java.time.Clock;

/**
 * One running Patron: the store (migrated), the plugins (started) and the scoring engine, wired
 * together. The CLI and the web server both start from here; close it to stop plugins and close
 * the database cleanly.
 */
public final class Patron implements AutoCloseable {

    private final PatronConfig config;
    private final Clock clock;
    private final Store store;
    private final PluginHost plugins;
    private final ScoringEngine engine;
    private final ShopRepository shop = new ShopRepository();
    private final ShopJson json;

    private Patron(PatronConfig config, Clock clock, Store store, PluginHost plugins, ScoringEngine engine) {
        this.config = config;
        this.clock = clock;
        this.store = store;
        this.plugins = plugins;
        this.engine = engine;
        this.json = new ShopJson(config.currency(), clock);
    }

    /** Opens the store, applies pending migrations and starts the plugins. */
    public static Patron open(PatronConfig config, Clock clock) {
        Store store = Store.open(config.dbUrl());
        try {
            new Migrator(store).migrate(Patron.class.getClassLoader(), "host");
            StoredPluginSettings settings = new StoredPluginSettings(store);
            PluginHost plugins = new PluginHost(config.pluginsDir(), new ShopSettings(clock, config.zone(), config.currency()), settings);
            plugins.start();
            ScoringEngine engine = new ScoringEngine(store, plugins, clock, config.zone());
            return new Patron(config, clock, store, plugins, engine);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public PatronConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Store store() {
        return store;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public ScoringEngine engine() {
        return engine;
    }

    public ShopRepository shop() {
        return shop;
    }

    public ShopJson json() {
        return json;
    }

    @Override
    public void close() {
        try {
            plugins.close();
        } finally {
            store.close();
        }
    }
}
