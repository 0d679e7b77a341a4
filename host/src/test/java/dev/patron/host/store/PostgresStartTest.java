package dev.patron.host.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A PostgreSQL server Patron cannot use stops the start with what is wrong and how to fix it. */
class PostgresStartTest {

    private final DatabaseSettings server = ScratchDatabase.postgresServer();

    private String otherDatabase(String name) {
        return server.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    @Test
    void aWrongPasswordNamesTheUserAndWhereCredentialsComeFrom() {
        DatabaseSettings wrong = new DatabaseSettings(server.url(), server.user(), "not-the-password-" + UUID.randomUUID(), 2);

        assertThatThrownBy(() -> Store.open(wrong)).isInstanceOf(StoreException.class)
                .hasMessageContaining("refused user '" + server.user() + "'")
                .hasMessageContaining("PATRON_DB_USER and PATRON_DB_PASSWORD")
                .hasMessageNotContaining(wrong.password());
    }

    @Test
    void anUnreachableServerSaysToCheckHostPortAndServer() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/patron", server.user(), server.password(), 2);

        assertThatThrownBy(() -> Store.open(nowhere)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/patron")
                .hasMessageContaining("listen_addresses");
    }

    @Test
    void aMissingDatabaseSaysHowToCreateIt() {
        DatabaseSettings missing = new DatabaseSettings(otherDatabase("no_such_db_" + System.nanoTime()), server.user(),
                server.password(), 2);

        assertThatThrownBy(() -> Store.open(missing)).isInstanceOf(StoreException.class)
                .hasMessageContaining("has no such database")
                .hasMessageContaining("LOCALE 'C'");
    }

    @Test
    void aDatabaseSortingTextByLanguageIsRefused() {
        String name = "patron_icu_" + System.nanoTime();
        execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
        try {
            DatabaseSettings icu = new DatabaseSettings(otherDatabase(name), server.user(), server.password(), 2);

            assertThatThrownBy(() -> Store.open(icu)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("sorts text with an ICU collation")
                    .hasMessageContaining("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
        } finally {
            execute("DROP DATABASE " + name);
        }
    }

    /** Runs a statement that cannot run in a transaction block (CREATE/DROP DATABASE). */
    private void execute(String sql) {
        try (var c = java.sql.DriverManager.getConnection(server.url(), server.user(), server.password());
             var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
