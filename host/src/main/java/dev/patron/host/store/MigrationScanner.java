package dev.patron.host.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the migration files of one owner under {@code db/<owner>/} on a class loader, in version
 * order. A file in {@code db/<owner>/<dialect>/} (e.g. {@code db/loyalty/postgresql/V001__x.sql})
 * replaces the file of the same version for that dialect, or adds a version only it needs.
 */
public final class MigrationScanner {

    private MigrationScanner() {
    }

    /** The migrations of {@code owner} common to every dialect. */
    public static List<Migration> scan(ClassLoader loader, String owner) {
        return sorted(scanFolder(loader, owner, ""));
    }

    /** The migrations of {@code owner} for {@code dialect}: the common ones, each replaced by its dialect's file if there is one. */
    public static List<Migration> scan(ClassLoader loader, String owner, Dialect dialect) {
        Map<Integer, Migration> byVersion = scanFolder(loader, owner, "");
        byVersion.putAll(scanFolder(loader, owner, dialect.name() + "/"));
        return sorted(byVersion);
    }

    private static List<Migration> sorted(Map<Integer, Migration> byVersion) {
        List<Migration> migrations = new ArrayList<>(byVersion.values());
        migrations.sort(Comparator.comparingInt(Migration::version));
        return migrations;
    }

    private static Map<Integer, Migration> scanFolder(ClassLoader loader, String owner, String subfolder) {
        String folder = "db/" + owner + "/" + subfolder;
        Map<Integer, Migration> byVersion = new HashMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                for (String fileName : list(root)) {
                    String sql = read(loader, folder + fileName);
                    Migration migration = Migration.of(owner, subfolder, fileName, sql);
                    if (migration == null) {
                        continue;
                    }
                    Migration clash = byVersion.putIfAbsent(migration.version(), migration);
                    if (clash != null && !clash.name().equals(migration.name())) {
                        throw new StoreException("two migrations of " + owner + " share version " + migration.version()
                                + ": " + clash.name() + " and " + migration.name() + "; give each file its own number");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byVersion;
    }

    private static List<String> list(URL root) throws IOException {
        List<String> names = new ArrayList<>();
        switch (root.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                    files.forEach(p -> names.add(p.getFileName().toString()));
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                String prefix = connection.getEntryName();
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(prefix) && entry.length() > prefix.length()
                                && entry.indexOf('/', prefix.length()) < 0) {
                            names.add(entry.substring(prefix.length()));
                        }
                    }
                }
            }
            default -> throw new IOException("cannot list migrations at " + root);
        }
        return names;
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("migration " + resource + " disappeared while reading");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
