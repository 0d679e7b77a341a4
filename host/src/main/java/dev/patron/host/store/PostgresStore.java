package dev.patron.host.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The PostgreSQL store: a pool of connections that several Patron instances may share one
 * database through.
 *
 * <p>Write transactions run SERIALIZABLE: PostgreSQL then guarantees what SQLite's single writer
 * did, that every transaction behaves as if it ran alone, so a read-then-write rule (an order id
 * is new, a refund fits what is left, the next sequence number is free) holds against every other
 * instance. When the server aborts one of two conflicting transactions (serialization failure,
 * deadlock), the store rolls it back and runs it again, up to {@link #ATTEMPTS} times. Within one
 * instance writers still queue on a lock, which keeps the host's in-process ordering guarantees
 * (events reach a plugin in the order they were stored) and spares the server needless conflicts.
 *
 * <p>Reads run READ ONLY at REPEATABLE READ: one snapshot per read, never aborted.
 */
public final class PostgresStore implements Store {

    static final int ATTEMPTS = 10;
    private static final long POOL_WAIT_MILLIS = 30_000;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final DatabaseSettings settings;
    private final ConnectionPool pool;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closed;

    private PostgresStore(DatabaseSettings settings) {
        this.settings = settings;
        this.pool = new ConnectionPool(this::connect, settings.poolSize(), POOL_WAIT_MILLIS, "PostgreSQL at " + settings.url());
    }

    /**
     * Connects to the database once to check it is usable (reachable, credentials accepted, a
     * supported server version, byte-order collation), then keeps connections in a pool.
     */
    static PostgresStore open(DatabaseSettings settings) {
        PostgresStore store = new PostgresStore(settings);
        ConnectionPool.Pooled first = store.pool.borrow();
        boolean broken = true;
        try {
            PostgresChecks.check(first.connection, settings.url());
            broken = false;
        } catch (SQLException e) {
            throw new StoreException("cannot use PostgreSQL at " + settings.url() + ": " + e.getMessage(), e);
        } finally {
            store.pool.release(first, broken);
            if (broken) {
                store.pool.close();
            }
        }
        return store;
    }

    private Connection connect() {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "patron");
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        // One multi-row INSERT per batch instead of one round trip per row: bulk writes (imports,
        // score chunks) go several times faster.
        properties.setProperty("reWriteBatchedInserts", "true");
        try {
            Connection connection = DriverManager.getConnection(settings.url(), properties);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new StoreException(PostgresChecks.connectFailure(e, settings), e);
        }
    }

    @Override
    public String url() {
        return settings.url();
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        writeLock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                ensureOpen();
                try {
                    return once(work, Connection.TRANSACTION_SERIALIZABLE, false);
                } catch (SQLException | RuntimeException e) {
                    if (attempt < ATTEMPTS && Dialect.isRetryable(e)) {
                        pause(attempt);
                        continue;
                    }
                    throw wrap(e, attempt);
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        try {
            return once(work, Connection.TRANSACTION_REPEATABLE_READ, true);
        } catch (SQLException | RuntimeException e) {
            throw wrap(e, 1);
        }
    }

    /** PostgreSQL's own tools back it up consistently while it runs; Patron does not copy a server's database. */
    @Override
    public void backupTo(java.nio.file.Path target) {
        throw new StoreException("patron backup copies the SQLite store; this store is PostgreSQL at " + settings.url()
                + ": back it up with pg_dump (e.g. pg_dump --format=custom --file=" + target + " -h HOST -U USER DATABASE)"
                + " or with your server's base backups and WAL archiving; see docs/operations.md");
    }

    /** Runs {@code work} in one transaction on a pooled connection: committed if it returns, rolled back if it throws. */
    private <T> T once(SqlWork<T> work, int isolation, boolean readOnly) throws SQLException {
        ConnectionPool.Pooled pooled = pool.borrow();
        boolean broken = false;
        try {
            prepare(pooled, isolation, readOnly);
            T result = work.apply(pooled.connection);
            pooled.connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            broken = rollback(pooled.connection, e);
            throw e;
        } finally {
            pool.release(pooled, broken);
        }
    }

    private static void prepare(ConnectionPool.Pooled pooled, int isolation, boolean readOnly) throws SQLException {
        if (pooled.isolation != isolation) {
            pooled.connection.setTransactionIsolation(isolation);
            pooled.isolation = isolation;
        }
        pooled.connection.setReadOnly(readOnly);
    }

    /** Rolls back after a failure; returns true when the connection is broken and must not be reused. */
    private static boolean rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
            return connection.isClosed();
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
            return true;
        }
    }

    /** Waits a little longer after each lost conflict, with jitter so two instances do not collide again. */
    private static void pause(int attempt) {
        long millis = Math.min(200, 5L << Math.min(attempt, 5));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, millis + 1)));
    }

    private static RuntimeException wrap(Exception e, int attempts) {
        if (e instanceof RuntimeException runtime && !(attempts >= ATTEMPTS && Dialect.isRetryable(e))) {
            return runtime;
        }
        String retried = attempts >= ATTEMPTS && Dialect.isRetryable(e)
                ? " (gave up after " + attempts + " attempts lost to concurrent writers)" : "";
        return new StoreException("database error" + retried + ": " + e.getMessage(), e);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }
}
