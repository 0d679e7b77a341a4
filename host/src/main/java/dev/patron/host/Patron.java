package dev.patron.host;

import dev.patron.host.config.PatronConfig;
import dev.patron.host.plugins.PluginHost;
import dev.patron.host.plugins.ShopSettings;
import dev.patron.host.plugins.StoredPluginSettings;
import dev.patron.host.scoring.ScoringEngine;
import dev.patron.host.shop.ShopJson;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.Leases;
import dev.patron.host.store.Migrator;
import dev.patron.host.store.Store;
import java.time.Clock;
import java.time.Duration;
import dev.patron.host.events.EventBacklog;
import dev.patron.host.events.EventDispatcher;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.shop.ShopService;

/**
 * One running Patron: the store (migrated), the plugins (started) and the scoring engine, wired
 * together. The CLI and the web server both start from here; close it to stop plugins and close
 * the database cleanly.
 */
public final class Patron implements AutoCloseable {

    /** How long one event handler call may take inside the writer's transaction. */
    static final Duration EVENT_HANDLER_LIMIT = Duration.ofSeconds(5);

    private final PatronConfig config;
    private final Clock clock;
    private final Store store;
    private final PluginHost plugins;
    private final ScoringEngine engine;
    private final ShopRepository shop;
    private final ShopService writes;
    private final PluginCalls calls;
    private final StoredPluginSettings settings;
    private final ShopJson json;
    private final dev.patron.host.auth.Auth auth;
    private final dev.patron.host.alerts.AlertInbox alerts;
    private final dev.patron.host.alerts.Webhooks webhooks;
    private final dev.patron.host.exports.ExportCatalogue exports;
    private final Leases leases;

    private Patron(PatronConfig config, Clock clock, Store store, Leases leases, PluginHost plugins, ScoringEngine engine,
                   ShopRepository shop, ShopService writes, PluginCalls calls, StoredPluginSettings settings) {
        this.config = config;
        this.clock = clock;
        this.store = store;
        this.leases = leases;
        this.plugins = plugins;
        this.engine = engine;
        this.shop = shop;
        this.writes = writes;
        this.calls = calls;
        this.settings = settings;
        this.json = new ShopJson(config.currency(), clock);
        this.auth = dev.patron.host.auth.Auth.over(store, clock);
        this.alerts = new dev.patron.host.alerts.AlertInbox(store, clock);
        this.webhooks = new dev.patron.host.alerts.Webhooks(store, clock);
        this.exports = dev.patron.host.exports.ExportCatalogue.over(store, plugins, calls);
    }

    /** What can be exported now: the host's tables and the running plugins' exports. */
    public dev.patron.host.exports.ExportCatalogue exports() {
        return exports;
    }

    /** The alert inbox. */
    public dev.patron.host.alerts.AlertInbox alerts() {
        return alerts;
    }

    /** Webhook subscriptions and deliveries. */
    public dev.patron.host.alerts.Webhooks webhooks() {
        return webhooks;
    }

    /** Users, tokens, sessions and the audit log. */
    public dev.patron.host.auth.Auth auth() {
        return auth;
    }

    /** Opens the store, applies pending migrations and starts the plugins. */
    public static Patron open(PatronConfig config, Clock clock) {
        Store store = Store.open(config.database());
        Leases leases = new Leases(store, clock, Leases.instanceName());
        try {
            new Migrator(store).migrate(Patron.class.getClassLoader(), "host");
            StoredPluginSettings settings = new StoredPluginSettings(store);
            PluginHost plugins = new PluginHost(config.pluginsDir(), store, new ShopSettings(clock, config.zone(), config.currency()),
                    settings);
            PluginCalls calls = new PluginCalls();
            EventDispatcher events = new EventDispatcher(plugins, calls, clock, EVENT_HANDLER_LIMIT);
            plugins.useCatchUp(new EventBacklog(store, events));
            plugins.start();
            ScoringEngine engine = new ScoringEngine(store, plugins, calls, clock, config.zone(), leases);
            ShopRepository shop = new ShopRepository();
            ShopService writes = new ShopService(store, shop, events, engine, clock);
            return new Patron(config, clock, store, leases, plugins, engine, shop, writes, calls, settings);
        } catch (RuntimeException e) {
            leases.close();
            store.close();
            throw e;
        }
    }

    /** Leases on work one instance at a time does, held in this instance's name. */
    public Leases leases() {
        return leases;
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

    /** Writes of customers, orders and refunds, with events and re-scoring. */
    public ShopService writes() {
        return writes;
    }

    public PluginCalls calls() {
        return calls;
    }

    public StoredPluginSettings settings() {
        return settings;
    }

    public ShopJson json() {
        return json;
    }

    @Override
    public void close() {
        try {
            plugins.close();
        } finally {
            calls.close();
            leases.close();
            store.close();
        }
    }
}
