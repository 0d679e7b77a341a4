package dev.patron.host.plugins.install;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/** Real plugin jars written with {@link JarOutputStream}, the way a build would, for the tests. */
final class TestJars {

    static final String PLUGIN_CLASS = "com.acme.basket.BasketSizePlugin";
    static final String PLUGIN_CLASS_ENTRY = "com/acme/basket/BasketSizePlugin.class";

    private TestJars() {
    }

    /** A jar that passes every check: a complete descriptor, the plugin class, nothing bundled. */
    static Builder plugin(String id, String version) {
        return new Builder(true)
                .manifest("Plugin-Id", id)
                .manifest("Plugin-Version", version)
                .manifest("Plugin-Provider", "Acme")
                .manifest("Plugin-Class", PLUGIN_CLASS)
                .manifest("Plugin-Requires", ">=1.0.0 & <2.0.0")
                .manifest("Plugin-Dependencies", "")
                .manifest("Plugin-Description", "Scores customers by basket size")
                .entry(PLUGIN_CLASS_ENTRY);
    }

    /** A jar with no manifest and no entries yet. */
    static Builder withoutManifest() {
        return new Builder(false);
    }

    static final class Builder {
        private final boolean withManifest;
        private final Map<String, String> manifest = new LinkedHashMap<>();
        private final Map<String, byte[]> entries = new LinkedHashMap<>();
        private final Map<String, Integer> methods = new LinkedHashMap<>();

        private Builder(boolean withManifest) {
            this.withManifest = withManifest;
        }

        Builder manifest(String name, String value) {
            manifest.put(name, value);
            return this;
        }

        Builder without(String manifestEntry) {
            manifest.remove(manifestEntry);
            return this;
        }

        /** An entry with placeholder content: the inspector never loads classes, so bytes need not be bytecode. */
        Builder entry(String name) {
            return entry(name, ("not really " + name).getBytes(StandardCharsets.UTF_8));
        }

        Builder entry(String name, byte[] content) {
            entries.put(name, content);
            methods.put(name, ZipEntry.DEFLATED);
            return this;
        }

        /** A jar inside this one, stored uncompressed as build tools do, holding {@code nestedEntries}. */
        Builder nestedJar(String name, String... nestedEntries) {
            Builder nested = withoutManifest();
            for (String entry : nestedEntries) {
                nested.entry(entry);
            }
            entry(name, nested.bytes());
            methods.put(name, ZipEntry.STORED);
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out);
            return out.toByteArray();
        }

        Path writeTo(Path file) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    write(out);
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(OutputStream out) {
            try (JarOutputStream jar = withManifest ? new JarOutputStream(out, manifest()) : new JarOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    if (methods.get(e.getKey()) == ZipEntry.STORED) {
                        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                        crc.update(e.getValue());
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(e.getValue().length);
                        entry.setCompressedSize(e.getValue().length);
                        entry.setCrc(crc.getValue());
                    }
                    jar.putNextEntry(entry);
                    jar.write(e.getValue());
                    jar.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Manifest manifest() {
            Manifest m = new Manifest();
            m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((name, value) -> m.getMainAttributes().putValue(name, value));
            return m;
        }
    }

    /** Every file under {@code dir} (relative path → SHA-256), to prove a folder did not change. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> result = new TreeMap<>();
        if (!Files.exists(dir)) {
            return result;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                String key = dir.relativize(file).toString();
                result.put(key, Files.isDirectory(file) ? "<dir>" : sha256(Files.readAllBytes(file)));
            }
        }
        return result;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
