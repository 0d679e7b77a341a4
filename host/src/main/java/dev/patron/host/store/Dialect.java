package dev.patron.host.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases Patron runs on, kept in one place: how a URL names them,
 * how transactions start, how errors are classified, and where dialect-specific SQL lives
 * (migrations in {@code db/<owner>/<dialect>/}, named statements as {@code name@<dialect>}).
 */
public sealed interface Dialect permits SqliteDialect, PostgresDialect {

    Dialect SQLITE = new SqliteDialect();
    Dialect POSTGRESQL = new PostgresDialect();

    /** {@code sqlite} or {@code postgresql}: the folder of per-dialect migrations and the suffix of statement variants. */
    String name();

    /** The JDBC URL prefix this dialect answers to, e.g. {@code jdbc:postgresql:}. */
    String urlPrefix();

    /**
     * Whether a failed transaction may simply be run again: the database gave up on it because of
     * a concurrent one (a serialization failure or a deadlock), not because of what it did.
     */
    boolean isRetryable(SQLException e);

    /**
     * Whether {@code executeBatch} reports each row's update count. SQLite's driver does; PostgreSQL's
     * rewritten multi-row inserts report none ({@code SUCCESS_NO_INFO}).
     */
    boolean countsBatchedRows();

    /** Whether the statement broke a unique constraint or primary key. */
    boolean isUniqueViolation(SQLException e);

    /** Whether the statement gave up waiting for a lock another connection holds. */
    boolean isLockTimeout(SQLException e);

    /**
     * Takes the lock that keeps two processes from applying migrations at once, for the rest of
     * the current write transaction.
     */
    void lockMigrations(Connection c) throws SQLException;

    /** The dialect of a JDBC URL; fails with the list of supported URLs. */
    static Dialect forUrl(String url) {
        for (Dialect dialect : new Dialect[] {SQLITE, POSTGRESQL}) {
            if (url != null && url.startsWith(dialect.urlPrefix())) {
                return dialect;
            }
        }
        throw new StoreException("database URL '" + url + "' is not supported; use jdbc:sqlite:PATH (for example"
                + " jdbc:sqlite:data/patron.db) or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    /** The dialect of an open connection. */
    public static Dialect of(Connection c) throws SQLException {
        return forUrl(c.getMetaData().getURL());
    }

    /**
     * Whether {@code failure} or one of its causes is a retryable database error (see
     * {@link #isRetryable}), however deeply plugin or host code wrapped it.
     */
    static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (SQLITE.isRetryable(e) || POSTGRESQL.isRetryable(e)) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
