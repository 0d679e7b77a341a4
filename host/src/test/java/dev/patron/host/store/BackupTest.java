package dev.patron.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {

    @TempDir
    Path dir;
    private ScratchDatabase db;
    private Store store;

    @BeforeEach
    void open(ScratchDatabase.Kind kind) {
        db = ScratchDatabase.create(kind, dir);
        store = db.migrated();
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO customers (id, name, attributes, created_at, updated_at)"
                        + " VALUES ('c-1', 'Ann', '{}', 1, 1), ('c-2', 'Bo', '{}', 1, 1)");
            }
        });
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    @BothStores
    void sqliteIsCopiedWhileOpenAndPostgresqlPointsAtPgDump(ScratchDatabase.Kind kind) {
        Path backup = dir.resolve("backups/patron-backup.db");
        backup.getParent().toFile().mkdirs();

        if (kind == ScratchDatabase.Kind.POSTGRESQL) {
            assertThatThrownBy(() -> store.backupTo(backup)).isInstanceOf(StoreException.class).hasMessageContaining("pg_dump");
            return;
        }
        store.backupTo(backup);

        try (Store copy = Store.open("jdbc:sqlite:" + backup)) {
            assertThat(TestStores.count(copy, "SELECT COUNT(*) FROM customers")).isEqualTo(2);
            assertThat(TestStores.count(copy, "SELECT COUNT(*) FROM schema_migrations WHERE owner = 'host'")).isPositive();
        }
        assertThatThrownBy(() -> store.backupTo(backup)).isInstanceOf(StoreException.class).hasMessageContaining("exists already");
    }
}
