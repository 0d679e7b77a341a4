package dev.patron.host.plugins.install;

import static dev.patron.host.plugins.install.TestJars.plugin;
import static dev.patron.host.plugins.install.TestJars.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginInstallerTest {

    @TempDir
    Path dir;

    private final PluginInstaller installer = new PluginInstaller();

    private Path plugins() {
        return dir.resolve("home/plugins");
    }

    private Path candidate(String version) {
        return plugin("basket-size", version).writeTo(dir.resolve("build/basket-size-" + version + "-SNAPSHOT.jar"));
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aValidJarIsCopiedIntoThePluginsFolderAsIdDashVersion() throws Exception {
        Path jar = candidate("1.2.0");

        InstallResult result = installer.install(jar, plugins());

        assertThat(result).isEqualTo(new InstallResult("basket-size", "1.2.0", null, plugins().resolve("basket-size-1.2.0.jar")));
        assertThat(result.upgraded()).isFalse();
        assertThat(fileNames(plugins())).containsExactly("basket-size-1.2.0.jar");
        assertThat(Files.readAllBytes(result.installedPath())).isEqualTo(Files.readAllBytes(jar));
        assertThat(jar).exists();
    }

    @Test
    void aMissingPluginsFolderIsCreated() throws Exception {
        assertThat(plugins()).doesNotExist();

        installer.install(candidate("1.2.0"), plugins());

        assertThat(plugins().resolve("basket-size-1.2.0.jar")).isRegularFile();
    }

    @Test
    void aHigherVersionReplacesTheOldJar() throws Exception {
        installer.install(candidate("1.1.0"), plugins());

        InstallResult result = installer.install(candidate("1.2.0"), plugins());

        assertThat(result.previousVersion()).isEqualTo("1.1.0");
        assertThat(result.upgraded()).isTrue();
        assertThat(fileNames(plugins())).containsExactly("basket-size-1.2.0.jar");
    }

    @Test
    void anUpgradeFindsTheOldVersionByItsManifestNotItsFileName() throws Exception {
        plugin("basket-size", "1.1.0").writeTo(plugins().resolve("basket.jar"));
        plugin("rfm", "1.0.0").writeTo(plugins().resolve("rfm.jar"));
        Files.writeString(plugins().resolve("README.txt"), "notes");

        InstallResult result = installer.install(candidate("1.2.0"), plugins());

        assertThat(result.previousVersion()).isEqualTo("1.1.0");
        assertThat(fileNames(plugins())).containsExactly("README.txt", "basket-size-1.2.0.jar", "rfm.jar");
    }

    @Test
    void anUpgradeOverAnOldJarThatAlreadyHasTheNewName() throws Exception {
        plugin("basket-size", "1.1.0").writeTo(plugins().resolve("basket-size-1.2.0.jar"));

        InstallResult result = installer.install(candidate("1.2.0"), plugins());

        assertThat(result.previousVersion()).isEqualTo("1.1.0");
        assertThat(fileNames(plugins())).containsExactly("basket-size-1.2.0.jar");
        assertThat(new PluginJarInspector().describe(result.installedPath())).get()
                .extracting(PluginJarReport::version).isEqualTo("1.2.0");
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        installer.install(candidate("1.1.0"), plugins());
        installer.install(candidate("1.2.0"), plugins());

        assertThat(fileNames(plugins())).allSatisfy(name -> assertThat(name).doesNotStartWith(".").endsWith(".jar"));
    }

    @Nested
    class Refusals {

        private List<String> refusal(Path jar) {
            PluginRejectedException e = catchThrowableOfType(PluginRejectedException.class, () -> installer.install(jar, plugins()));
            assertThat(e).as("expected the install to be refused").isNotNull();
            assertThat(e.jar()).isEqualTo(jar);
            return e.problems();
        }

        @Test
        void theSameVersionAgainIsRefused() throws Exception {
            installer.install(candidate("1.2.0"), plugins());

            assertThat(refusal(candidate("1.2.0"))).singleElement().asString()
                    .isEqualTo("plugin basket-size 1.2.0 is already installed (" + plugins().resolve("basket-size-1.2.0.jar")
                            + "): nothing to do; to reinstall it, remove that file first");
        }

        @Test
        void aLowerVersionIsRefused() throws Exception {
            installer.install(candidate("1.2.0"), plugins());

            assertThat(refusal(candidate("1.1.0"))).singleElement().asString()
                    .startsWith("plugin basket-size 1.2.0 is already installed (")
                    .endsWith("which is newer than 1.1.0: downgrades are refused; to go back, remove that file first");
        }

        @Test
        void aRefusedInstallLeavesThePluginsFolderByteForByteUnchanged() throws Exception {
            installer.install(candidate("1.1.0"), plugins());
            plugin("rfm", "1.0.0").writeTo(plugins().resolve("rfm-1.0.0.jar"));
            Files.writeString(plugins().resolve("README.txt"), "notes");
            Map<String, String> before = snapshot(plugins());
            Path bad = plugin("basket-size", "1.3.0").entry("org/pf4j/Plugin.class").writeTo(dir.resolve("bad.jar"));

            refusal(bad);

            assertThat(snapshot(plugins())).isEqualTo(before);
        }

        @Test
        void aRefusedInstallDoesNotCreateAMissingPluginsFolder() {
            refusal(plugin("basket-size", "1.2.0").manifest("Plugin-Requires", ">=2.0.0").writeTo(dir.resolve("bad.jar")));

            assertThat(plugins()).doesNotExist();
        }

        @Test
        void theJarsOwnProblemsAndTheVersionConflictAreListedTogether() throws Exception {
            installer.install(candidate("1.2.0"), plugins());
            Path jar = plugin("basket-size", "1.2.0").entry("io/netty/Channel.class").writeTo(dir.resolve("again.jar"));

            assertThat(refusal(jar)).hasSize(2)
                    .anySatisfy(p -> assertThat(p).contains("bundles io/netty/ (Netty)"))
                    .anySatisfy(p -> assertThat(p).contains("is already installed"));
        }

        @Test
        void aJarAlreadyInsideThePluginsFolderIsRefused() {
            Path jar = plugin("basket-size", "1.2.0").writeTo(plugins().resolve("basket.jar"));

            assertThat(refusal(jar)).singleElement().asString().contains("is already inside the plugins folder");
        }

        @Test
        void aForeignFileWithTheTargetNameIsNotOverwritten() throws Exception {
            Files.createDirectories(plugins());
            Files.writeString(plugins().resolve("basket-size-1.2.0.jar"), "not a plugin");

            assertThat(refusal(candidate("1.2.0"))).singleElement().asString()
                    .isEqualTo("the plugins folder already has a file basket-size-1.2.0.jar that is not plugin basket-size:"
                            + " move it out of the folder, then install again");
            assertThat(Files.readString(plugins().resolve("basket-size-1.2.0.jar"))).isEqualTo("not a plugin");
        }
    }
}
