package dev.patron.host.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.store.Migration;
import dev.patron.host.store.MigrationScanner;
import dev.patron.host.store.Migrator;
import dev.patron.host.store.ScratchDatabase;
import dev.patron.host.store.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationsContractTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ScratchDatabase.Kind.class)
    void hostMigrationsApplyOnceOnEachStore(ScratchDatabase.Kind kind) {
        try (ScratchDatabase db = ScratchDatabase.create(kind, dir); Store store = db.open()) {
            List<Migration> migrations = MigrationScanner.scan(getClass().getClassLoader(), "host", store.dialect());

            int first = new Migrator(store).migrate(getClass().getClassLoader(), "host");
            int second = new Migrator(store).migrate(getClass().getClassLoader(), "host");

            assertThat(first).isEqualTo(migrations.size());
            assertThat(second).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(ScratchDatabase.Kind.class)
    void aDialectsOwnFileReplacesTheCommonOneAndMayAddVersions(ScratchDatabase.Kind kind) {
        try (ScratchDatabase db = ScratchDatabase.create(kind, dir); Store store = db.open()) {
            int applied = new Migrator(store).migrate(getClass().getClassLoader(), "testdialect");

            List<String> rows = store.read(c -> {
                List<String> found = new java.util.ArrayList<>();
                try (var select = c.prepareStatement("SELECT id, made_by FROM testdialect_items ORDER BY id");
                     var rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1) + " by " + rs.getString(2));
                    }
                }
                return found;
            });
            if (kind == ScratchDatabase.Kind.POSTGRESQL) {
                assertThat(applied).isEqualTo(3);
                assertThat(rows).containsExactly("one by postgresql", "three by common", "two by postgresql");
            } else {
                assertThat(applied).isEqualTo(2);
                assertThat(rows).containsExactly("one by common", "three by common");
            }
            assertThat(new Migrator(store).migrate(getClass().getClassLoader(), "testdialect")).isZero();
        }
    }
}
