package dev.patron.host.plugins.install;

import static dev.patron.host.plugins.install.TestJars.plugin;
import static dev.patron.host.plugins.install.TestJars.withoutManifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.patron.api.PluginApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PluginJarInspectorTest {

    @TempDir
    Path dir;

    private final PluginJarInspector inspector = new PluginJarInspector();

    private List<String> problemsOf(Path jar) {
        return problemsOf(inspector, jar);
    }

    private static List<String> problemsOf(PluginJarInspector inspector, Path jar) {
        PluginRejectedException e = catchThrowableOfType(PluginRejectedException.class, () -> inspector.inspect(jar));
        assertThat(e).as("expected %s to be rejected", jar.getFileName()).isNotNull();
        assertThat(e.getMessage()).startsWith("cannot install " + jar + ":");
        return e.problems();
    }

    @Test
    void aCompleteJarIsAcceptedAndItsDescriptorReported() throws Exception {
        Path jar = plugin("basket-size", "1.2.0")
                .manifest("Plugin-Dependencies", "rfm@>=1.0.0, churn?")
                .writeTo(dir.resolve("basket.jar"));

        PluginJarReport report = inspector.inspect(jar);

        assertThat(report).isEqualTo(new PluginJarReport("basket-size", "1.2.0", "Acme", TestJars.PLUGIN_CLASS,
                ">=1.0.0 & <2.0.0", List.of("rfm@>=1.0.0", "churn?"), "Scores customers by basket size"));
    }

    @Test
    void theJarIsReadNotLoadedSoThePluginClassNeedNotEvenBeValidBytecode() throws Exception {
        Path jar = plugin("basket-size", "1.2.0")
                .entry(TestJars.PLUGIN_CLASS_ENTRY, "static { System.exit(1); }".getBytes(StandardCharsets.UTF_8))
                .writeTo(dir.resolve("basket.jar"));

        assertThat(inspector.inspect(jar).pluginClass()).isEqualTo(TestJars.PLUGIN_CLASS);
    }

    @Test
    void ownNestedLibrariesAndResourcesUnderOtherPackagesAreFine() throws Exception {
        Path jar = plugin("basket-size", "1.2.0")
                .nestedJar("lib/commons-math.jar", "org/apache/commons/math3/Fraction.class")
                .entry("org/pf4j-notes.txt")
                .writeTo(dir.resolve("basket.jar"));

        assertThat(inspector.inspect(jar).id()).isEqualTo("basket-size");
    }

    @Test
    void everyProblemIsListedAtOnceWhenThereAreSeveral() {
        Path jar = plugin("basket-size", "1.2.0")
                .without("Plugin-Class")
                .manifest("Plugin-Requires", ">=2.0.0")
                .entry("org/pf4j/Plugin.class")
                .entry("../evil.class")
                .writeTo(dir.resolve("basket.jar"));

        assertThat(problemsOf(jar)).hasSize(4).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).contains("has no Plugin-Class"),
                p -> assertThat(p).contains("requires plugin API >=2.0.0"),
                p -> assertThat(p).contains("bundles org/pf4j/ (PF4J)"),
                p -> assertThat(p).contains("../evil.class"));
    }

    @Nested
    class ManifestProblems {

        @ParameterizedTest(name = "missing {0}")
        @ValueSource(strings = {"Plugin-Id", "Plugin-Version", "Plugin-Class", "Plugin-Requires"})
        void eachMissingRequiredEntryIsReportedWithTheFix(String entry) {
            Path jar = plugin("basket-size", "1.2.0").without(entry).writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .startsWith("plugin jar basket.jar has no " + entry + " in its manifest: add ");
        }

        @Test
        void allMissingEntriesAreReportedTogether() {
            Path jar = plugin("x", "1").without("Plugin-Id").without("Plugin-Version").without("Plugin-Class")
                    .without("Plugin-Requires").writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).hasSize(4)
                    .anySatisfy(p -> assertThat(p).contains("no Plugin-Id"))
                    .anySatisfy(p -> assertThat(p).contains("no Plugin-Version"))
                    .anySatisfy(p -> assertThat(p).contains("no Plugin-Class"))
                    .anySatisfy(p -> assertThat(p).contains("no Plugin-Requires").contains(PluginApi.VERSION));
        }

        @Test
        void aJarWithoutManifestIsRefusedNamingTheEntriesItNeeds() {
            Path jar = withoutManifest().entry(TestJars.PLUGIN_CLASS_ENTRY).writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .contains("has no manifest (META-INF/MANIFEST.MF)")
                    .contains("Plugin-Id").contains("Plugin-Version").contains("Plugin-Class").contains("Plugin-Requires");
        }

        @ParameterizedTest(name = "Plugin-Id ''{0}''")
        @ValueSource(strings = {"Basket", "basket_size", "9lives", "b", "a-very-long-plugin-id-that-goes-on-and-on-x", "../x"})
        void anIdOutsideTheAllowedPatternIsRefused(String id) {
            Path jar = plugin(id, "1.2.0").writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .contains("Plugin-Id '" + id + "', which is not a valid plugin id").contains("e.g. basket-size");
        }

        @ParameterizedTest(name = "Plugin-Version ''{0}''")
        @ValueSource(strings = {"1.2", "v1.2.0", "latest", "01.2.0"})
        void aVersionThatIsNotSemanticIsRefused(String version) {
            Path jar = plugin("basket-size", version).writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .contains("Plugin-Version '" + version + "', which is not a semantic version").contains("MAJOR.MINOR.PATCH");
        }

        @Test
        void aPluginClassThatIsNotInTheJarIsRefusedNamingTheMissingEntry() {
            Path jar = plugin("basket-size", "1.2.0").manifest("Plugin-Class", "com.acme.basket.Typo")
                    .writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .contains("Plugin-Class com.acme.basket.Typo").contains("no com/acme/basket/Typo.class");
        }

        @Test
        void aRequiresRangeThatCannotBeParsedIsRefused() {
            Path jar = plugin("basket-size", "1.2.0").manifest("Plugin-Requires", "one point oh")
                    .writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .contains("'one point oh', which is not a valid version range").contains(">=" + PluginApi.VERSION + " & <2.0.0");
        }
    }

    @Nested
    class IncompatiblePluginApi {

        @Test
        void aRangeThatExcludesTheHostsApiIsRefusedNamingBothVersions() {
            Path jar = plugin("basket-size", "1.2.0").manifest("Plugin-Requires", ">=2.0.0").writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .isEqualTo("plugin basket-size 1.2.0 requires plugin API >=2.0.0, but this host provides plugin API "
                            + PluginApi.VERSION + ": install a version of the plugin built for plugin API " + PluginApi.VERSION
                            + " (its Plugin-Requires must accept " + PluginApi.VERSION + ", e.g. >=" + PluginApi.VERSION + " & <2.0.0)");
        }

        @Test
        void theCheckIsAgainstTheApiVersionTheInspectorWasGiven() throws Exception {
            Path jar = plugin("basket-size", "1.2.0").manifest("Plugin-Requires", ">=2.0.0").writeTo(dir.resolve("basket.jar"));

            assertThat(new PluginJarInspector("2.1.0", InspectionLimits.DEFAULT).inspect(jar).requires()).isEqualTo(">=2.0.0");
        }
    }

    @Nested
    class BundledHostLibraries {

        @Test
        void aBundledCopyOfPf4jIsRefusedWithTheProvidedScopeFix() {
            Path jar = plugin("basket-size", "1.2.0").entry("org/pf4j/Plugin.class").entry("org/pf4j/Extension.class")
                    .writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).containsExactly("plugin jar basket.jar bundles org/pf4j/ (PF4J): the host provides it;"
                    + " mark the dependency <scope>provided</scope> in the plugin's pom");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "dev/patron/api/PluginContext.class, dev/patron/api/, the Patron plugin API",
            "io/vertx/core/Vertx.class, io/vertx/, Vert.x",
            "io/netty/buffer/ByteBuf.class, io/netty/, Netty",
            "freemarker/template/Template.class, freemarker/, FreeMarker",
            "org/sqlite/JDBC.class, org/sqlite/, SQLite JDBC",
            "org/postgresql/Driver.class, org/postgresql/, PostgreSQL JDBC",
            "org/slf4j/Logger.class, org/slf4j/, SLF4J",
            "META-INF/versions/11/org/slf4j/Logger.class, org/slf4j/, SLF4J"})
        void everyHostProvidedPackageIsRefused(String entry, String prefix, String library) {
            Path jar = plugin("basket-size", "1.2.0").entry(entry).writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .startsWith("plugin jar basket.jar bundles " + prefix + " (" + library + "): the host provides it");
        }

        @Test
        void aNestedJarContainingPf4jIsRefusedNamingTheNestedJar() {
            Path jar = plugin("basket-size", "1.2.0").nestedJar("lib/pf4j.jar", "org/pf4j/PluginManager.class")
                    .writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).containsExactly("plugin jar basket.jar bundles org/pf4j/ (PF4J) in lib/pf4j.jar:"
                    + " the host provides it; mark the dependency <scope>provided</scope> in the plugin's pom");
        }

        @Test
        void aNestedJarIsReadByItsCentralDirectorySoAPrefixCannotHideItsEntries() throws Exception {
            byte[] pf4j = withoutManifest().entry("org/pf4j/PluginManager.class").bytes();
            byte[] prefixed = new byte[pf4j.length + 16];
            System.arraycopy("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.US_ASCII), 0, prefixed, 0, 16);
            System.arraycopy(pf4j, 0, prefixed, 16, pf4j.length);
            Path jar = plugin("basket-size", "1.2.0").entry("lib/pf4j.jar", prefixed).writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString().contains("bundles org/pf4j/ (PF4J) in lib/pf4j.jar");
        }

        @Test
        void aNestedFileThatIsNotAJarIsRefusedBecauseItCannotBeChecked() {
            Path jar = plugin("basket-size", "1.2.0").entry("lib/broken.jar", new byte[] {'P', 'K', 3, 4, 1, 2, 3})
                    .writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .contains("contains lib/broken.jar, which cannot be read as a jar");
        }
    }

    @Nested
    class UnsafeEntryPaths {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"../evil.class", "com/acme/../../../evil.class", "/etc/evil.class", "com\\acme\\evil.class",
            "C:/evil.class"})
        void anEntryThatCouldEscapeTheJarIsRefused(String entry) {
            Path jar = plugin("basket-size", "1.2.0").entry(entry).writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .startsWith("plugin jar basket.jar has an entry with an unsafe path, " + entry + " (")
                    .endsWith("entries must be relative paths inside the jar; rebuild the jar with mvn package instead of by hand");
        }

        @Test
        void manyUnsafeEntriesAreListedUpToTenThenCounted() {
            TestJars.Builder builder = plugin("basket-size", "1.2.0");
            for (int i = 0; i < 12; i++) {
                builder.entry("../evil" + i + ".class");
            }

            assertThat(problemsOf(builder.writeTo(dir.resolve("basket.jar")))).hasSize(11)
                    .last().asString().isEqualTo("plugin jar basket.jar has 2 more entries with unsafe paths");
        }
    }

    @Nested
    class NotAJar {

        @Test
        void aTextFileRenamedToJarIsRefusedAsNotAZip() throws IOException {
            Path jar = Files.writeString(dir.resolve("basket.jar"), "this is not a jar\n");

            assertThat(problemsOf(jar)).singleElement().asString()
                    .startsWith("plugin jar basket.jar is not a jar (zip) file (")
                    .endsWith("pass the .jar built by mvn package (in the plugin's target/ folder)");
        }

        @Test
        void anEmptyFileIsRefusedAsNotAZip() throws IOException {
            Path jar = Files.createFile(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString().contains("is not a jar (zip) file");
        }

        @Test
        void aMissingFileIsRefused() {
            assertThat(problemsOf(dir.resolve("nope.jar"))).singleElement().asString()
                    .startsWith("plugin jar nope.jar does not exist");
        }

        @Test
        void aFolderIsRefused() throws IOException {
            Path folder = Files.createDirectory(dir.resolve("basket.jar"));

            assertThat(problemsOf(folder)).singleElement().asString().contains("is not a file");
        }
    }

    @Nested
    class SizeLimits {

        @Test
        void aJarThatExpandsBeyondTheTotalLimitIsRefused() {
            byte[] random = new byte[4096];
            new Random(1).nextBytes(random);
            Path jar = plugin("basket-size", "1.2.0").entry("data/blob.bin", random).writeTo(dir.resolve("basket.jar"));
            PluginJarInspector small = new PluginJarInspector(PluginApi.VERSION, new InspectionLimits(2000, 100, 100, 1 << 20));

            assertThat(problemsOf(small, jar)).singleElement().asString()
                    .startsWith("plugin jar basket.jar expands to more than 2000 bytes, the limit for a plugin jar");
        }

        @Test
        void theDefaultTotalLimitIsFiftyMebibytes() {
            assertThat(InspectionLimits.DEFAULT.maxUncompressedBytes()).isEqualTo(50L * 1024 * 1024);
        }

        @Test
        void aJarWithTooManyEntriesIsRefused() {
            TestJars.Builder builder = plugin("basket-size", "1.2.0");
            for (int i = 0; i < 10; i++) {
                builder.entry("com/acme/basket/C" + i + ".class");
            }
            PluginJarInspector small = new PluginJarInspector(PluginApi.VERSION, new InspectionLimits(1 << 20, 10, 100, 1 << 20));

            assertThat(problemsOf(small, builder.writeTo(dir.resolve("basket.jar")))).singleElement().asString()
                    .startsWith("plugin jar basket.jar has 12 entries, more than the 10 allowed");
        }

        @Test
        void anEntryThatExpandsLikeAZipBombIsRefused() {
            Path jar = plugin("basket-size", "1.2.0").entry("data/zeros.bin", new byte[2 * 1024 * 1024])
                    .writeTo(dir.resolve("basket.jar"));

            assertThat(problemsOf(jar)).singleElement().asString()
                    .startsWith("plugin jar basket.jar has an entry data/zeros.bin that expands ")
                    .contains("to 2 MiB), more than the 100 allowed: this is how zip bombs look");
        }
    }

    @Nested
    class DescribingInstalledJars {

        @Test
        void readsTheDescriptorWithoutJudgingIt() {
            Path jar = plugin("basket-size", "1.1.0").manifest("Plugin-Requires", ">=0.1.0 & <1.0.0")
                    .entry("org/pf4j/Plugin.class").writeTo(dir.resolve("old.jar"));

            assertThat(inspector.describe(jar)).get().extracting(PluginJarReport::id, PluginJarReport::version)
                    .containsExactly("basket-size", "1.1.0");
        }

        @Test
        void isEmptyForFilesThatAreNotPluginJars() throws IOException {
            assertThat(inspector.describe(Files.writeString(dir.resolve("notes.jar"), "text"))).isEmpty();
            assertThat(inspector.describe(withoutManifest().entry("a.class").writeTo(dir.resolve("lib.jar")))).isEmpty();
        }
    }
}
