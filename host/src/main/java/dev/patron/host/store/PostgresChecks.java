package dev.patron.host.store;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * What the PostgreSQL store checks before it is used, and how it explains a server it cannot
 * use: every message says what is wrong and how to fix it.
 */
final class PostgresChecks {

    static final int OLDEST_MAJOR_VERSION = 12;
    /** Collations that order text by code point, as SQLite does. */
    private static final Set<String> CODE_POINT_COLLATIONS = Set.of("c", "posix", "c.utf8", "c.utf-8", "ucs_basic");
    private static final String CREDENTIALS_HINT = "set the user and password with the environment variables"
            + " PATRON_DB_USER and PATRON_DB_PASSWORD (or db.user and db.password in conf/patron.yaml)";

    private PostgresChecks() {
    }

    /**
     * Fails unless the server is recent enough and the database orders text by code point: ids
     * are compared in SQL (paging after a cursor, ranges of refund ids) and must sort the way
     * they do in SQLite and in Java, which a language collation such as en_US does not.
     */
    static void check(Connection c, String url) throws SQLException {
        int major = c.getMetaData().getDatabaseMajorVersion();
        if (major < OLDEST_MAJOR_VERSION) {
            throw new StoreException("PostgreSQL at " + url + " is version " + c.getMetaData().getDatabaseProductVersion()
                    + "; Patron needs " + OLDEST_MAJOR_VERSION + " or later");
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT current_database(), datcollate FROM pg_database WHERE datname = current_database()");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            String database = rs.getString(1);
            String collation = rs.getString(2);
            boolean icu = usesIcu(c);
            if (!CODE_POINT_COLLATIONS.contains(collation.toLowerCase(Locale.ROOT)) || icu) {
                throw new StoreException("PostgreSQL database '" + database + "' at " + url + " sorts text with "
                        + (icu ? "an ICU collation" : "collation '" + collation + "'")
                        + "; Patron needs byte order (C), as in SQLite, so ids sort the same everywhere."
                        + " Create the database with: CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8'"
                        + " LOCALE 'C'");
            }
        } finally {
            c.rollback();
        }
    }

    /** Whether the database collates with ICU (PostgreSQL 15 and later), whose collations are never byte order. */
    private static boolean usesIcu(Connection c) throws SQLException {
        if (c.getMetaData().getDatabaseMajorVersion() < 15) {
            return false;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT datlocprovider FROM pg_database WHERE datname = current_database()");
             ResultSet rs = select.executeQuery()) {
            return rs.next() && "i".equals(rs.getString(1));
        }
    }

    /** A connection failure explained: unreachable server, refused credentials, missing database. */
    static String connectFailure(SQLException e, DatabaseSettings settings) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String url = settings.url();
        String user = settings.user() == null ? "(the driver's default)" : "'" + settings.user() + "'";
        if (state.equals("28P01") || state.equals("28000") || isMissingPassword(e)) {
            return "PostgreSQL at " + url + " refused user " + user + " (" + e.getMessage() + "); " + CREDENTIALS_HINT;
        }
        if (state.equals("3D000")) {
            return "PostgreSQL at " + url + " has no such database (" + e.getMessage() + "); create it with"
                    + " CREATE DATABASE name TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' OWNER user, or fix db.url";
        }
        if (state.startsWith("08") || hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)) {
            return "cannot reach PostgreSQL at " + url + " (" + e.getMessage() + "); check the host and port in db.url and"
                    + " that the server is running and accepts TCP connections from here (listen_addresses, pg_hba.conf)";
        }
        return "cannot connect to PostgreSQL at " + url + ": " + e.getMessage();
    }

    private static boolean isMissingPassword(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("no password was provided") || message.contains("password authentication failed");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
