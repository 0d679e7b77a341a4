package dev.patron.host.cli;

import dev.patron.host.config.ConfigException;
import dev.patron.host.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/patron}: the command-line entry point. */
@Command(name = "patron", mixinStandardHelpOptions = true, versionProvider = PatronCli.Version.class,
        description = "Patron, a customer-value engine for shops.",
        subcommands = {ServeCommand.class, ScoreCommand.class, DemoDataCommand.class, PluginsCommand.class, UsersCommand.class,
            TokensCommand.class, ExportCommand.class, BackupCommand.class,
            ImportCommand.class,
            CommandLine.HelpCommand.class})
public final class PatronCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new PatronCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof StoreException || e instanceof IllegalStateException
                    || e instanceof IllegalArgumentException || e instanceof dev.patron.host.shop.InvalidInputException
                    || e instanceof dev.patron.host.shop.NotFoundException || e instanceof dev.patron.host.plugins.PluginCalls.PluginCallException) {
                if (e instanceof dev.patron.host.shop.InvalidInputException invalid) {
                    invalid.errors().forEach(error -> commandLine.getErr().println("patron: " + error.field() + " " + error.message()));
                } else {
                    commandLine.getErr().println("patron: " + e.getMessage());
                }
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** The version from the host jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PatronCli.class.getPackage().getImplementationVersion();
            return new String[] {"patron " + (version == null ? "development build" : version)
                    + " (plugin API " + dev.patron.api.PluginApi.VERSION + ")"};
        }
    }
}
