package dev.patron.host.store;

import java.util.UUID;

/**
 * A throwaway schema in a PostgreSQL database, for tests and benchmarks that each want an empty
 * database without creating one: the store's settings point at the schema (through the URL's
 * {@code currentSchema}), and {@link #drop()} removes it with everything in it.
 */
public final class PostgresSchema {

    private final DatabaseSettings server;
    private final String name;
    private final DatabaseSettings settings;

    private PostgresSchema(DatabaseSettings server, String name, DatabaseSettings settings) {
        this.server = server;
        this.name = name;
        this.settings = settings;
    }

    /** Creates a schema named {@code prefix} plus a random part in the database {@code server} names. */
    public static PostgresSchema create(DatabaseSettings server, String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server, "CREATE SCHEMA " + name);
        String url = server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new PostgresSchema(server, name, new DatabaseSettings(url, server.user(), server.password(), server.poolSize()));
    }

    /** Settings of a store whose tables live in this schema. */
    public DatabaseSettings settings() {
        return settings;
    }

    public String name() {
        return name;
    }

    /** Drops the schema and everything in it; close the stores using it first. */
    public void drop() {
        execute(server, "DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(DatabaseSettings server, String ddl) {
        try (Store store = Store.open(server)) {
            store.inTransaction(c -> {
                try (var statement = c.createStatement()) {
                    return statement.execute(ddl);
                }
            });
        }
    }
}
