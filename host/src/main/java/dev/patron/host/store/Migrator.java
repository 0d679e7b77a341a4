package dev.patron.host.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies versioned migrations once each, per owner (the host or a plugin), recording them in
 * {@code schema_migrations}. Each migration runs in its own write transaction: it is applied
 * whole or not at all. A recorded migration whose file changed since is an error, never silently
 * re-run.
 */
public final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final Sql SQL = Sql.load("sql/migrations.sql");

    private final Store store;

    public Migrator(Store store) {
        this.store = store;
        store.inTransaction(c -> {
            store.dialect().lockMigrations(c);
            try (Statement s = c.createStatement()) {
                s.execute(SQL.get("createTable"));
            }
            return null;
        });
    }

    /** The dialect whose migration files this migrator applies. */
    public Dialect dialect() {
        return store.dialect();
    }

    /** Applies the pending migrations of {@code owner} found on {@code loader} for the store's dialect; returns how many ran. */
    public int migrate(ClassLoader loader, String owner) {
        return apply(owner, MigrationScanner.scan(loader, owner, store.dialect()));
    }

    public int apply(String owner, List<Migration> migrations) {
        Map<Integer, String> applied = store.read(c -> appliedChecksums(c, owner));
        int count = 0;
        for (Migration migration : migrations) {
            String checksum = applied.get(migration.version());
            if (checksum != null) {
                checkUnchanged(owner, migration, checksum);
                continue;
            }
            boolean ran;
            try {
                ran = run(owner, migration);
            } catch (ChangedMigrationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StoreException("migration db/" + owner + "/" + migration.name() + " failed and was rolled back: "
                        + e.getMessage(), e);
            }
            if (ran) {
                LOG.info("applied migration {}/{}", owner, migration.name());
                count++;
            }
        }
        return count;
    }

    private static void checkUnchanged(String owner, Migration migration, String appliedChecksum) {
        if (!appliedChecksum.equals(migration.checksum())) {
            throw new ChangedMigrationException("migration db/" + owner + "/" + migration.name()
                    + " was changed after it was applied; restore the original file and add the change as a new migration");
        }
    }

    /** An applied migration's file no longer matches what was applied. */
    private static final class ChangedMigrationException extends StoreException {
        private static final long serialVersionUID = 1L;

        ChangedMigrationException(String message) {
            super(message);
        }
    }

    /**
     * Applies one migration under the migration lock, unless another instance applied it since the
     * pending ones were listed; returns whether it ran here.
     */
    private boolean run(String owner, Migration migration) {
        return store.inTransaction(c -> {
            store.dialect().lockMigrations(c);
            String appliedMeanwhile = appliedChecksums(c, owner).get(migration.version());
            if (appliedMeanwhile != null) {
                checkUnchanged(owner, migration, appliedMeanwhile);
                return false;
            }
            try (Statement s = c.createStatement()) {
                for (String statement : migration.statements()) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement insert = c.prepareStatement(SQL.get("record"))) {
                insert.setString(1, owner);
                insert.setInt(2, migration.version());
                insert.setString(3, migration.name());
                insert.setString(4, migration.checksum());
                insert.setLong(5, System.currentTimeMillis());
                insert.executeUpdate();
            }
            return true;
        });
    }

    private static Map<Integer, String> appliedChecksums(Connection c, String owner) throws SQLException {
        Map<Integer, String> result = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("applied"))) {
            select.setString(1, owner);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return result;
    }
}
