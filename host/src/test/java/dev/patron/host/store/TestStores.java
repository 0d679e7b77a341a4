package dev.patron.host.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** A real SQLite file with the host schema, for tests that need a store. */
public final class TestStores {

    private TestStores() {
    }

    /** Opens {@code dir/t.db} and applies the host migrations. */
    public static Store migrated(Path dir) {
        Store store = Store.open("jdbc:sqlite:" + dir.resolve("t.db"));
        new Migrator(store).migrate(TestStores.class.getClassLoader(), "host");
        return store;
    }

    /** Runs a one-value query such as {@code SELECT COUNT(*) FROM orders} on a reader. */
    public static long count(Store store, String sql, Object... parameters) {
        return store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
