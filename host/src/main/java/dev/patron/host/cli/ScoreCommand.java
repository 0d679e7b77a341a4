package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.config.PatronConfig;
import dev.patron.host.scoring.RunRequest;
import dev.patron.host.scoring.RunStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patron score}: a full scoring run with a progress bar. */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Run a full scoring run over every customer.")
final class ScoreCommand implements Callable<Integer> {

    @Mixin
    HostOptions host = new HostOptions();

    @Option(names = "--as-of", description = "Score as of this date (YYYY-MM-DD, shop time zone; default today).")
    LocalDate asOf;

    @Option(names = "--plugin", description = "Only this plugin (repeatable; default all).")
    List<String> plugins = List.of();

    @Override
    public Integer call() {
        PatronConfig config = host.load(Map.of());
        try (Patron patron = Patron.open(config, Clock.systemUTC())) {
            return run(patron, asOf == null ? patron.engine().today() : asOf, plugins, "cli");
        }
    }

    /** Runs scoring with a progress bar and prints the outcome; returns the exit code. */
    static int run(Patron patron, LocalDate asOf, List<String> plugins, String trigger) {
        RunStatus run;
        try (ConsoleProgress progress = new ConsoleProgress(System.err)) {
            run = patron.engine().run(new RunRequest(asOf, plugins, trigger), progress);
        }
        System.out.printf("scoring run %s %s: %d customers as of %s in %.1f s%n", run.id(), run.status(),
                run.customers() == null ? 0 : run.customers(), run.asOf(), (run.durationMs() == null ? 0 : run.durationMs()) / 1000.0);
        run.pluginErrors().forEach((plugin, error) -> System.out.printf("  plugin %s: %s%n", plugin, error));
        if (run.error() != null) {
            System.out.println("  error: " + run.error());
        }
        return "succeeded".equals(run.status()) && run.pluginErrors().isEmpty() ? 0 : 1;
    }
}
