package dev.patron.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up to ready: spawns {@code bin/patron serve --port 0 --db <tmp>} (every plugin of the
 * distribution) and times it from process start to its "Patron is ready" line; then reads the
 * peak resident set (VmHWM) and the heap in use. Peers, spawned the same way: a bare Vert.x
 * hello server ({@link BareHello}) and {@code java -version}.
 */
final class StartupBench {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");
    private static final long READY_TIMEOUT_SECONDS = 120;

    private StartupBench() {
    }

    /** One start: seconds to ready, peak RSS and heap used in bytes (-1 when unknown). */
    record Start(double seconds, long peakRss, long heapUsed) {
    }

    static void run(Options options, Path work, Results results) throws Exception {
        Path home = Files.createDirectories(work.resolve("startup-home"));
        Path db = home.resolve("data").resolve("startup.db");
        Files.createDirectories(db.getParent());
        List<String> patronCommand;
        Map<String, String> env = new java.util.HashMap<>();
        String launcher;
        if (options.launcher.equals("dist")) {
            Path bin = options.dist.resolve("bin").resolve("patron").toAbsolutePath();
            if (!Files.isExecutable(bin)) {
                for (String id : Results.ROWS.get("startup")) {
                    results.notMeasured(id, "start-up", Results.Status.SKIPPED, "no distribution at " + options.dist
                            + "; build it (mvn -B package -DskipTests) or pass --launcher classpath", null, null);
                }
                return;
            }
            patronCommand = List.of(bin.toString(), "serve", "--port", "0", "--db", "jdbc:sqlite:" + db.toAbsolutePath());
            launcher = "bin/patron of " + options.dist + " (plugins: " + jarNames(options.dist.resolve("plugins")) + ")";
        } else {
            patronCommand = List.of(java(), "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                    "dev.patron.host.cli.PatronCli", "serve", "--home", home.toAbsolutePath().toString(), "--port", "0",
                    "--db", "jdbc:sqlite:" + db.toAbsolutePath());
            env.put("PATRON_PLUGINS_DIR", options.pluginsDir().toAbsolutePath().toString());
            launcher = "java -cp <bench classpath> dev.patron.host.cli.PatronCli (plugins: " + jarNames(options.pluginsDir()) + ")";
        }
        List<String> helloCommand = List.of(java(), "-cp", System.getProperty("java.class.path"), BareHello.class.getName());
        List<String> versionCommand = List.of(java(), "-version");

        int n = options.scale.startups();
        // The first start creates and migrates the database; with a single start (tiny scale) that one is timed.
        Start first = n == 1 ? null : start(patronCommand, env, "Patron is ready", work.resolve("startup-patron-first.log"));
        List<Start> patron = new ArrayList<>();
        List<Start> hello = new ArrayList<>();
        List<Double> version = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            patron.add(start(patronCommand, env, "Patron is ready", work.resolve("startup-patron-" + i + ".log")));
            hello.add(start(helloCommand, Map.of(), "ready on port", work.resolve("startup-hello-" + i + ".log")));
            version.add(exitTime(versionCommand));
        }
        double patronSeconds = Stats.median(patron.stream().map(Start::seconds).toList());
        double helloSeconds = Stats.median(hello.stream().map(Start::seconds).toList());
        double versionSeconds = Stats.median(version);
        String runs = n == 1 ? "one start" : "median of " + n + " starts";
        results.measured("startup.ready", "start-up to ready, all plugins", Stats.duration(patronSeconds),
                "bare Vert.x hello server: " + Stats.duration(helloSeconds) + " (java -version: " + Stats.duration(versionSeconds) + ")",
                patronSeconds / helloSeconds, "≤ 1.5 s", patronSeconds <= 1.5,
                runs + " of " + launcher + (first == null ? " on a new database (so including its migrations)"
                        : " on an empty, already migrated database; the very first start (creating and migrating the database) took "
                        + Stats.duration(first.seconds())) + ". Timed from process start to the ready line on stdout; default JVM"
                        + " options; each peer timed the same way.");
        double patronRss = Stats.median(patron.stream().map(s -> (double) s.peakRss()).toList());
        double helloRss = Stats.median(hello.stream().map(s -> (double) s.peakRss()).toList());
        if (patronRss > 0 && helloRss > 0) {
            results.measured("startup.rss", "peak RSS at ready (VmHWM)", Stats.mb(patronRss), "bare Vert.x hello server: "
                    + Stats.mb(helloRss), patronRss / helloRss, "", null, "from /proc/<pid>/status right after the ready line.");
        } else {
            results.notMeasured("startup.rss", "peak RSS at ready (VmHWM)", Results.Status.SKIPPED, "/proc/<pid>/status is not readable",
                    null, null);
        }
        double patronHeap = Stats.median(patron.stream().map(s -> (double) s.heapUsed()).toList());
        double helloHeap = Stats.median(hello.stream().map(s -> (double) s.heapUsed()).toList());
        if (patronHeap > 0 && helloHeap > 0) {
            results.measured("startup.heap", "heap in use at ready", Stats.mb(patronHeap), "bare Vert.x hello server: "
                    + Stats.mb(helloHeap), patronHeap / helloHeap, "", null, "jcmd <pid> GC.heap_info right after the ready line"
                    + " (no GC forced).");
        } else {
            results.notMeasured("startup.heap", "heap in use at ready", Results.Status.SKIPPED, "jcmd is not available",
                    null, null);
        }
    }

    /** Starts {@code command}, waits for a stdout line containing {@code ready}, measures, then stops it. */
    static Start start(List<String> command, Map<String, String> env, String ready, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PATRON_") || k.equals("JAVA_OPTS") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            // Read on a thread of our own: the common pool has a single thread on 2 cores, and a
            // blocked task elsewhere would leave the ready line unread.
            CompletableFuture<Long> readyAt = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (!readyAt.isDone() && line.contains(ready)) {
                            readyAt.complete(System.nanoTime());
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                } finally {
                    readyAt.complete(-1L);
                }
            }, "bench-startup-reader");
            reader.setDaemon(true);
            reader.start();
            long at;
            try {
                at = readyAt.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                at = -1;
            }
            if (at < 0) {
                throw new IOException(String.join(" ", command) + " never printed '" + ready + "'; its log " + log + " ends with:\n"
                        + tail(log));
            }
            long rss = peakRss(process.pid());
            long heap = heapUsed(process.pid());
            return new Start(Stats.seconds(at - begin), rss, heap);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static double exitTime(List<String> command) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " did not finish");
        }
        return Stats.seconds(System.nanoTime() - begin);
    }

    static long peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return -1;
    }

    static long heapUsed(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(2)) * 1024 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jarNames(Path dir) {
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
            return names.isEmpty() ? "none" : String.join(", ", names);
        } catch (IOException e) {
            return "none";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
