package dev.patron.host.cli;

import dev.patron.host.config.PatronConfig;
import dev.patron.host.plugins.install.InstallResult;
import dev.patron.host.plugins.install.PluginInstaller;
import dev.patron.host.plugins.install.PluginRejectedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code patron plugins install FILE}: check a plugin jar and copy it into the plugins folder,
 * replacing an older version of the same plugin. Reads only the configuration (for the plugins
 * folder), never the database, so it works while {@code patron serve} is stopped or running; the
 * plugin is loaded at the next start.
 *
 * <p>Exit codes: 0 installed, 2 refused (every problem printed, one per line), 1 I/O failure.
 * Public so that tests outside this package can drive it.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Check a plugin jar and install it into the plugins folder (loaded at the next start).")
public final class PluginInstallCommand implements Callable<Integer> {

    @Mixin
    HostOptions host = new HostOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "The plugin jar to install.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PatronConfig config = host.load(Map.of());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            InstallResult result = new PluginInstaller().install(file, config.pluginsDir());
            out.println("installed plugin " + result.id() + " " + result.version()
                    + (result.upgraded() ? " (upgraded from " + result.previousVersion() + ")" : "")
                    + " into " + config.pluginsDir() + "; a running patron serve starts it within seconds");
            out.flush();
            return 0;
        } catch (PluginRejectedException e) {
            err.println("patron: cannot install " + file + ":");
            for (String problem : e.problems()) {
                err.println("  " + problem);
            }
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("patron: cannot install " + file + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
