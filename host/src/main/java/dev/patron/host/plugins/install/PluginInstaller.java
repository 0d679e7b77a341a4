package dev.patron.host.plugins.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Puts a checked plugin jar into the plugins folder as {@code <id>-<version>.jar}, replacing an
 * older version of the same plugin. PF4J refuses to load two jars with one id, so an upgrade must
 * remove the old jar, and a downgrade or reinstall of the same version is refused rather than guessed at.
 *
 * <p>Contract: every check (the jar's own, see {@link PluginJarInspector}, and the installed
 * versions) runs before anything is written, and all problems are reported together in one
 * {@link PluginRejectedException}; a refused install leaves the plugins folder exactly as it was.
 * The jar is copied to a hidden temporary file in the plugins folder (PF4J ignores it: it does not
 * end in {@code .jar}), checked again there so the installed bytes are the checked bytes, then moved
 * into place atomically: a running or crashing {@code patron serve} never sees half a jar.
 *
 * <p>Only {@code *.jar} files in the plugins folder are considered installed plugins. The installer
 * assumes it is the only one writing to the folder at a time; the host loads the new jar at its next start.
 */
public final class PluginInstaller {

    private final PluginJarInspector inspector;

    public PluginInstaller() {
        this(new PluginJarInspector());
    }

    public PluginInstaller(PluginJarInspector inspector) {
        this.inspector = inspector;
    }

    /**
     * Installs {@code candidateJar} into {@code pluginsDir}, creating the folder if needed.
     *
     * @throws PluginRejectedException listing every reason the jar cannot be installed; nothing was changed
     * @throws IOException             when copying or replacing failed; the plugins folder is left as it was
     *                                 where possible, and the message says what to clean up otherwise
     */
    public InstallResult install(Path candidateJar, Path pluginsDir) throws PluginRejectedException, IOException {
        PluginJarInspector.Inspection inspection = inspector.examine(candidateJar);
        List<String> problems = new ArrayList<>(inspection.problems());
        PluginJarReport report = inspection.report();
        List<Installed> previous = List.of();
        Path target = null;
        if (isInside(candidateJar, pluginsDir)) {
            problems.add("plugin jar " + candidateJar.getFileName() + " is already inside the plugins folder " + pluginsDir
                    + ", where patron serve would load it as it is: move it out of that folder and install it from there");
        } else if (report != null && ManifestDescriptor.isValidId(report.id()) && inspector.isSemanticVersion(report.version())) {
            previous = installed(report.id(), pluginsDir);
            target = pluginsDir.resolve(report.id() + "-" + report.version() + ".jar");
            problems.addAll(conflicts(report, previous, target));
        }
        if (!problems.isEmpty()) {
            throw new PluginRejectedException(candidateJar, problems);
        }
        copyIntoPlace(candidateJar, report, target);
        removePrevious(previous, target);
        String previousVersion = previous.stream().map(p -> p.report().version())
                .max(inspector::compareVersions).orElse(null);
        return new InstallResult(report.id(), report.version(), previousVersion, target);
    }

    /** An installed jar and its descriptor. */
    private record Installed(Path jar, PluginJarReport report) {
    }

    /** The jars in {@code pluginsDir} whose manifest says they are plugin {@code id}. */
    private List<Installed> installed(String id, Path pluginsDir) throws IOException {
        if (!Files.isDirectory(pluginsDir)) {
            return List.of();
        }
        List<Installed> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(pluginsDir)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
                    inspector.describe(file).filter(d -> id.equals(d.id())).ifPresent(d -> result.add(new Installed(file, d)));
                }
            }
        }
        return result;
    }

    private List<String> conflicts(PluginJarReport candidate, List<Installed> previous, Path target) {
        List<String> problems = new ArrayList<>();
        String plugin = "plugin " + candidate.id();
        for (Installed old : previous) {
            String oldVersion = old.report().version();
            if (!inspector.isSemanticVersion(oldVersion)) {
                problems.add(plugin + " is already installed as " + old.jar() + " with version '" + oldVersion
                        + "', which is not a semantic version and cannot be compared: remove that file, then install again");
                continue;
            }
            int order = inspector.compareVersions(candidate.version(), oldVersion);
            if (order == 0) {
                problems.add(plugin + " " + oldVersion + " is already installed (" + old.jar() + "): nothing to do;"
                        + " to reinstall it, remove that file first");
            } else if (order < 0) {
                problems.add(plugin + " " + oldVersion + " is already installed (" + old.jar() + "), which is newer than "
                        + candidate.version() + ": downgrades are refused; to go back, remove that file first");
            }
        }
        boolean targetIsPrevious = previous.stream().anyMatch(old -> old.jar().equals(target));
        if (!targetIsPrevious && Files.exists(target)) {
            problems.add("the plugins folder already has a file " + target.getFileName() + " that is not plugin "
                    + candidate.id() + ": move it out of the folder, then install again");
        }
        return problems;
    }

    private static boolean isInside(Path candidate, Path pluginsDir) {
        Path parent = candidate.toAbsolutePath().normalize().getParent();
        Path dir = pluginsDir.toAbsolutePath().normalize();
        try {
            return dir.equals(parent) || Files.exists(dir) && parent != null && Files.isSameFile(dir, parent);
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies to a hidden temporary file beside {@code target}, re-checks the copy, and moves it into place atomically. */
    private void copyIntoPlace(Path candidate, PluginJarReport report, Path target) throws PluginRejectedException, IOException {
        Path dir = target.getParent();
        boolean created = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.copy(candidate, temp);
            PluginJarInspector.Inspection copy = inspector.examine(temp);
            if (!copy.accepted() || !report.equals(copy.report())) {
                throw new PluginRejectedException(candidate, List.of("plugin jar " + candidate.getFileName()
                        + " changed while it was being installed: wait until it is completely written, then install again"));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (PluginRejectedException | IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            if (created) {
                deleteIfEmpty(dir);
            }
            throw e;
        }
    }

    /**
     * Removes the replaced versions. If one cannot be removed, the new jar is taken out again so
     * PF4J does not find two jars with the same id.
     */
    private static void removePrevious(List<Installed> previous, Path target) throws IOException {
        for (Installed old : previous) {
            if (old.jar().equals(target)) {
                continue; // the atomic move already replaced it
            }
            try {
                Files.delete(old.jar());
            } catch (IOException e) {
                Files.deleteIfExists(target);
                throw new IOException("could not remove the previous version " + old.jar() + " (" + e
                        + "), so the new version was not installed: remove that file by hand and install again", e);
            }
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            if (files.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            // best effort: an empty plugins folder is harmless
        }
    }
}
