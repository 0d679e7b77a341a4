package dev.patron.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {

    @TempDir
    Path dir;
    private Store store;
    private final ClassLoader loader = getClass().getClassLoader();

    @BeforeEach
    void open() {
        store = Store.open("jdbc:sqlite:" + dir.resolve("t.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private boolean tableExists(String name) {
        return TestStores.count(store, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", name) == 1;
    }

    private List<Integer> recordedVersions(String owner) {
        return store.read(c -> {
            List<Integer> versions = new ArrayList<>();
            try (var select = c.prepareStatement("SELECT version FROM schema_migrations WHERE owner = ? ORDER BY version")) {
                select.setString(1, owner);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        versions.add(rs.getInt(1));
                    }
                }
            }
            return versions;
        });
    }

    @Test
    void hostSchemaIsAppliedOnceAndASecondRunAppliesNothing() {
        List<Integer> versions = MigrationScanner.scan(loader, "host").stream().map(Migration::version).toList();

        int first = new Migrator(store).migrate(loader, "host");
        int second = new Migrator(store).migrate(loader, "host");

        assertThat(versions).startsWith(1);
        assertThat(first).isEqualTo(versions.size());
        assertThat(second).isZero();
        assertThat(recordedVersions("host")).isEqualTo(versions);
        for (String table : List.of("customers", "orders", "refunds", "scoring_runs", "scoring_models", "scores",
                "score_history", "plugin_settings")) {
            assertThat(tableExists(table)).as(table).isTrue();
        }
    }

    @Test
    void scannerFindsMigrationsInNumericVersionOrderAndSkipsOtherFiles() {
        List<Migration> migrations = MigrationScanner.scan(loader, "testorder");

        assertThat(migrations).extracting(Migration::version).containsExactly(2, 10);
        assertThat(migrations).extracting(Migration::name).containsExactly("V2__second.sql", "V10__tenth.sql");
    }

    @Test
    void migrationsRunInVersionOrderEvenWhenTheirNamesSortOtherwise() {
        int applied = new Migrator(store).migrate(loader, "testorder");

        assertThat(applied).isEqualTo(2);
        List<String> steps = store.read(c -> {
            List<String> result = new ArrayList<>();
            try (var select = c.prepareStatement("SELECT step FROM test_order_log ORDER BY seq"); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        });
        assertThat(steps).containsExactly("second", "tenth");
    }

    @Test
    void ownersAreTrackedSeparately() {
        Migrator migrator = new Migrator(store);
        int host = migrator.migrate(loader, "host");

        assertThat(migrator.migrate(loader, "testorder")).isEqualTo(2);
        assertThat(recordedVersions("host")).hasSize(host);
        assertThat(recordedVersions("testorder")).containsExactly(2, 10);
    }

    @Test
    void ownerWithoutMigrationsAppliesNothing() {
        assertThat(new Migrator(store).migrate(loader, "no-such-owner")).isZero();
    }

    @Test
    void statementsAreSplitAtLineEndSemicolonsAndCommentsDropped() {
        Migration migration = new Migration("x", 1, "V1__x.sql", """
                -- a comment; with a semicolon
                CREATE TABLE a (
                  id INTEGER -- trailing comment
                );

                INSERT INTO a VALUES (1)""");

        assertThat(migration.statements()).containsExactly("CREATE TABLE a (\n  id INTEGER -- trailing comment\n)",
                "INSERT INTO a VALUES (1)");
    }

    @Test
    void aCommentAfterTheSemicolonStillEndsTheStatement() {
        Migration migration = new Migration("x", 1, "V1__x.sql", """
                CREATE TABLE a (x INTEGER); -- the first table
                CREATE TABLE b (x INTEGER);""");

        assertThat(migration.statements()).containsExactly("CREATE TABLE a (x INTEGER)", "CREATE TABLE b (x INTEGER)");
        new Migrator(store).apply("x", List.of(migration));
        assertThat(tableExists("a")).isTrue();
        assertThat(tableExists("b")).isTrue();
    }

    @Test
    void aSemicolonInsideACommentOrLiteralDoesNotEndTheStatement() {
        Migration migration = new Migration("x", 1, "V1__x.sql", """
                CREATE TABLE notes (
                  body TEXT NOT NULL, -- free text; may be long;
                  tag  TEXT
                );
                INSERT INTO notes (body, tag) VALUES ('a -- b;', 'x;--y');""");

        assertThat(migration.statements()).hasSize(2);
        new Migrator(store).apply("x", List.of(migration));
        assertThat(TestStores.count(store, "SELECT COUNT(*) FROM notes WHERE body = 'a -- b;' AND tag = 'x;--y'")).isEqualTo(1);
    }

    @Nested
    class Failing {

        @Test
        void earlierVersionsStayAppliedAndTheFailingOneLeavesNothingBehind() {
            Migrator migrator = new Migrator(store);

            assertThatThrownBy(() -> migrator.migrate(loader, "testowner"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("db/testowner/V3__broken.sql failed")
                    .hasMessageContaining("no_such_table");

            assertThat(recordedVersions("testowner")).containsExactly(1, 2);
            assertThat(TestStores.count(store, "SELECT price FROM test_items WHERE id = 1")).isEqualTo(100);
            assertThat(TestStores.count(store, "SELECT COUNT(*) FROM test_items")).isEqualTo(1);
            assertThat(tableExists("test_half")).isFalse();
        }

        @Test
        void aRetryAfterTheFailureRunsOnlyTheFailingVersionAgain() {
            Migrator migrator = new Migrator(store);
            assertThatThrownBy(() -> migrator.migrate(loader, "testowner")).isInstanceOf(RuntimeException.class);

            assertThatThrownBy(() -> migrator.migrate(loader, "testowner")).hasMessageContaining("no_such_table");
            assertThat(recordedVersions("testowner")).containsExactly(1, 2);
            assertThat(TestStores.count(store, "SELECT COUNT(*) FROM test_items")).isEqualTo(1);
        }

        @Test
        void changedChecksumOfAnAppliedMigrationIsRefused() {
            Migrator migrator = new Migrator(store);
            migrator.migrate(loader, "host");
            Migration edited = new Migration("host", 1, "V001__initial_schema.sql", "CREATE TABLE sneaky (id INTEGER);");

            assertThatThrownBy(() -> migrator.apply("host", List.of(edited)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("db/host/V001__initial_schema.sql")
                    .hasMessageContaining("was changed after it was applied");
            assertThat(tableExists("sneaky")).isFalse();
        }

        @Test
        void twoFilesWithTheSameVersionAreRefusedBeforeAnythingRuns() {
            assertThatThrownBy(() -> new Migrator(store).migrate(loader, "testdup"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("share version 1")
                    .hasMessageContaining("V1__one.sql")
                    .hasMessageContaining("V01__other.sql");
            assertThat(tableExists("dup_one")).isFalse();
            assertThat(tableExists("dup_other")).isFalse();
        }
    }
}
