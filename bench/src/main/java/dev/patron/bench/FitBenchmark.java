package dev.patron.bench;

import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.api.scoring.Scorer;
import dev.patron.host.Patron;
import dev.patron.host.plugins.PluginExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: one {@code fit} of every scorer of a plugin on a whole population, the plugin loaded by
 * Patron's own plugin host from a plugins folder exactly as a shop runs it (so nothing about the
 * plugin is compiled in: the CLV plugin is measured as soon as its jar is in the folder).
 *
 * <p>System properties (set by {@link ClvBench} on the forks): {@code patron.bench.plugins} the
 * plugins folder, {@code patron.bench.cdnow} CDNOW_master.txt, {@code patron.bench.synthetic}
 * the synthetic population's size, {@code patron.bench.seed} its seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FitBenchmark {

    /** Plugin id whose scorers are fitted. */
    @Param({"rfm"})
    public String plugin;

    /** cdnow or synthetic. */
    @Param({"cdnow"})
    public String dataset;

    private Path home;
    private Patron patron;
    private List<PluginExtension<Scorer>> scorers;
    private Population population;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path plugins = Path.of(required("patron.bench.plugins"));
        population = switch (dataset) {
            case "cdnow" -> Populations.cdnow(Path.of(required("patron.bench.cdnow")));
            case "synthetic" -> Populations.synthetic(Integer.parseInt(required("patron.bench.synthetic")),
                    Long.parseLong(System.getProperty("patron.bench.seed", "42")));
            default -> throw new IllegalArgumentException("unknown dataset " + dataset + "; use cdnow or synthetic");
        };
        home = Files.createTempDirectory("patron-bench-fit");
        patron = Patron.open(Dataset.config(home, home.resolve("fit.db"), plugins), Clock.systemUTC());
        scorers = patron.plugins().extensions(Scorer.class).stream().filter(s -> s.pluginId().equals(plugin)).toList();
        if (scorers.isEmpty()) {
            throw new IllegalStateException("plugin '" + plugin + "' has no started scorer among the jars in " + plugins
                    + ": " + patron.plugins().list());
        }
    }

    @Benchmark
    public Model fit() {
        Model last = null;
        for (PluginExtension<Scorer> scorer : scorers) {
            last = scorer.call(s -> s.fit(population));
        }
        return last;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (patron != null) {
            patron.close();
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run through scripts/bench");
        }
        return value;
    }
}
