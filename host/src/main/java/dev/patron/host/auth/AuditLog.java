package dev.patron.host.auth;

import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Who did what and when: admin actions and money-like changes. Append-only. */
public final class AuditLog {

    private static final Sql SQL = Sql.load("sql/auth.sql");

    /** One entry. */
    public record Entry(Instant at, String actor, String action, String target, String detail) {
    }

    private final Store store;
    private final Clock clock;

    public AuditLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detail) {
        store.inTransaction(c -> {
            record(c, actor, action, target, detail);
            return null;
        });
    }

    /** Records inside an open write transaction, so the entry exists exactly when the change does. */
    public void record(Connection c, String actor, String action, String target, String detail) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertAudit"))) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setLong(2, clock.millis());
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setString(5, target);
            insert.setString(6, detail);
            insert.executeUpdate();
        }
    }

    public List<Entry> recent(int limit) {
        return store.read(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(SQL.get("recentAudit"))) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return entries;
        });
    }
}
