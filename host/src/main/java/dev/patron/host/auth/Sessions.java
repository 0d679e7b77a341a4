package dev.patron.host.auth;

import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Console sessions, kept in the store so every instance sees them: the cookie carries a random
 * id, the table only its hash. A session ends on sign-out, after {@link #IDLE} without use, or
 * {@link #MAX_AGE} after sign-in. Each has its own CSRF token for forms.
 */
public final class Sessions {

    private static final Sql SQL = Sql.load("sql/auth.sql");
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration MAX_AGE = Duration.ofHours(12);
    private static final long TOUCH_MILLIS = 60_000;

    /** A live session. */
    public record Session(String idHash, Principal principal, String csrfToken, String locale) {
    }

    private final Store store;
    private final Clock clock;

    public Sessions(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Starts a session for a user who just signed in; returns the cookie value. */
    public String start(Users.User user) {
        String id = Secrets.random(32);
        long now = clock.millis();
        store.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(SQL.get("deleteExpiredSessions"))) {
                delete.setLong(1, now);
                delete.setLong(2, now - IDLE.toMillis());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(SQL.get("insertSession"))) {
                insert.setString(1, Secrets.sha256(id));
                insert.setString(2, user.id());
                insert.setString(3, Secrets.random(32));
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.setLong(6, now + MAX_AGE.toMillis());
                insert.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /** The live session for a cookie value, refreshing its idle timer. */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(cookieValue);
        long now = clock.millis();
        Optional<Object[]> row = store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(SQL.get("sessionByHash"))) {
                select.setString(1, hash);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getInt(8)});
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = row.get();
        long lastSeen = (Long) r[2];
        long expires = (Long) r[3];
        if (now > expires || now - lastSeen > IDLE.toMillis() || (Integer) r[7] == 1) {
            end(cookieValue);
            return Optional.empty();
        }
        if (now - lastSeen > TOUCH_MILLIS) {
            store.inTransaction(c -> {
                try (PreparedStatement update = c.prepareStatement(SQL.get("touchSession"))) {
                    update.setLong(1, now);
                    update.setString(2, hash);
                    return update.executeUpdate();
                }
            });
        }
        Principal principal = new Principal((String) r[4], Role.parse((String) r[5]), "user", (String) r[0]);
        return Optional.of(new Session(hash, principal, (String) r[1], (String) r[6]));
    }

    public void end(String cookieValue) {
        if (cookieValue == null) {
            return;
        }
        store.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(SQL.get("deleteSession"))) {
                delete.setString(1, Secrets.sha256(cookieValue));
                return delete.executeUpdate();
            }
        });
    }
}
