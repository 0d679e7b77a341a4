package dev.patron.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to its end under a deadline, its output collected in files (so a chatty
 * program never blocks on a full pipe). A program that overruns is killed with everything it
 * started, and the test fails with what it printed so far: a broken command never hangs a build.
 */
final class Command {

    /** How a run ended. */
    record Result(int exitCode, String stdout, String stderr) {

        /** Both streams, for assertion messages. */
        String output() {
            return stdout + (stderr.isEmpty() ? "" : "\n[stderr]\n" + stderr);
        }
    }

    private Command() {
    }

    /** Runs {@code command} in {@code workDir} with {@code env} added to this process's environment. */
    static Result run(Duration limit, Path workDir, Map<String, String> env, List<String> command) throws IOException {
        Path out = Files.createTempFile(workDir, "stdout-", ".txt");
        Path err = Files.createTempFile(workDir, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not end within " + limit.toSeconds() + " s and was killed; it"
                        + " printed:\n" + read(out) + "\n[stderr]\n" + read(err));
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
        return new Result(process.exitValue(), read(out), read(err));
    }

    /** Runs {@code bin/patron} of the packaged distribution with {@code args}. */
    static Result patron(Path workDir, String... args) throws IOException {
        return patron(workDir, Map.of(), args);
    }

    /** Runs {@code bin/patron} with {@code args} and {@code env} added to its environment (e.g. {@code PATRON_PLUGINS_DIR}). */
    static Result patron(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(PatronUnderTest.DIST.resolve("bin/patron").toAbsolutePath().toString());
        command.addAll(List.of(args));
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.putIfAbsent("PATRON_LOG_LEVEL", "WARN");
        return run(Duration.ofMinutes(3), workDir, environment, command);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
