package dev.patron.host.plugins.data;

import dev.patron.api.data.PluginDatabase;
import dev.patron.api.data.PluginStore;
import dev.patron.host.store.Store;
import java.util.function.Function;

/** {@link PluginStore} over the host's store: reads on a reader connection, writes in the writer's transaction. */
public final class HostPluginStore implements PluginStore {

    private final Store store;
    private final String pluginId;

    public HostPluginStore(Store store, String pluginId) {
        this.store = store;
        this.pluginId = pluginId;
    }

    @Override
    public <T> T read(Function<PluginDatabase, T> work) {
        return store.read(c -> call(new JdbcPluginDatabase(c, false, pluginId), work));
    }

    @Override
    public <T> T write(Function<PluginDatabase, T> work) {
        return store.inTransaction(c -> call(new JdbcPluginDatabase(c, true, pluginId), work));
    }

    private static <T> T call(JdbcPluginDatabase db, Function<PluginDatabase, T> work) {
        try {
            return work.apply(db);
        } finally {
            db.revoke();
        }
    }
}
