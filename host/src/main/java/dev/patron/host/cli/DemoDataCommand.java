package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.demo.DemoLoader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patron demo-data}: fill an empty database with a deterministic synthetic shop, then score it. */
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = "Create a deterministic synthetic shop in an empty database and score it.")
final class DemoDataCommand implements Callable<Integer> {

    static final int DEFAULT_CUSTOMERS = 5_000;
    static final long DEFAULT_SEED = 42;

    @Mixin
    HostOptions host = new HostOptions();

    @Option(names = "--customers", description = "Number of customers (default ${DEFAULT-VALUE}).", defaultValue = "5000")
    int customers;

    @Option(names = "--seed", description = "Random seed; the same seed, size and end date give the same shop (default ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Option(names = "--end-date", description = "Last day of the shop's two years of orders (default today).")
    LocalDate endDate;

    @Option(names = "--no-score", description = "Do not run scoring afterwards.")
    boolean noScore;

    @Override
    public Integer call() {
        if (customers < 1 || customers > 10_000_000) {
            throw new IllegalStateException("--customers must be from 1 to 10000000, not " + customers);
        }
        try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
            load(patron, customers, seed, endDate == null ? patron.engine().today() : endDate);
            return noScore ? 0 : ScoreCommand.run(patron, patron.engine().today(), List.of(), "demo");
        }
    }

    static void load(Patron patron, int customers, long seed, LocalDate endDate) {
        long started = System.nanoTime();
        DemoLoader.Totals totals;
        try (ConsoleProgress progress = new ConsoleProgress(System.err)) {
            progress.phase("generating", customers);
            totals = new DemoLoader(patron.store(), patron.writes()).load(customers, seed, endDate, patron.config().zone(),
                    patron.config().currency(), progress::advanced);
        }
        System.out.printf("demo shop: %d customers, %d orders, %d refunds up to %s in %.1f s%n", totals.customers(),
                totals.orders(), totals.refunds(), endDate, (System.nanoTime() - started) / 1e9);
    }
}
