package dev.patron.host.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQLite: one writer at a time, so a transaction never has to be retried because of another; a
 * writer waits for the lock up to the busy timeout and then fails with SQLITE_BUSY.
 */
public final class SqliteDialect implements Dialect {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
    private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;

    SqliteDialect() {
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:sqlite:";
    }

    @Override
    public boolean isRetryable(SQLException e) {
        return false;
    }

    @Override
    public boolean countsBatchedRows() {
        return true;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        int code = e.getErrorCode();
        String message = e.getMessage() == null ? "" : e.getMessage();
        return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY
                || (code == SQLITE_CONSTRAINT && (message.contains("UNIQUE") || message.contains("PRIMARY KEY")));
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLITE_BUSY;
    }

    @Override
    public void lockMigrations(Connection c) {
        // BEGIN IMMEDIATE already holds the database's one write lock.
    }

    @Override
    public String toString() {
        return name();
    }
}
