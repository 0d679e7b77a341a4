package dev.patron.host.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * PostgreSQL: many writers at once. Write transactions run SERIALIZABLE, so the read-then-write
 * rules the host relies on (an order id is new, a refund fits what is left) hold across
 * connections and instances as they do under SQLite's single writer; the server aborts one of
 * two conflicting transactions with a serialization failure, and the store runs it again.
 */
public final class PostgresDialect implements Dialect {

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String QUERY_CANCELED = "57014";
    /** Arbitrary, fixed: the advisory lock every Patron instance takes around migrations ("patron" in ASCII). */
    private static final long MIGRATION_LOCK = 0x706174726f6eL;

    PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:postgresql:";
    }

    @Override
    public boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    @Override
    public boolean countsBatchedRows() {
        return false;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || QUERY_CANCELED.equals(e.getSQLState());
    }

    @Override
    public void lockMigrations(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, MIGRATION_LOCK);
            lock.execute();
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
