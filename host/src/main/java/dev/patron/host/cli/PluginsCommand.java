package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.plugins.PluginInfo;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code patron plugins ...}: inspect the installed plugins. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Manage plugins.",
        subcommands = {PluginsCommand.ListCommand.class})
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
}
