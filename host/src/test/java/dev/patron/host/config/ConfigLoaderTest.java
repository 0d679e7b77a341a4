package dev.patron.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path home;

    private Path yaml(String text) throws IOException {
        Path file = home.resolve("patron.yaml");
        Files.writeString(file, text);
        return file;
    }

    private PatronConfig load(Path file, Map<String, String> env, Map<ConfigKey, String> overrides) {
        return new ConfigLoader(home, env).load(file, overrides);
    }

    @Test
    void withoutFileEnvironmentOrFlagsEveryKeyHasItsDefault() {
        PatronConfig config = load(home.resolve("missing.yaml"), Map.of(), Map.of());

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dbUrl()).isEqualTo("jdbc:sqlite:" + home.toAbsolutePath().resolve("data/patron.db").normalize());
        assertThat(config.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.pluginsDir()).isEqualTo(home.toAbsolutePath().resolve("plugins").normalize());
        assertThat(config.home()).isEqualTo(home.toAbsolutePath().normalize());
    }

    @Test
    void yamlValuesOverrideDefaultsAndLeaveTheRestAlone() throws IOException {
        Path file = yaml("""
                http:
                  port: 9090
                shop:
                  currency: CNY
                  timezone: Asia/Shanghai
                """);

        PatronConfig config = load(file, Map.of(), Map.of());

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.currency().getCurrencyCode()).isEqualTo("CNY");
        assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void dottedTopLevelKeysAreAcceptedLikeNestedOnes() throws IOException {
        PatronConfig config = load(yaml("http.port: 9191\n"), Map.of(), Map.of());

        assertThat(config.httpPort()).isEqualTo(9191);
    }

    @Test
    void environmentVariablesOverrideYaml() throws IOException {
        Path file = yaml("http:\n  port: 9090\nshop:\n  currency: CNY\n");

        PatronConfig config = load(file, Map.of("PATRON_HTTP_PORT", " 7070 ", "PATRON_SHOP_TIMEZONE", "Europe/London"), Map.of());

        assertThat(config.httpPort()).isEqualTo(7070);
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(config.currency().getCurrencyCode()).isEqualTo("CNY");
    }

    @Test
    void blankEnvironmentVariablesAreIgnored() throws IOException {
        Path file = yaml("http:\n  port: 9090\n");

        PatronConfig config = load(file, Map.of("PATRON_HTTP_PORT", "  "), Map.of());

        assertThat(config.httpPort()).isEqualTo(9090);
    }

    @Test
    void commandLineOverridesEnvironment() throws IOException {
        Path file = yaml("http:\n  port: 9090\n");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.HTTP_PORT, "6060");
        flags.put(ConfigKey.HTTP_HOST, "0.0.0.0");

        PatronConfig config = load(file, Map.of("PATRON_HTTP_PORT", "7070"), flags);

        assertThat(config.httpPort()).isEqualTo(6060);
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void anAbsentCommandLineFlagLeavesTheEnvironmentValue() {
        Map<ConfigKey, String> flags = new HashMap<>();
        flags.put(ConfigKey.HTTP_PORT, null);

        PatronConfig config = load(null, Map.of("PATRON_HTTP_PORT", "7070"), flags);

        assertThat(config.httpPort()).isEqualTo(7070);
    }

    @Test
    void relativePathsAreResolvedAgainstHomeAndAbsoluteOnesKept() throws IOException {
        Path elsewhere = home.resolve("other/abs.db").toAbsolutePath();
        Path file = yaml("db:\n  url: jdbc:sqlite:var/../db/shop.db\nplugins:\n  dir: ext/plugins\n");

        PatronConfig relative = load(file, Map.of(), Map.of());
        PatronConfig absolute = load(file, Map.of("PATRON_DB_URL", "jdbc:sqlite:" + elsewhere), Map.of());

        assertThat(relative.dbUrl()).isEqualTo("jdbc:sqlite:" + home.toAbsolutePath().resolve("db/shop.db"));
        assertThat(relative.pluginsDir()).isEqualTo(home.toAbsolutePath().resolve("ext/plugins"));
        assertThat(absolute.dbUrl()).isEqualTo("jdbc:sqlite:" + elsewhere);
    }

    @Test
    void postgresqlUrlTakesItsCredentialsFromTheEnvironmentOrTheFile() throws IOException {
        Path file = yaml("db:\n  url: jdbc:postgresql://db.internal:5433/shop\n  user: from_file\n  password: file-secret\n"
                + "  pool-size: 6\n");

        PatronConfig fromFile = load(file, Map.of(), Map.of());
        PatronConfig fromEnvironment = load(file, Map.of("PATRON_DB_USER", "patron", "PATRON_DB_PASSWORD", "env-secret"), Map.of());

        assertThat(fromFile.database().url()).isEqualTo("jdbc:postgresql://db.internal:5433/shop");
        assertThat(fromFile.database().user()).isEqualTo("from_file");
        assertThat(fromFile.database().password()).isEqualTo("file-secret");
        assertThat(fromFile.database().poolSize()).isEqualTo(6);
        assertThat(fromEnvironment.database().user()).isEqualTo("patron");
        assertThat(fromEnvironment.database().password()).isEqualTo("env-secret");
        assertThat(fromEnvironment.database().toString()).doesNotContain("env-secret");
    }

    @Test
    void inMemorySqliteUrlIsLeftAsIs() {
        PatronConfig config = load(null, Map.of("PATRON_DB_URL", "jdbc:sqlite::memory:"), Map.of());

        assertThat(config.dbUrl()).isEqualTo("jdbc:sqlite::memory:");
    }

    @Test
    void anEmptyYamlFileMeansDefaults() throws IOException {
        PatronConfig config = load(yaml(""), Map.of(), Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void aCommentOnlyYamlFileMeansDefaults() throws IOException {
        PatronConfig config = load(yaml("# nothing configured yet\n"), Map.of(), Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
    }

    @Nested
    class Rejected {

        @Test
        void unknownYamlKeyIsNamedWithTheKnownKeys() throws IOException {
            Path file = yaml("http:\n  prot: 9090\nshop:\n  currency: EUR\n");

            assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("http.prot")
                    .hasMessageContaining("known keys are http.host, http.port, db.url, db.user, db.password, db.pool-size, shop.currency, shop.timezone, plugins.dir");
        }

        @Test
        void portThatIsNotANumberNamesKeyAndEnvironmentVariable() {
            assertThatThrownBy(() -> load(null, Map.of("PATRON_HTTP_PORT", "eighty"), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("http.port 'eighty'")
                    .hasMessageContaining("environment variable PATRON_HTTP_PORT")
                    .hasMessageContaining("0 to 65535");
        }

        @Test
        void portOutOfRangeNamesTheYamlFile() throws IOException {
            Path file = yaml("http:\n  port: 70000\n");

            assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("http.port '70000'")
                    .hasMessageContaining(file + " (http.port)");
        }

        @Test
        void unknownCurrencyNamesKeyAndCommandLine() {
            Map<ConfigKey, String> flags = Map.of(ConfigKey.SHOP_CURRENCY, "DOLLARS");

            assertThatThrownBy(() -> load(null, Map.of(), flags))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("shop.currency 'DOLLARS'")
                    .hasMessageContaining("the command line")
                    .hasMessageContaining("ISO 4217");
        }

        @Test
        void currencyWithoutMinorUnitIsRefused() {
            assertThatThrownBy(() -> load(null, Map.of("PATRON_SHOP_CURRENCY", "XXX"), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("shop.currency 'XXX'")
                    .hasMessageContaining("no minor unit");
        }

        @Test
        void unknownTimeZoneNamesKeyAndSource() throws IOException {
            Path file = yaml("shop:\n  timezone: Mars/Olympus\n");

            assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("shop.timezone 'Mars/Olympus'")
                    .hasMessageContaining(file + " (shop.timezone)");
        }

        @Test
        void unsupportedDatabaseUrlIsRefusedNamingBothSupportedKinds() {
            assertThatThrownBy(() -> load(null, Map.of("PATRON_DB_URL", "jdbc:mysql://localhost/patron"), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("db.url 'jdbc:mysql://localhost/patron'")
                    .hasMessageContaining("environment variable PATRON_DB_URL")
                    .hasMessageContaining("jdbc:sqlite:")
                    .hasMessageContaining("jdbc:postgresql://");
        }

        @Test
        void passwordInTheDatabaseUrlIsRefusedPointingAtTheEnvironment() {
            assertThatThrownBy(() -> load(null, Map.of(), Map.of(ConfigKey.DB_URL, "jdbc:postgresql://db/patron?user=p&password=secret")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("db.url from the command line carries a password")
                    .hasMessageContaining("PATRON_DB_PASSWORD")
                    .hasMessageNotContaining("secret");
        }

        @Test
        void poolSizeMustBeAWholeNumberOfAtLeastTwo() {
            assertThatThrownBy(() -> load(null, Map.of("PATRON_DB_URL", "jdbc:postgresql://db/patron", "PATRON_DB_POOL_SIZE", "1"),
                    Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("db.pool-size '1' from environment variable PATRON_DB_POOL_SIZE");
        }

        @Test
        void credentialsForTheSqliteStoreAreRefused() {
            assertThatThrownBy(() -> load(null, Map.of("PATRON_DB_USER", "patron"), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("db.user and db.password are for PostgreSQL")
                    .hasMessageContaining("environment variable PATRON_DB_USER");
        }

        @Test
        void everyBadValueIsReportedAtOnce() {
            Map<String, String> env = Map.of("PATRON_HTTP_PORT", "-1", "PATRON_SHOP_CURRENCY", "ZZZ",
                    "PATRON_SHOP_TIMEZONE", "Nowhere", "PATRON_DB_URL", "mysql://x");

            assertThatThrownBy(() -> load(null, env, Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("http.port")
                    .hasMessageContaining("shop.currency")
                    .hasMessageContaining("shop.timezone")
                    .hasMessageContaining("db.url");
        }

        @Test
        void yamlThatIsNotAMappingIsRefused() throws IOException {
            Path file = yaml("- http\n- db\n");

            assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("must be a YAML mapping");
        }

        @Test
        void listValueIsRefusedWithItsKey() throws IOException {
            Path file = yaml("http:\n  host: [a, b]\n");

            assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("http.host must be a single value");
        }

        @Test
        void malformedYamlIsReportedAsSuch() throws IOException {
            Path file = yaml("http:\n  port: [9090\n");

            assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("is not valid YAML");
        }
    }
}
