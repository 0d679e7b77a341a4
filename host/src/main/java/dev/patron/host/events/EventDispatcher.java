package dev.patron.host.events;

import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.api.events.ShopEventHandler;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.plugins.PluginCalls.PluginCallException;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.plugins.PluginHost;
import dev.patron.host.plugins.data.JdbcPluginDatabase;
import dev.patron.host.store.Dialect;
import dev.patron.host.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers shop events to the plugins' {@link ShopEventHandler}s inside the writer's open
 * transaction, each plugin under its own savepoint and time limit. A handler that throws or
 * overruns has only its own writes undone; the events are kept in the plugin's backlog and the
 * plugin is reported as failed, so the order itself is stored and no plugin loses an event.
 * Plugins that already failed get new events straight into their backlog.
 *
 * <p>Call {@link #deliver} on the writer thread inside a transaction, then {@link #afterCommit}
 * once the transaction committed.
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final Sql SQL = Sql.load("sql/plugin_data.sql");

    private final PluginHost plugins;
    private final PluginCalls calls;
    private final Clock clock;
    private final Duration limit;

    public EventDispatcher(PluginHost plugins, PluginCalls calls, Clock clock, Duration limit) {
        this.plugins = plugins;
        this.calls = calls;
        this.clock = clock;
        this.limit = limit;
    }

    /** Plugins whose handlers failed during one transaction, to be reported after it commits. */
    public static final class Failures {
        private final Map<String, String> byPlugin = new LinkedHashMap<>();

        public boolean isEmpty() {
            return byPlugin.isEmpty();
        }

        public Map<String, String> byPlugin() {
            return byPlugin;
        }
    }

    public Failures ordersPlaced(Connection c, List<OrderPlaced> events) throws SQLException {
        return deliver(c, events, "ordersPlaced", ShopEventHandler::ordersPlaced);
    }

    public Failures ordersRefunded(Connection c, List<OrderRefunded> events) throws SQLException {
        return deliver(c, events, "ordersRefunded", ShopEventHandler::ordersRefunded);
    }

    public Failures customersUpserted(Connection c, List<CustomerUpserted> events) throws SQLException {
        return deliver(c, events, "customersUpserted", ShopEventHandler::customersUpserted);
    }

    /** The events-to-handler call of one batch method. */
    @FunctionalInterface
    interface Delivery<E> {
        void deliver(ShopEventHandler handler, List<E> events, JdbcPluginDatabase db);
    }

    private <E> Failures deliver(Connection c, List<E> events, String method, Delivery<E> delivery) throws SQLException {
        Failures failures = new Failures();
        if (events.isEmpty()) {
            return failures;
        }
        for (String owing : plugins.pluginsOwingEvents()) {
            backlog(c, owing, events, "plugin was not running");
        }
        int savepoint = 0;
        for (PluginExtension<ShopEventHandler> handler : plugins.extensions(ShopEventHandler.class)) {
            String name = "patron_plugin_" + (++savepoint);
            String what = "event handler " + handler.extension().getClass().getSimpleName() + "." + method;
            try {
                callUnderSavepoint(c, name, handler, what, limitFor(events.size()), db -> delivery.deliver(handler.extension(), events, db));
            } catch (PluginCallException e) {
                backlog(c, handler.pluginId(), events, e.getMessage());
                failures.byPlugin.put(handler.pluginId(), e.getMessage());
                LOG.error("{}; its events are kept for it to catch up", e.getMessage(), e.pluginFailure());
            }
        }
        return failures;
    }

    /**
     * The time a handler gets for a batch: the base limit plus 2 ms per event, so a 5,000-order
     * import chunk is not cut off by the limit meant for one order.
     */
    Duration limitFor(int events) {
        return limit.plusMillis(2L * Math.max(0, events - 1));
    }

    /**
     * Runs one handler call between SAVEPOINT and RELEASE; on failure rolls back to the savepoint
     * and rethrows. A handler that lost a conflict with another instance's transaction (on
     * PostgreSQL) did nothing wrong: that failure ends the whole transaction, which the store runs
     * again, instead of failing the plugin.
     */
    void callUnderSavepoint(Connection c, String savepoint, PluginExtension<ShopEventHandler> handler, String what,
                            Duration callLimit, java.util.function.Consumer<JdbcPluginDatabase> work) throws SQLException {
        execute(c, "SAVEPOINT " + savepoint);
        JdbcPluginDatabase db = new JdbcPluginDatabase(c, true, handler.pluginId());
        try {
            calls.call(handler.pluginId(), what, handler.classLoader(), callLimit, () -> {
                work.accept(db);
                return null;
            });
            db.revoke();
            execute(c, "RELEASE SAVEPOINT " + savepoint);
        } catch (PluginCallException e) {
            db.revoke();
            if (Dialect.isRetryable(e)) {
                throw e;
            }
            execute(c, "ROLLBACK TO SAVEPOINT " + savepoint);
            execute(c, "RELEASE SAVEPOINT " + savepoint);
            throw e;
        }
    }

    /** Reports the handlers that failed in a committed transaction: each such plugin stops and shows its error. */
    public void afterCommit(Failures failures) {
        failures.byPlugin().forEach((plugin, message) -> plugins.markFailed(plugin, message, true));
    }

    private <E> void backlog(Connection c, String pluginId, List<E> events, String error) throws SQLException {
        long seq;
        try (PreparedStatement next = c.prepareStatement(SQL.get("nextBacklogSeq"))) {
            next.setString(1, pluginId);
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertBacklog"))) {
            for (E event : events) {
                insert.setString(1, pluginId);
                insert.setLong(2, seq++);
                insert.setString(3, EventJson.type(event));
                insert.setString(4, EventJson.encode(event));
                insert.setString(5, error);
                insert.setLong(6, clock.millis());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
