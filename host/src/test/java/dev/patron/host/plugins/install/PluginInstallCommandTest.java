package dev.patron.host.plugins.install;

import static dev.patron.host.plugins.install.TestJars.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.cli.PluginInstallCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code patron plugins install FILE}, driven directly (it needs a config, never a database). */
class PluginInstallCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new PluginInstallCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path plugins() {
        return home.toAbsolutePath().resolve("plugins").normalize();
    }

    @Test
    void installsIntoTheConfiguredPluginsFolderAndSaysToRestart() {
        Path jar = plugin("basket-size", "1.2.0").writeTo(home.resolve("basket.jar"));

        int exit = run("--home", home.toString(), jar.toString());

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).isEqualTo("installed plugin basket-size 1.2.0 into " + plugins()
                + "; a running patron serve starts it within seconds");
        assertThat(plugins().resolve("basket-size-1.2.0.jar")).isRegularFile();
    }

    @Test
    void anUpgradeNamesThePreviousVersion() {
        run("--home", home.toString(), plugin("basket-size", "1.1.0").writeTo(home.resolve("old.jar")).toString());
        out.getBuffer().setLength(0);

        int exit = run("--home", home.toString(), plugin("basket-size", "1.2.0").writeTo(home.resolve("new.jar")).toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("installed plugin basket-size 1.2.0 (upgraded from 1.1.0) into " + plugins());
    }

    @Nested
    class WhenRefused {

        @Test
        void printsEveryProblemOnItsOwnLineAndExitsWithTwo() {
            Path jar = plugin("basket-size", "1.2.0").manifest("Plugin-Requires", ">=2.0.0").entry("org/pf4j/Plugin.class")
                    .writeTo(home.resolve("basket.jar"));

            int exit = run("--home", home.toString(), jar.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().lines().toList()).hasSize(3)
                    .first().isEqualTo("patron: cannot install " + jar + ":");
            assertThat(err.toString()).contains("requires plugin API >=2.0.0").contains("bundles org/pf4j/ (PF4J)");
            assertThat(out.toString()).isEmpty();
            assertThat(plugins()).doesNotExist();
        }
    }
}
