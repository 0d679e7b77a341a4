package dev.patron.host.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite store: ONE writer connection (SQLite allows one writer; every write transaction
 * starts with {@code BEGIN IMMEDIATE} so two writers never deadlock on a lock upgrade) and a
 * small pool of reader connections, which in WAL mode read a consistent snapshot while the
 * writer works.
 *
 * <p>Plain JDBC on purpose: the writer must control its transactions exactly (vertx-jdbc-client
 * 5.0.10's {@code withTransaction} leaves auto-commit off and loses later writes), the scoring
 * pass streams millions of rows through one cursor, and one access path keeps type handling the
 * same everywhere. Calls block; from the event loop go through {@link AsyncStore}.
 */
public final class SqliteStore implements Store {

    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final String url;
    private final SQLiteDataSource writerSource;
    private final SQLiteDataSource readerSource;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private Connection writer;
    private volatile boolean closed;

    private SqliteStore(String url) {
        this.url = url;
        this.writerSource = dataSource(url);
        this.readerSource = dataSource(url);
    }

    /** Opens (creating if needed) the SQLite database at {@code url}, e.g. {@code jdbc:sqlite:/srv/patron/data/patron.db}. */
    static SqliteStore open(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        if (!path.isEmpty() && !path.startsWith(":memory:") && !path.startsWith("file:")) {
            try {
                Path parent = Path.of(path).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (java.io.IOException e) {
                throw new StoreException("cannot create the directory for " + path + ": " + e.getMessage(), e);
            }
        }
        SqliteStore store = new SqliteStore(url);
        store.writer = store.connect(store.writerSource);
        return store;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            begin(writer, "BEGIN IMMEDIATE");
            try {
                T result = work.apply(writer);
                execute(writer, "COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw wrap(e);
            } catch (Error e) {
                // Without this the next transaction on the writer would commit this one's work.
                rollbackQuietly(e);
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a reader connection inside one read transaction, so every query in it sees the same snapshot. */
    @Override
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection connection = borrowReader();
        try {
            begin(connection, "BEGIN");
            T result = work.apply(connection);
            execute(connection, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw wrap(e);
        } catch (Error e) {
            // Without this the reader would go back to the pool still holding its old snapshot.
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            idleReaders.offer(connection);
        }
    }

    /**
     * Writes a consistent copy of the database to {@code target} with SQLite's {@code VACUUM INTO}:
     * one read transaction, so writers go on meanwhile, and a compact file that opens on its own.
     */
    @Override
    public void backupTo(Path target) {
        ensureOpen();
        if (Files.exists(target)) {
            throw new StoreException("backup file " + target + " exists already; choose a new name or move the old backup away");
        }
        Connection connection = borrowReader();
        try (java.sql.PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new StoreException("cannot back up " + url + " to " + target + ": " + e.getMessage(), e);
        } finally {
            idleReaders.offer(connection);
        }
    }

    private Connection borrowReader() {
        Connection connection = idleReaders.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (allReaders) {
            if (allReaders.size() < READERS) {
                Connection created = connect(readerSource);
                allReaders.add(created);
                return created;
            }
        }
        try {
            Connection waited = idleReaders.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (waited == null) {
                throw new StoreException("all " + READERS + " reader connections stayed busy for "
                        + BUSY_TIMEOUT_MS + " ms; the store is overloaded");
            }
            return waited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a reader connection", e);
        }
    }

    private Connection connect(SQLiteDataSource source) {
        try {
            // Auto-commit stays on: transactions are explicit BEGIN/COMMIT statements. With it off,
            // sqlite-jdbc opens the next transaction right after each commit, so an idle writer
            // would hold the write lock and other processes (the CLI) could never write.
            return source.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + url + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteDataSource dataSource(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-64_000); // 64 MB page cache per connection
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    private void rollbackQuietly(Throwable cause) {
        rollbackQuietly(writer, cause);
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException suppressed) {
            if (!noTransaction(suppressed)) {
                cause.addSuppressed(suppressed);
            }
        }
    }

    /** Starts a transaction, failing with the store's message when the database stays locked. */
    private void begin(Connection connection, String statement) {
        try {
            execute(connection, statement);
        } catch (SQLException e) {
            throw new StoreException("cannot start a transaction on " + url + " (" + e.getMessage()
                    + "); another process may hold the database: stop it or retry", e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** SQLite ends a transaction itself after some errors; rolling back then reports there is none. */
    private static boolean noTransaction(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("no transaction is active");
    }

    private static RuntimeException wrap(Exception e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new StoreException("database error: " + e.getMessage(), e);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (allReaders) {
                for (Connection reader : allReaders) {
                    closeQuietly(reader);
                }
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to save
        }
    }
}
