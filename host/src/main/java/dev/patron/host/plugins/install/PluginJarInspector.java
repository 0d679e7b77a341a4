package dev.patron.host.plugins.install;

import dev.patron.api.PluginApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * Decides whether a jar is a plugin this host can load, by reading it as a zip: no class in it is
 * ever loaded or run, so a hostile jar cannot act during the check.
 *
 * <p>It checks that the file is a readable jar; that its manifest carries a valid {@code Plugin-Id},
 * {@code Plugin-Version} (semantic), {@code Plugin-Class} (present in the jar) and {@code Plugin-Requires}
 * (a range that accepts this host's {@link PluginApi#VERSION}); that no entry path is absolute or
 * climbs out of the jar; that it bundles no library the host provides (itself or in a nested jar);
 * and that it stays within {@link InspectionLimits}. All problems are collected, never just the first.
 *
 * <p>Thread-safe and stateless between calls.
 */
public final class PluginJarInspector {

    private final String apiVersion;
    private final InspectionLimits limits;
    private final VersionManager versions = new DefaultVersionManager();

    /** Checks against this host's plugin API and {@link InspectionLimits#DEFAULT}. */
    public PluginJarInspector() {
        this(PluginApi.VERSION, InspectionLimits.DEFAULT);
    }

    /**
     * @param apiVersion the plugin API version that {@code Plugin-Requires} must accept
     * @param limits     how much the inspector will read before refusing the jar
     */
    public PluginJarInspector(String apiVersion, InspectionLimits limits) {
        this.apiVersion = apiVersion;
        this.limits = limits;
    }

    /**
     * The outcome of {@link #examine}: a plugin jar is acceptable exactly when {@code problems} is
     * empty. {@code report} is {@code null} when no manifest could be read; otherwise it holds what
     * the manifest said, valid or not.
     */
    public record Inspection(PluginJarReport report, List<String> problems) {

        public Inspection {
            problems = List.copyOf(problems);
        }

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks {@code jar} and returns its descriptor.
     *
     * @throws PluginRejectedException listing every problem found
     */
    public PluginJarReport inspect(Path jar) throws PluginRejectedException {
        Inspection inspection = examine(jar);
        if (!inspection.accepted()) {
            throw new PluginRejectedException(jar, inspection.problems());
        }
        return inspection.report();
    }

    /**
     * Checks {@code jar} and returns what was found, problems included, without throwing: for callers
     * that add problems of their own (see {@link PluginInstaller}). I/O failures are problems too.
     */
    public Inspection examine(Path jar) {
        String label = "plugin jar " + jar.getFileName();
        if (!Files.exists(jar)) {
            return new Inspection(null, List.of(label + " does not exist (" + jar.toAbsolutePath() + "): check the path"));
        }
        if (!Files.isRegularFile(jar)) {
            return new Inspection(null, List.of(label + " is not a file: pass the .jar built by mvn package"
                    + " (in the plugin's target/ folder)"));
        }
        if (!Files.isReadable(jar)) {
            return new Inspection(null, List.of(label + " cannot be read: check its permissions"));
        }
        // verify=false: signatures are not checked (PF4J does not either), and nothing is loaded.
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            List<String> problems = new ArrayList<>();
            ArchiveScan scan = ArchiveScan.of(zip, label, limits);
            PluginJarReport report = null;
            try {
                Manifest manifest = zip.getManifest();
                if (manifest == null) {
                    problems.add(label + " has no manifest (META-INF/MANIFEST.MF): a Patron plugin declares itself with "
                            + ManifestDescriptor.ID + ", " + ManifestDescriptor.VERSION + ", " + ManifestDescriptor.CLASS
                            + " and " + ManifestDescriptor.REQUIRES + " manifest entries; build it with plugins/pom.xml as parent"
                            + " or add them to the maven-jar-plugin manifestEntries");
                } else {
                    report = ManifestDescriptor.read(manifest);
                    ManifestDescriptor.check(report, label, scan.entryNames(), apiVersion, versions, problems);
                }
            } catch (IOException e) {
                problems.add(label + " has a malformed manifest (" + e.getMessage()
                        + "): rebuild the jar with mvn package instead of writing META-INF/MANIFEST.MF by hand");
            }
            problems.addAll(scan.problems());
            return new Inspection(report, problems);
        } catch (ZipException e) {
            return new Inspection(null, List.of(label + " is not a jar (zip) file (" + e.getMessage()
                    + "): pass the .jar built by mvn package (in the plugin's target/ folder)"));
        } catch (IOException e) {
            return new Inspection(null, List.of(label + " could not be read (" + e + "): check the file and try again"));
        }
    }

    /**
     * The descriptor of a jar already installed, read from its manifest only and without judging it:
     * an installed plugin may predate today's checks and must still be recognised as a previous version.
     *
     * @return empty when the file is not a readable jar or its manifest has no {@code Plugin-Id}
     */
    public Optional<PluginJarReport> describe(Path jar) {
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            Manifest manifest = zip.getManifest();
            return manifest == null ? Optional.empty()
                    : Optional.of(ManifestDescriptor.read(manifest)).filter(report -> report.id() != null);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code version} is a semantic version, by the rules PF4J itself applies. */
    boolean isSemanticVersion(String version) {
        return version != null && ManifestDescriptor.isSemanticVersion(version, versions);
    }

    /** Compares two semantic versions exactly as PF4J does (its semver library's natural order). */
    int compareVersions(String a, String b) {
        return versions.compareVersions(a, b);
    }
}
