package dev.patron.host.events;

import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.api.events.ShopEventHandler;
import dev.patron.host.plugins.PluginCalls.PluginCallException;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.plugins.PluginHost;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the events a plugin missed while it was failed, in their original order, when it starts
 * again — before it sees any new event, since both run on the one writer. Each chunk is one
 * transaction that also deletes what it replayed, so an event is handled once even across a crash.
 */
public final class EventBacklog implements PluginHost.CatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(EventBacklog.class);
    private static final Sql SQL = Sql.load("sql/plugin_data.sql");
    private static final int CHUNK = 500;

    private final Store store;
    private final EventDispatcher dispatcher;

    public EventBacklog(Store store, EventDispatcher dispatcher) {
        this.store = store;
        this.dispatcher = dispatcher;
    }

    /**
     * Replays everything {@code handler}'s plugin missed. {@code caughtUp} runs inside the last
     * replay transaction, holding the store's write lock, so no new event can slip in between the
     * backlog and the plugin receiving events directly.
     *
     * @throws PluginCallException when the handler fails again; what it replayed so far stays done
     */
    @Override
    public void replay(PluginExtension<ShopEventHandler> handler, Runnable caughtUp) {
        long replayed = 0;
        int done;
        do {
            done = store.inTransaction(c -> {
                int count = replayChunk(c, handler);
                if (count < CHUNK) {
                    caughtUp.run();
                }
                return count;
            });
            replayed += done;
        } while (done == CHUNK);
        if (replayed > 0) {
            LOG.info("plugin {} caught up on {} event(s) it had missed", handler.pluginId(), replayed);
        }
    }

    /** Events waiting for {@code pluginId}. */
    @Override
    public long size(String pluginId) {
        return store.read(c -> {
            try (PreparedStatement count = c.prepareStatement(SQL.get("backlogSize"))) {
                count.setString(1, pluginId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private int replayChunk(Connection c, PluginExtension<ShopEventHandler> handler) throws SQLException {
        List<Object> events = new ArrayList<>();
        long lastSeq = -1;
        try (PreparedStatement select = c.prepareStatement(SQL.get("backlog"))) {
            select.setString(1, handler.pluginId());
            select.setInt(2, CHUNK);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lastSeq = rs.getLong(1);
                    events.add(EventJson.decode(rs.getString(2), rs.getString(3)));
                }
            }
        }
        int i = 0;
        while (i < events.size()) {
            Class<?> type = events.get(i).getClass();
            int j = i;
            while (j < events.size() && events.get(j).getClass() == type) {
                j++;
            }
            List<Object> run = events.subList(i, j);
            dispatcher.callUnderSavepoint(c, "patron_replay", handler, "event handler replay", dispatcher.limitFor(run.size()),
                    db -> deliver(handler.extension(), run, db));
            i = j;
        }
        try (PreparedStatement delete = c.prepareStatement(SQL.get("deleteBacklogUpTo"))) {
            delete.setString(1, handler.pluginId());
            delete.setLong(2, lastSeq);
            delete.executeUpdate();
        }
        return events.size();
    }

    @SuppressWarnings("unchecked")
    private static void deliver(ShopEventHandler handler, List<Object> run, dev.patron.api.data.PluginDatabase db) {
        Object first = run.get(0);
        if (first instanceof OrderPlaced) {
            handler.ordersPlaced((List<OrderPlaced>) (List<?>) run, db);
        } else if (first instanceof OrderRefunded) {
            handler.ordersRefunded((List<OrderRefunded>) (List<?>) run, db);
        } else if (first instanceof CustomerUpserted) {
            handler.customersUpserted((List<CustomerUpserted>) (List<?>) run, db);
        }
    }
}
