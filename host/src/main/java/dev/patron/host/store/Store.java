package dev.patron.host.store;

/**
 * The database: write transactions that commit whole or not at all, and reads that each see one
 * consistent snapshot. {@link SqliteStore} keeps one SQLite file with one writer;
 * {@link PostgresStore} a pool of PostgreSQL connections that several instances may share.
 * Calls block; from the event loop go through {@link AsyncStore}.
 */
public interface Store extends AutoCloseable {

    /** Opens the store at {@code url} with no credentials and the default pool (see {@link DatabaseSettings#of}). */
    static Store open(String url) {
        return open(DatabaseSettings.of(url));
    }

    /** Opens the store the settings name, failing with a message that says what to fix when it cannot. */
    static Store open(DatabaseSettings settings) {
        Dialect dialect = settings.dialect();
        if (dialect == Dialect.POSTGRESQL) {
            return PostgresStore.open(settings);
        }
        return SqliteStore.open(settings.url());
    }

    /** The JDBC URL (never with a password). */
    String url();

    Dialect dialect();

    /**
     * Runs {@code work} in one write transaction: committed if it returns, rolled back if it
     * throws. Writers of one instance queue on a lock; never nest calls. On PostgreSQL a
     * transaction that lost a conflict with another instance's runs again, so {@code work} must
     * not keep effects outside the database (assign results, do not accumulate them).
     */
    <T> T inTransaction(SqlWork<T> work);

    /** Runs {@code work} in one read-only transaction, so every query in it sees the same snapshot. */
    <T> T read(SqlWork<T> work);

    /**
     * Copies the whole database to the new file {@code target} while the store stays in use
     * (SQLite); a store that cannot (PostgreSQL) fails saying which tool does it instead.
     */
    void backupTo(java.nio.file.Path target);

    @Override
    void close();
}
