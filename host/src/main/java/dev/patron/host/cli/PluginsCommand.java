package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.plugins.PluginInfo;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code patron plugins ...}: inspect the installed plugins. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Manage plugins.",
        subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.EnableCommand.class, PluginsCommand.DisableCommand.class,
            PluginInstallCommand.class})
final class PluginsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List installed plugins with version and state.")
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        HostOptions host = new HostOptions();

        @Override
        public Integer call() {
            try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
                System.out.printf("%-24s %-12s %-10s %s%n", "ID", "VERSION", "STATE", "DETAILS");
                for (PluginInfo p : patron.plugins().list()) {
                    System.out.printf("%-24s %-12s %-10s %s%n", p.id(), p.version() == null ? "-" : p.version(), p.state(),
                            p.error() != null ? p.error() : p.description() == null ? "" : p.description());
                }
            }
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Enable a plugin; a running server starts it within seconds.")
    static final class EnableCommand implements Callable<Integer> {

        @Mixin
        HostOptions host = new HostOptions();

        @Parameters(index = "0", paramLabel = "ID", description = "The plugin id, as in 'plugins list'.")
        String id;

        @Override
        public Integer call() {
            return change(host, id, true);
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a plugin; a running server stops it within seconds. The choice survives restarts.")
    static final class DisableCommand implements Callable<Integer> {

        @Mixin
        HostOptions host = new HostOptions();

        @Parameters(index = "0", paramLabel = "ID", description = "The plugin id, as in 'plugins list'.")
        String id;

        @Override
        public Integer call() {
            return change(host, id, false);
        }
    }

    private static int change(HostOptions host, String id, boolean enable) {
        try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
            if (patron.plugins().info(id).isEmpty()) {
                System.err.println("patron: no plugin " + id + " is installed; see 'patron plugins list'");
                return 2;
            }
            PluginInfo info = enable ? patron.plugins().enable(id, "cli") : patron.plugins().disable(id, "cli");
            System.out.printf("plugin %s %s (%s)%s%n", id, enable ? "enabled" : "disabled", info.state(),
                    info.error() == null ? "" : ": " + info.error());
            return enable && !"STARTED".equals(info.state()) ? 1 : 0;
        }
    }
}
