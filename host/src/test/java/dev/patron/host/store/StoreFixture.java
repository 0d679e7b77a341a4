package dev.patron.host.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the store contract tests: each test gets a fresh, migrated database of the kind its
 * subclass names, so the same tests run against SQLite and PostgreSQL.
 */
public abstract class StoreFixture {

    @TempDir
    protected Path dir;
    protected ScratchDatabase db;
    protected Store store;
    private final ScratchDatabase.Kind kind;

    protected StoreFixture(ScratchDatabase.Kind kind) {
        this.kind = kind;
    }

    protected ScratchDatabase.Kind kind() {
        return kind;
    }

    /** Whether the test's store starts with the host schema; tests of the store itself bring their own tables. */
    protected boolean migrated() {
        return true;
    }

    @BeforeEach
    void openStore() {
        db = ScratchDatabase.create(kind, dir);
        store = migrated() ? db.migrated() : db.open();
    }

    @AfterEach
    void closeStore() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            db.close();
        }
    }
}
