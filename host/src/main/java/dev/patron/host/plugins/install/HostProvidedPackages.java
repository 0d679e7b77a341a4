package dev.patron.host.plugins.install;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Packages the host puts on every plugin's parent class loader. A plugin jar must not bundle them:
 * PF4J loads a plugin's own classes first, so a bundled copy shadows the host's and the two sides
 * then disagree about what {@code org.pf4j.Plugin} or {@code dev.patron.api.PluginContext} is
 * (ClassCastException, LinkageError, or two Vert.x instances).
 */
final class HostProvidedPackages {

    /** Path prefix of a class entry → the library's name as people know it. */
    private static final Map<String, String> PACKAGES = new LinkedHashMap<>();

    static {
        PACKAGES.put("dev/patron/api/", "the Patron plugin API");
        PACKAGES.put("org/pf4j/", "PF4J");
        PACKAGES.put("io/vertx/", "Vert.x");
        PACKAGES.put("io/netty/", "Netty");
        PACKAGES.put("freemarker/", "FreeMarker");
        PACKAGES.put("org/sqlite/", "SQLite JDBC");
        PACKAGES.put("org/postgresql/", "PostgreSQL JDBC");
        PACKAGES.put("org/slf4j/", "SLF4J");
    }

    /** Multi-release jars keep version-specific classes under this prefix; they shadow just the same. */
    private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/\\d+/");

    private HostProvidedPackages() {
    }

    /** The host package prefix (e.g. {@code org/pf4j/}) that a class entry belongs to, if any. */
    static Optional<String> packageOf(String entryName) {
        if (!entryName.endsWith(".class")) {
            return Optional.empty();
        }
        String name = VERSIONED.matcher(entryName).replaceFirst("");
        return PACKAGES.keySet().stream().filter(name::startsWith).findFirst();
    }

    /** The library's name for a prefix returned by {@link #packageOf}. */
    static String libraryOf(String prefix) {
        return PACKAGES.get(prefix);
    }
}
