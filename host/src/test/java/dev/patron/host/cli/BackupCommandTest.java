package dev.patron.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.store.Store;
import dev.patron.host.store.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandTest {

    @TempDir
    Path home;

    @Test
    void backupWritesACopyThatOpensAsAStoreAndRefusesToOverwrite() {
        TestStores.migrated(home.resolve("data")).close();
        String db = "jdbc:sqlite:" + home.resolve("data/t.db");
        Path backup = home.resolve("data/backups/2026-11-23.db");

        int first = PatronCli.run("backup", "--home", home.toString(), "--db", db, backup.toString());
        int second = PatronCli.run("backup", "--home", home.toString(), "--db", db, backup.toString());

        assertThat(first).isZero();
        assertThat(second).isEqualTo(2);
        assertThat(Files.isRegularFile(backup)).isTrue();
        try (Store copy = Store.open("jdbc:sqlite:" + backup)) {
            assertThat(TestStores.count(copy, "SELECT COUNT(*) FROM schema_migrations")).isPositive();
        }
    }
}
