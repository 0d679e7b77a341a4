package dev.patron.host.plugins.install;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.pf4j.VersionManager;

/**
 * Reads the PF4J descriptor from a manifest and checks it against what the host requires. The
 * entry names are PF4J's ({@code org.pf4j.ManifestPluginDescriptorFinder}), so the host reads the
 * same values when it loads the plugin.
 */
final class ManifestDescriptor {

    static final String ID = "Plugin-Id";
    static final String VERSION = "Plugin-Version";
    static final String PROVIDER = "Plugin-Provider";
    static final String CLASS = "Plugin-Class";
    static final String DEPENDENCIES = "Plugin-Dependencies";
    static final String REQUIRES = "Plugin-Requires";
    static final String DESCRIPTION = "Plugin-Description";

    /** Ids are also file names and URL segments: short, lower case, no surprises. */
    private static final Pattern ID_PATTERN = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private ManifestDescriptor() {
    }

    /** The descriptor as written; absent or blank entries are {@code null}. */
    static PluginJarReport read(Manifest manifest) {
        Attributes main = manifest.getMainAttributes();
        String dependencies = value(main, DEPENDENCIES);
        return new PluginJarReport(value(main, ID), value(main, VERSION), value(main, PROVIDER), value(main, CLASS),
                value(main, REQUIRES), dependencies == null ? List.of()
                        : Arrays.stream(dependencies.split(",")).map(String::trim).filter(d -> !d.isEmpty()).toList(),
                value(main, DESCRIPTION));
    }

    private static String value(Attributes attributes, String name) {
        String value = attributes.getValue(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Adds to {@code problems} everything wrong with {@code d}.
     *
     * @param label      how problems name the jar, e.g. {@code plugin jar basket.jar}
     * @param entryNames the jar's entries, to find {@code Plugin-Class}
     * @param apiVersion the plugin API version this host provides
     */
    static void check(PluginJarReport d, String label, Set<String> entryNames, String apiVersion, VersionManager versions,
                      List<String> problems) {
        boolean idValid = checkId(d.id(), label, problems);
        boolean versionValid = checkVersion(d.version(), label, versions, problems);
        checkClass(d.pluginClass(), label, entryNames, problems);
        String who = idValid && versionValid ? "plugin " + d.id() + " " + d.version() : label;
        checkRequires(d.requires(), label, who, apiVersion, versions, problems);
    }

    /** Whether {@code id} is a valid plugin id, safe to use in a file name. */
    static boolean isValidId(String id) {
        return id != null && ID_PATTERN.matcher(id).matches();
    }

    private static boolean checkId(String id, String label, List<String> problems) {
        if (id == null) {
            problems.add(label + " has no " + ID + " in its manifest: add e.g. <" + ID + ">basket-size</" + ID
                    + "> to the maven-jar-plugin manifestEntries (plugins built from plugins/pom.xml set the plugin.id property)");
            return false;
        }
        if (!isValidId(id)) {
            problems.add(label + " has " + ID + " '" + id + "', which is not a valid plugin id: use 2 to 40 characters,"
                    + " lower-case letters, digits and '-', starting with a letter, e.g. basket-size");
            return false;
        }
        return true;
    }

    private static boolean checkVersion(String version, String label, VersionManager versions, List<String> problems) {
        if (version == null) {
            problems.add(label + " has no " + VERSION + " in its manifest: add e.g. <" + VERSION + ">1.0.0</" + VERSION
                    + "> (plugins built from plugins/pom.xml write ${project.version})");
            return false;
        }
        if (!isSemanticVersion(version, versions)) {
            problems.add(label + " has " + VERSION + " '" + version + "', which is not a semantic version:"
                    + " use MAJOR.MINOR.PATCH, e.g. 1.2.0 or 1.2.0-rc.1");
            return false;
        }
        return true;
    }

    /** Whether PF4J's version manager can compare {@code version}; it throws on anything else. */
    static boolean isSemanticVersion(String version, VersionManager versions) {
        try {
            versions.compareVersions(version, version);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void checkClass(String pluginClass, String label, Set<String> entryNames, List<String> problems) {
        if (pluginClass == null) {
            problems.add(label + " has no " + CLASS + " in its manifest: add <" + CLASS + "> naming the plugin's class"
                    + " (the one extending org.pf4j.Plugin), e.g. com.example.BasketSizePlugin"
                    + " (plugins built from plugins/pom.xml set the plugin.class property)");
            return;
        }
        String entry = pluginClass.replace('.', '/') + ".class";
        if (!entryNames.contains(entry)) {
            problems.add(label + " names " + CLASS + " " + pluginClass + ", but the jar has no " + entry
                    + ": check the class name (plugin.class in the plugin's pom) and that the class is compiled into this jar");
        }
    }

    private static void checkRequires(String requires, String label, String who, String apiVersion, VersionManager versions,
                                      List<String> problems) {
        String example = exampleRange(apiVersion);
        if (requires == null) {
            problems.add(label + " has no " + REQUIRES + " in its manifest: add <" + REQUIRES + ">" + example + "</" + REQUIRES
                    + "> naming the plugin API versions the plugin was built for (this host provides plugin API " + apiVersion + ")");
            return;
        }
        boolean accepted;
        try {
            accepted = versions.checkVersionConstraint(apiVersion, requires);
        } catch (RuntimeException e) {
            problems.add(label + " has " + REQUIRES + " '" + requires + "', which is not a valid version range: use e.g. " + example);
            return;
        }
        if (!accepted) {
            problems.add(who + " requires plugin API " + requires + ", but this host provides plugin API " + apiVersion
                    + ": install a version of the plugin built for plugin API " + apiVersion
                    + " (its " + REQUIRES + " must accept " + apiVersion + ", e.g. " + example + ")");
        }
    }

    /** {@code >=1.0.0 & <2.0.0} for API 1.0.0: the range a plugin built against this API should declare. */
    private static String exampleRange(String apiVersion) {
        try {
            int major = Integer.parseInt(apiVersion.substring(0, apiVersion.indexOf('.')));
            return ">=" + apiVersion + " & <" + (major + 1) + ".0.0";
        } catch (RuntimeException e) {
            return ">=" + apiVersion;
        }
    }
}
