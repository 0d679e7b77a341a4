package dev.patron.host.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of database connections: at most {@code size} open at once, opened on demand,
 * checked before reuse when they sat idle a while (the server may have restarted), and thrown
 * away when a failure broke them.
 */
final class ConnectionPool implements AutoCloseable {

    /** Opens one new connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** A connection with what the pool remembers about it. */
    static final class Pooled {
        final Connection connection;
        long idleSince;
        /** The transaction isolation set on the session, so it is changed only when needed. */
        int isolation = -1;

        Pooled(Connection connection) {
            this.connection = connection;
        }
    }

    private static final long CHECK_AFTER_IDLE_MILLIS = 30_000;
    private static final int VALID_TIMEOUT_SECONDS = 5;

    private final Opener opener;
    private final int size;
    private final long waitMillis;
    private final String what;
    private final Semaphore permits;
    private final Deque<Pooled> idle = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param what how errors name the database, e.g. {@code PostgreSQL at jdbc:postgresql://db/patron}
     */
    ConnectionPool(Opener opener, int size, long waitMillis, String what) {
        this.opener = opener;
        this.size = size;
        this.waitMillis = waitMillis;
        this.what = what;
        this.permits = new Semaphore(size, true);
    }

    /** A connection for the caller alone until {@link #release}; waits while all are in use. */
    Pooled borrow() {
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new StoreException("all " + size + " connections to " + what + " stayed busy for " + waitMillis
                        + " ms; the store is overloaded: raise db.pool-size or find the slow work in the log");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a connection to " + what, e);
        }
        try {
            Pooled pooled = reusable();
            return pooled != null ? pooled : new Pooled(opener.open());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e instanceof StoreException s ? s : new StoreException("cannot connect to " + what + ": " + e.getMessage(), e);
        }
    }

    /** Gives a connection back; a broken one is closed instead of kept. */
    void release(Pooled pooled, boolean broken) {
        try {
            boolean keep = !broken;
            synchronized (idle) {
                if (keep && !closed) {
                    pooled.idleSince = System.currentTimeMillis();
                    idle.push(pooled);
                    return;
                }
            }
            closeQuietly(pooled.connection);
        } finally {
            permits.release();
        }
    }

    private Pooled reusable() {
        while (true) {
            Pooled pooled;
            synchronized (idle) {
                if (closed) {
                    throw new StoreException("the store is closed");
                }
                pooled = idle.poll();
            }
            if (pooled == null) {
                return null;
            }
            if (System.currentTimeMillis() - pooled.idleSince < CHECK_AFTER_IDLE_MILLIS || isValid(pooled.connection)) {
                return pooled;
            }
            closeQuietly(pooled.connection);
        }
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            closed = true;
            idle.forEach(p -> closeQuietly(p.connection));
            idle.clear();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a broken or closing connection: nothing left to save
        }
    }
}
