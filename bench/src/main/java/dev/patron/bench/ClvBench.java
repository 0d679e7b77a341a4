package dev.patron.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Model fitting, with JMH ({@link FitBenchmark}, one fork, single-shot iterations): the CLV
 * plugin's fit (BG/NBD + Gamma-Gamma) on the CDNOW master log and on a large synthetic
 * population, each beside the RFM plugin's fit of the same population in the same run. Until a
 * jar with Plugin-Id clv is in the plugins folder the CLV figures are reported as pending and
 * only the RFM fits run.
 */
final class ClvBench {

    private ClvBench() {
    }

    static void run(Options options, Path work, Results results) throws Exception {
        Path plugins = options.pluginsDir().toAbsolutePath();
        List<String> ids = pluginIds(plugins);
        boolean cdnow = Files.isRegularFile(options.cdnow);
        int synthetic = options.scale.clvCustomers();
        List<String> datasets = new ArrayList<>();
        if (cdnow) {
            datasets.add("cdnow");
        }
        datasets.add("synthetic");
        String heap = options.jmhHeap != null ? options.jmhHeap : synthetic >= 500_000 ? "-Xmx4g" : "-Xmx1g";

        Map<String, Double> rfm = ids.contains("rfm") ? fits(options, plugins, "rfm", datasets, synthetic, heap, work) : Map.of();
        Map<String, Double> clv = Map.of();
        String clvError = null;
        if (ids.contains("clv")) {
            try {
                clv = fits(options, plugins, "clv", datasets, synthetic, heap, work);
            } catch (RunnerException | RuntimeException e) {
                clvError = "the clv fit did not run (" + e.getMessage() + "); see " + work.resolve("jmh-clv.log");
            }
        }
        String iterations = options.scale.jmhWarmups() + " warm-up and " + options.scale.jmhIterations()
                + " measured single-shot iterations " + (options.scale.jmhForks() == 0 ? "in the harness's JVM (no fork)"
                : "in " + options.scale.jmhForks() + " JMH fork(s) per plugin and data set (" + heap + ")") + "; JMH logs: "
                + work.resolve("jmh-*.log") + ".";
        row(results, "clv.cdnow", "CLV fit (BG/NBD + Gamma-Gamma), CDNOW master, calibration to " + Populations.CDNOW_AS_OF,
                cdnow ? null : "no CDNOW file at " + options.cdnow, ids, clv.get("cdnow"), rfm.get("cdnow"), clvError,
                "23,570 customers, orders up to " + Populations.CDNOW_AS_OF + "; " + iterations);
        row(results, "clv.synthetic", "CLV fit (BG/NBD + Gamma-Gamma), " + Stats.count(synthetic) + " synthetic customers",
                null, ids, clv.get("synthetic"), rfm.get("synthetic"), clvError,
                "DemoShop seed " + options.seed + ", summarised in memory; " + iterations);
    }

    private static void row(Results results, String id, String measure, String skipped, List<String> ids, Double clvMs, Double rfmMs,
                            String clvError, String note) {
        String peer = rfmMs == null ? "" : "RFM fit, same population: " + Stats.ms(rfmMs);
        if (skipped != null) {
            results.notMeasured(id, measure, Results.Status.SKIPPED, skipped, peer, null);
        } else if (!ids.contains("clv")) {
            results.notMeasured(id, measure, Results.Status.PENDING, "clv plugin", peer,
                    "no jar with Plugin-Id clv in the plugins folder; the RFM fit ran alone. " + note);
        } else if (clvMs == null) {
            results.notMeasured(id, measure, Results.Status.FAILED, clvError == null ? "no result" : clvError, peer, note);
        } else if (rfmMs == null) {
            results.notMeasured(id, measure, Results.Status.SKIPPED, "no rfm plugin to compare with: clv fit " + Stats.ms(clvMs),
                    "", note);
        } else {
            results.measured(id, measure, Stats.ms(clvMs), peer, clvMs / rfmMs, "", null, note);
        }
    }

    /** Milliseconds per fit of {@code plugin}'s scorers, by dataset. */
    private static Map<String, Double> fits(Options options, Path plugins, String plugin, List<String> datasets, int synthetic,
                                            String heap, Path work) throws RunnerException {
        Path log = work.resolve("jmh-" + plugin + ".log");
        System.out.println("clv: JMH fits of " + plugin + " on " + datasets + " (log: " + log + ")");
        Map<String, String> properties = Map.of(
                "patron.bench.plugins", plugins.toString(),
                "patron.bench.cdnow", options.cdnow.toAbsolutePath().toString(),
                "patron.bench.synthetic", Integer.toString(synthetic),
                "patron.bench.seed", Long.toString(options.seed));
        List<String> jvmArgs = new ArrayList<>(List.of(heap, "-Dfile.encoding=UTF-8", "-DPATRON_LOG_LEVEL=WARN"));
        properties.forEach((k, v) -> jvmArgs.add("-D" + k + "=" + v));
        int forks = options.scale.jmhForks();
        if (forks == 0) {
            properties.forEach(System::setProperty); // the fits run in this JVM
        }
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .include(FitBenchmark.class.getName() + ".fit")
                .param("plugin", plugin)
                .param("dataset", datasets.toArray(String[]::new))
                .forks(forks)
                .warmupIterations(options.scale.jmhWarmups())
                .measurementIterations(options.scale.jmhIterations())
                .timeout(TimeValue.minutes(10))
                .shouldFailOnError(true)
                .output(log.toAbsolutePath().toString())
                .jvmArgs(jvmArgs.toArray(String[]::new));
        Collection<RunResult> runs = new Runner(jmh.build()).run();
        Map<String, Double> byDataset = new HashMap<>();
        for (RunResult run : runs) {
            byDataset.put(run.getParams().getParam("dataset"), run.getPrimaryResult().getScore());
        }
        return byDataset;
    }

    /** The Plugin-Id of every jar in {@code dir}. */
    static List<String> pluginIds(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    String id = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Plugin-Id");
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }
}
