package dev.patron.host.auth;

import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Staff accounts: created by an admin or the CLI, passwords kept only as slow salted hashes. */
public final class Users {

    private static final Sql SQL = Sql.load("sql/auth.sql");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    static final int MIN_PASSWORD = 12;

    /** A stored account. */
    public record User(String id, String name, Role role, String passwordHash, String locale, boolean disabled) {
    }

    private final Store store;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Users(Store store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates an account.
     *
     * @throws InvalidInputException for a taken or malformed name or a short password
     */
    public User add(String name, Role role, String password) {
        List<dev.patron.host.shop.FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new dev.patron.host.shop.FieldError("name", "must be 2-64 letters, digits or . _ @ -"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new dev.patron.host.shop.FieldError("password", "must be at least " + MIN_PASSWORD + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String hash = hasher.hash(password);
        String id = UUID.randomUUID().toString();
        return store.inTransaction(c -> {
            if (find(c, "userByName", name).isPresent()) {
                throw new InvalidInputException("name", "a user called " + name + " already exists");
            }
            try (PreparedStatement insert = c.prepareStatement(SQL.get("insertUser"))) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setString(3, role.json());
                insert.setString(4, hash);
                insert.setLong(5, clock.millis());
                insert.executeUpdate();
            }
            return new User(id, name, role, hash, null, false);
        });
    }

    /** The account when the name and password match an enabled user; timing does not reveal which part was wrong. */
    public Optional<User> authenticate(String name, String password) {
        Optional<User> user = store.read(c -> find(c, "userByName", name == null ? "" : name));
        if (user.isEmpty() || user.get().disabled()) {
            hasher.verify(password == null ? "" : password, Dummy.HASH);
            return Optional.empty();
        }
        return hasher.verify(password == null ? "" : password, user.get().passwordHash()) ? user : Optional.empty();
    }

    public long count() {
        return store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(SQL.get("countUsers")); ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public List<User> list() {
        return store.read(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(SQL.get("listUsers")); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    users.add(map(rs));
                }
            }
            return users;
        });
    }

    public void setLocale(String userId, String locale) {
        store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(SQL.get("setLocale"))) {
                update.setString(1, locale);
                update.setString(2, userId);
                return update.executeUpdate();
            }
        });
    }

    private static Optional<User> find(Connection c, String statement, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get(statement))) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getInt(6) == 1);
    }

    /**
     * A hash to verify against when the user does not exist, so both cases take the same time.
     * Computed on first use, not at class load: every CLI command would otherwise pay for it.
     */
    private static final class Dummy {
        static final String HASH = new PasswordHasher().hash("not a real password at all");
    }
}
