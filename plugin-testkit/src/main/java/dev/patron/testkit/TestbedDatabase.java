package dev.patron.testkit;

import dev.patron.host.store.DatabaseSettings;
import dev.patron.host.store.PostgresSchema;
import dev.patron.host.store.Store;
import java.nio.file.Path;

/**
 * Where a testbed keeps its store: a SQLite file by default, or, with the environment variable
 * {@value #STORE_VARIABLE}{@code =postgresql}, a schema of its own in the PostgreSQL database named
 * by {@code PATRON_TEST_PG_URL} (with {@code PATRON_TEST_PG_USER} and
 * {@code PATRON_TEST_PG_PASSWORD}), dropped when the testbed closes. So one test suite proves a
 * plugin's SQL on both stores the host runs on.
 */
final class TestbedDatabase {

    static final String STORE_VARIABLE = "PATRON_TESTKIT_STORE";

    private final DatabaseSettings settings;
    private final PostgresSchema schema;

    private TestbedDatabase(DatabaseSettings settings, PostgresSchema schema) {
        this.settings = settings;
        this.schema = schema;
    }

    /** The testbed's database: {@code sqliteFile}, or a new PostgreSQL schema when the environment asks for one. */
    static TestbedDatabase choose(Path sqliteFile) {
        String kind = System.getenv(STORE_VARIABLE);
        if (kind == null || kind.isBlank() || kind.trim().equalsIgnoreCase("sqlite")) {
            return new TestbedDatabase(DatabaseSettings.of("jdbc:sqlite:" + sqliteFile), null);
        }
        if (!kind.trim().equalsIgnoreCase("postgresql")) {
            throw new IllegalStateException(STORE_VARIABLE + "='" + kind + "' names no store; use sqlite (the default) or postgresql");
        }
        String url = System.getenv("PATRON_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(STORE_VARIABLE + "=postgresql needs PATRON_TEST_PG_URL (with PATRON_TEST_PG_USER and"
                    + " PATRON_TEST_PG_PASSWORD): the JDBC URL of a PostgreSQL database whose text sorts in C order");
        }
        PostgresSchema schema = PostgresSchema.create(new DatabaseSettings(url, System.getenv("PATRON_TEST_PG_USER"),
                System.getenv("PATRON_TEST_PG_PASSWORD"), 4), "testbed_");
        return new TestbedDatabase(schema.settings(), schema);
    }

    Store open() {
        return Store.open(settings);
    }

    /** Drops the PostgreSQL schema; a SQLite file goes with its folder. */
    void drop() {
        if (schema != null) {
            schema.drop();
        }
    }
}
