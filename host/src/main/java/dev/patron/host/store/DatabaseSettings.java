package dev.patron.host.store;

/**
 * Where the store lives and how to sign in to it.
 *
 * @param url JDBC URL: {@code jdbc:sqlite:PATH} or {@code jdbc:postgresql://HOST[:PORT]/DATABASE}
 * @param user database user (PostgreSQL); null to use the driver's default
 * @param password the user's password (PostgreSQL); null when the server needs none
 * @param poolSize most connections the store opens at once (PostgreSQL); SQLite always uses
 *     one writer and four readers
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    /** The default number of PostgreSQL connections per instance. */
    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings {
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, not " + poolSize);
        }
    }

    /** A URL without credentials and the default pool: every SQLite store, and PostgreSQL without a password. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, null, null, DEFAULT_POOL_SIZE);
    }

    public Dialect dialect() {
        return Dialect.forUrl(url);
    }

    /** Never shows the password: settings end up in logs and error messages. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", poolSize=" + poolSize + "]";
    }
}
