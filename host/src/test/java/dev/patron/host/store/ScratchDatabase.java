package dev.patron.host.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own for one test: a new SQLite file, or a new schema in the PostgreSQL
 * database that {@code scripts/test} starts and names in {@code PATRON_TEST_PG_URL} (with
 * {@code PATRON_TEST_PG_USER} and {@code PATRON_TEST_PG_PASSWORD}). Closing it drops the schema.
 * No mocks: both are the real thing.
 */
public final class ScratchDatabase implements AutoCloseable {

    public static final String URL_VARIABLE = "PATRON_TEST_PG_URL";

    /** The stores the contract tests run against. */
    public enum Kind {
        SQLITE, POSTGRESQL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final DatabaseSettings settings;
    private final PostgresSchema schema;

    private ScratchDatabase(Kind kind, DatabaseSettings settings, PostgresSchema schema) {
        this.kind = kind;
        this.settings = settings;
        this.schema = schema;
    }

    /** A fresh database of {@code kind}; SQLite's file goes in {@code dir}. */
    public static ScratchDatabase create(Kind kind, Path dir) {
        if (kind == Kind.SQLITE) {
            return new ScratchDatabase(kind, DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("t-" + UUID.randomUUID() + ".db")), null);
        }
        PostgresSchema schema = PostgresSchema.create(postgresServer(), "t_");
        return new ScratchDatabase(kind, schema.settings(), schema);
    }

    /**
     * The PostgreSQL server of the test run. Fails (never skips) when it is not set: the stores
     * must be tested on both databases.
     */
    public static DatabaseSettings postgresServer() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(URL_VARIABLE + " is not set, so the PostgreSQL half of the store tests cannot run."
                    + " Run scripts/test (it starts a throwaway PostgreSQL), or wrap Maven in scripts/with-postgres"
                    + " (scripts/with-postgres mvn -pl host test), or point " + URL_VARIABLE + " (and PATRON_TEST_PG_USER,"
                    + " PATRON_TEST_PG_PASSWORD) at a server of your own whose database sorts text in C order");
        }
        return new DatabaseSettings(url, System.getenv("PATRON_TEST_PG_USER"), System.getenv("PATRON_TEST_PG_PASSWORD"), 4);
    }

    public Kind kind() {
        return kind;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Opens a store on this database (several may be open at once, like several instances). */
    public Store open() {
        return Store.open(settings);
    }

    /** Opens a store and applies the host's migrations. */
    public Store migrated() {
        Store store = open();
        new Migrator(store).migrate(ScratchDatabase.class.getClassLoader(), "host");
        return store;
    }

    @Override
    public void close() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
