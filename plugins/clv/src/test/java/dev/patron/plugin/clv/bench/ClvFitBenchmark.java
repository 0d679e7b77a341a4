package dev.patron.plugin.clv.bench;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.plugin.clv.ClvScorer;
import dev.patron.plugin.clv.support.Cdnow;
import dev.patron.plugin.clv.support.FixedContext;
import dev.patron.plugin.clv.support.ListPopulation;
import dev.patron.plugin.clv.support.Simulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times {@link ClvScorer#fit} (the whole fit: reading the summaries, BG/NBD, Gamma-Gamma and the
 * CLV distribution) on the CDNOW master file and on a synthetic population. Not a unit test: run
 * it by hand or from the benchmark module. The setup methods are public and static so a JMH
 * harness can call them from a {@code @Setup} and time {@link #fit} in a {@code @Benchmark}.
 *
 * <pre>
 * mvn -o -q -pl plugins/clv test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp plugins/clv/target/test-classes:plugins/clv/target/classes:$(cat plugins/clv/target/cp.txt) \
 *     dev.patron.plugin.clv.bench.ClvFitBenchmark [path/to/CDNOW_master.txt] [synthetic customers, default 1000000]
 * </pre>
 */
public final class ClvFitBenchmark {

    private ClvFitBenchmark() {
    }

    /** The CDNOW master file as of its last day, or null when the file is not there. */
    public static Population cdnowMaster(Path path) {
        return path == null ? null : Cdnow.file(path, Cdnow.END);
    }

    /** A synthetic population of {@code customers} BG/NBD/Gamma-Gamma customers who joined over two years. */
    public static Population synthetic(int customers, long seed) {
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        List<CustomerSummary> list = Simulation.TYPICAL.customers(customers, asOf, 730, seed);
        return new ListPopulation(asOf, list);
    }

    /** A scorer with the given settings (e.g. the CDNOW calibration end and weeks). */
    public static ClvScorer scorer(Map<String, String> settings) {
        return new ClvScorer(FixedContext.withSettings(settings));
    }

    /** One fit: what a benchmark times. */
    public static Model fit(ClvScorer scorer, Population population) {
        return scorer.fit(population);
    }

    public static void main(String[] args) {
        Path master = args.length > 0 ? (args[0].equals("-") ? null : Path.of(args[0])) : Cdnow.findMaster();
        int synthetic = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.out.printf(Locale.ROOT, "JVM: %s, %d processors, max heap %d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (master == null) {
            System.out.println("CDNOW master skipped (not given, or not found at ../shared/data/cdnow/CDNOW_master.txt)");
        } else {
            Population population = cdnowMaster(master);
            ClvScorer calibrated = scorer(Map.of("calibrationEnd", Cdnow.CALIBRATION_END.toString(), "fitUnit", "weeks"));
            run("CDNOW master, calibration end 1997-09-30, weeks", calibrated, population, 10, 20);
            run("CDNOW master, all data to 1998-06-30, days", scorer(Map.of("fitUnit", "days")), population, 5, 10);
        }
        if (synthetic > 0) {
            long started = System.nanoTime();
            Population population = synthetic(synthetic, 42);
            System.out.printf(Locale.ROOT, "generated %,d synthetic customers in %d ms%n", population.size(),
                    (System.nanoTime() - started) / 1_000_000);
            run("synthetic " + population.size() + " customers, weeks", scorer(Map.of()), population, 2, 5);
        }
    }

    /** CPU time of the whole JVM process (every thread, GC included), or 0 where the JVM does not report it. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static void run(String name, ClvScorer scorer, Population population, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            fit(scorer, population);
        }
        double[] millis = new double[runs];
        double[] cpu = new double[runs];
        double[] processCpu = new double[runs];
        Model last = null;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long processStarted = processCpuNanos();
            long started = System.nanoTime();
            last = fit(scorer, population);
            millis[i] = (System.nanoTime() - started) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
            processCpu[i] = (processCpuNanos() - processStarted) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        Arrays.sort(processCpu);
        System.out.printf(Locale.ROOT, "%s: %,d customers; fit wall median %.0f ms (min %.0f, max %.0f) over %d runs;"
                        + " CPU median: calling thread %.0f ms, whole process %.0f ms (all threads, GC included)%n", name,
                population.size(), millis[runs / 2], millis[0], millis[runs - 1], runs, cpu[runs / 2],
                processCpu[runs / 2]);
        System.out.printf(Locale.ROOT, "  system load average at the end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  last fit: read %.0f ms, BG/NBD %.0f ms (%.0f evaluations, %.0f triples),"
                        + " Gamma-Gamma %.0f ms (%.0f evaluations), distribution %.0f ms; method %s%n",
                last.number("fit.millis.read"), last.number("fit.millis.bgnbd"), last.number("bgnbd.evaluations"),
                last.number("bgnbd.distinctTriples"), last.number("fit.millis.gammaGamma"), last.number("gg.evaluations"),
                last.number("fit.millis.distribution"), last.text("method"));
        System.out.printf(Locale.ROOT, "  BG/NBD r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.3f; Gamma-Gamma p=%.4f q=%.4f"
                        + " gamma=%.4f LL=%.3f%n", last.number("bgnbd.r"), last.number("bgnbd.alpha"), last.number("bgnbd.a"),
                last.number("bgnbd.b"), last.number("bgnbd.logLikelihood"), last.number("gg.p"), last.number("gg.q"),
                last.number("gg.gamma"), last.number("gg.logLikelihood"));
    }
}
