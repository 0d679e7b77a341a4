package dev.patron.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What every store promises, on SQLite and on PostgreSQL: atomic write transactions, snapshot reads, concurrent writers. */
class StoreTest {

    @Nested
    class OnSqlite extends Contract {
        OnSqlite() {
            super(ScratchDatabase.Kind.SQLITE);
        }

        @Test
        void openCreatesMissingParentDirectories() {
            Path nested = dir.resolve("a/b/c/nested.db");

            try (Store other = Store.open("jdbc:sqlite:" + nested)) {
                other.inTransaction(c -> execute(c, "CREATE TABLE t (x INTEGER)"));
            }

            assertThat(Files.exists(nested)).isTrue();
        }
    }

    @Nested
    class OnPostgresql extends Contract {
        OnPostgresql() {
            super(ScratchDatabase.Kind.POSTGRESQL);
        }
    }

    abstract static class Contract extends StoreFixture {

        Contract(ScratchDatabase.Kind kind) {
            super(kind);
        }

        @Override
        protected boolean migrated() {
            return false;
        }

        @BeforeEach
        void createTable() {
            store.inTransaction(c -> execute(c, "CREATE TABLE items (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL)"));
        }

        private long rows() {
            return TestStores.count(store, "SELECT COUNT(*) FROM items");
        }

        @Test
        void committedWritesAreSeenByReaders() {
            int returned = store.inTransaction(c -> {
                execute(c, "INSERT INTO items (id, writer) VALUES (1, 0)");
                execute(c, "INSERT INTO items (id, writer) VALUES (2, 0)");
                return 2;
            });

            assertThat(returned).isEqualTo(2);
            assertThat(rows()).isEqualTo(2);
        }

        @Test
        void oneReadSeesOneSnapshotEvenWhileAWriterCommits() {
            store.inTransaction(c -> execute(c, "INSERT INTO items (id, writer) VALUES (1, 0)"));

            long[] counts = store.read(c -> {
                long before = countIn(c);
                store.inTransaction(w -> execute(w, "INSERT INTO items (id, writer) VALUES (2, 0)"));
                return new long[] {before, countIn(c)};
            });

            assertThat(counts).containsExactly(1, 1);
            assertThat(rows()).isEqualTo(2);
        }

        private static long countIn(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM items")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Test
        void fourConcurrentWritersAllLand() throws Exception {
            int writers = 4;
            int perWriter = 250;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perWriter; i++) {
                            int id = writer * perWriter + i;
                            store.inTransaction(c -> execute(c, "INSERT INTO items (id, writer) VALUES (" + id + ", " + writer + ")"));
                            if (i % 50 == 0) {
                                store.read(Contract::countIn);
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(rows()).isEqualTo(1_000);
            for (int w = 0; w < writers; w++) {
                assertThat(TestStores.count(store, "SELECT COUNT(*) FROM items WHERE writer = ?", w)).isEqualTo(perWriter);
            }
        }

        @Test
        void twoStoresOnOneDatabaseNeverInterleaveAReadThenWrite() throws Exception {
            int perWriter = 60;
            try (Store other = db.open()) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                CountDownLatch start = new CountDownLatch(1);
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (Store writer : List.of(store, other)) {
                        futures.add(pool.submit(() -> {
                            start.await();
                            for (int i = 0; i < perWriter; i++) {
                                // Read the highest id, then take the next: only safe if no other writer slips in between.
                                writer.inTransaction(c -> {
                                    long next;
                                    try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM items")) {
                                        rs.next();
                                        next = rs.getLong(1);
                                    }
                                    return execute(c, "INSERT INTO items (id, writer) VALUES (" + next + ", " + (writer == store ? 0 : 1) + ")");
                                });
                            }
                            return null;
                        }));
                    }
                    start.countDown();
                    for (Future<?> future : futures) {
                        future.get(120, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }
            }

            assertThat(rows()).isEqualTo(2L * perWriter);
            assertThat(TestStores.count(store, "SELECT MAX(id) FROM items")).isEqualTo(2L * perWriter);
        }

        @Test
        void reopenedStoreSeesEarlierCommits() {
            store.inTransaction(c -> execute(c, "INSERT INTO items (id, writer) VALUES (1, 0)"));
            store.close();

            store = db.open();

            assertThat(rows()).isEqualTo(1);
        }


        @Test
        void failedTransactionIsRolledBackAndItsExceptionPassedOn() {
            IllegalStateException failure = new IllegalStateException("stop");

            assertThatThrownBy(() -> store.inTransaction(c -> {
                execute(c, "INSERT INTO items (id, writer) VALUES (1, 0)");
                throw failure;
            })).isSameAs(failure);

            assertThat(rows()).isZero();
        }

        @Test
        void sqlErrorIsWrappedAndRolledBack() {
            assertThatThrownBy(() -> store.inTransaction(c -> {
                execute(c, "INSERT INTO items (id, writer) VALUES (1, 0)");
                return execute(c, "INSERT INTO items (id, writer) VALUES (1, 0)");
            })).isInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class).hasMessageContaining("database error");

            assertThat(rows()).isZero();
        }

        @Test
        void rolledBackWorkIsNotCommittedByTheNextTransaction() {
            assertThatThrownBy(() -> store.inTransaction(c -> {
                execute(c, "INSERT INTO items (id, writer) VALUES (1, 0)");
                throw new IllegalArgumentException("stop");
            })).isInstanceOf(IllegalArgumentException.class);

            store.inTransaction(c -> execute(c, "INSERT INTO items (id, writer) VALUES (2, 0)"));

            assertThat(TestStores.count(store, "SELECT COUNT(*) FROM items WHERE id = 1")).isZero();
            assertThat(rows()).isEqualTo(1);
        }

        @Test
        void workFailingWithAnErrorIsRolledBackToo() {
            assertThatThrownBy(() -> store.inTransaction(c -> {
                execute(c, "INSERT INTO items (id, writer) VALUES (1, 0)");
                throw new AssertionError("a check inside the work failed");
            })).isInstanceOf(AssertionError.class);

            store.inTransaction(c -> execute(c, "INSERT INTO items (id, writer) VALUES (2, 0)"));

            assertThat(TestStores.count(store, "SELECT COUNT(*) FROM items WHERE id = 1")).isZero();
        }

        @Test
        void readFailingWithAnErrorDoesNotLeaveItsSnapshotToTheNextRead() {
            assertThatThrownBy(() -> store.read(c -> {
                countIn(c);
                throw new AssertionError("a check inside the read failed");
            })).isInstanceOf(AssertionError.class);

            store.inTransaction(c -> execute(c, "INSERT INTO items (id, writer) VALUES (1, 0)"));

            assertThat(rows()).isEqualTo(1);
        }

        @Test
        void failedReadLeavesTheReaderUsable() {
            for (int i = 0; i < 8; i++) {
                assertThatThrownBy(() -> store.read(c -> execute(c, "SELECT * FROM no_such_table")))
                        .isInstanceOf(StoreException.class);
            }

            assertThat(rows()).isZero();
        }

        @Test
        void closedStoreRefusesWork() {
            store.close();

            assertThatThrownBy(() -> store.inTransaction(c -> null)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> store.read(c -> null)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("closed");
        }
    }

    static Void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return null;
    }
}
