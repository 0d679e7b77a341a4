package dev.patron.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Facts about the machine a run happened on, so a reader can tell whether two runs compare. */
final class Machine {

    private Machine() {
    }

    static void describe(Results results) {
        results.fact("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.fact("cores", Runtime.getRuntime().availableProcessors() + " (" + cpuModel() + ")");
        results.fact("memory", memory());
        results.fact("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        results.fact("harness heap", Stats.mb(Runtime.getRuntime().maxMemory()) + " max");
        results.fact("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        results.fact("load average at start", loadAverage());
        String commit = git("rev-parse", "--short", "HEAD");
        if (commit != null) {
            String dirty = git("status", "--porcelain", "--untracked-files=no");
            results.fact("commit", commit + (dirty != null && !dirty.isBlank() ? " with uncommitted changes" : ""));
        }
    }

    /** The 1, 5 and 15 minute load averages (Linux); how busy the machine was. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // below
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // below
        }
        return "unknown";
    }

    private static String git(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
