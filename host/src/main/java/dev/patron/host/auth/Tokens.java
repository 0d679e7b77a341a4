package dev.patron.host.auth;

import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API tokens: 256 random bits shown once at creation and stored only as a SHA-256 hash. A
 * verified token is remembered for a few seconds (so a busy integration does not read the table
 * on every request) and its last use is recorded at most once a minute.
 */
public final class Tokens {

    private static final Sql SQL = Sql.load("sql/auth.sql");
    private static final String PREFIX = "pt_";
    private static final long CACHE_MILLIS = 5_000;
    private static final long TOUCH_MILLIS = 60_000;

    /** A token as listed (never with its secret). */
    public record TokenInfo(String id, String name, Role role, Instant createdAt, String createdBy, Instant lastUsedAt,
                            Instant revokedAt) {
    }

    /** A new token: {@code secret} is shown once and never again. */
    public record NewToken(TokenInfo info, String secret) {
    }

    private record Cached(Principal principal, String id, long until) {
    }

    private final Store store;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTouched = new ConcurrentHashMap<>();

    public Tokens(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public NewToken create(String name, Role role, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new InvalidInputException("name", "must be 1-64 characters");
        }
        String secret = PREFIX + Secrets.random(32);
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        store.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(SQL.get("insertToken"))) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setString(3, role.json());
                insert.setString(4, Secrets.sha256(secret));
                insert.setLong(5, now);
                insert.setString(6, createdBy);
                insert.executeUpdate();
            }
            return null;
        });
        return new NewToken(new TokenInfo(id, name, role, Instant.ofEpochMilli(now), createdBy, null, null), secret);
    }

    /** Who a presented token belongs to, if it is valid and not revoked. */
    public Optional<Principal> verify(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(secret);
        long now = clock.millis();
        Cached cached = cache.get(hash);
        if (cached == null || cached.until() < now) {
            cached = store.read(c -> {
                try (PreparedStatement select = c.prepareStatement(SQL.get("tokenByHash"))) {
                    select.setString(1, hash);
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            return new Cached(null, null, now + CACHE_MILLIS);
                        }
                        rs.getLong(4);
                        boolean revoked = !rs.wasNull();
                        return new Cached(revoked ? null : new Principal(rs.getString(2), Role.parse(rs.getString(3)), "token", null),
                                rs.getString(1), now + CACHE_MILLIS);
                    }
                }
            });
            cache.put(hash, cached);
        }
        if (cached.principal() != null) {
            touch(cached.id(), now);
        }
        return Optional.ofNullable(cached.principal());
    }

    private void touch(String id, long now) {
        Long last = lastTouched.get(id);
        if (last != null && now - last < TOUCH_MILLIS) {
            return;
        }
        lastTouched.put(id, now);
        store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(SQL.get("touchToken"))) {
                update.setLong(1, now);
                update.setString(2, id);
                return update.executeUpdate();
            }
        });
    }

    /** Revokes a token by id or name; returns how many were revoked. Takes effect within seconds everywhere. */
    public int revoke(String idOrName) {
        cache.clear();
        return store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(SQL.get("revokeToken"))) {
                update.setLong(1, clock.millis());
                update.setString(2, idOrName);
                update.setString(3, idOrName);
                return update.executeUpdate();
            }
        });
    }

    public List<TokenInfo> list() {
        return store.read(c -> {
            List<TokenInfo> tokens = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(SQL.get("listTokens")); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    tokens.add(new TokenInfo(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), instant(rs, 6), instant(rs, 7)));
                }
            }
            return tokens;
        });
    }

    private static Instant instant(ResultSet rs, int column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
