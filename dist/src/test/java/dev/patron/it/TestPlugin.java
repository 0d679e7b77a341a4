package dev.patron.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin jar inside a test: compiles the given sources against the plugin API with
 * the JDK's compiler (PF4J's annotation processor writes the extension index, as in a plugin's
 * own build), adds resources, and writes the PF4J descriptor into the manifest.
 */
final class TestPlugin {

    private final String id;
    private String version = "1.0.0";
    private String requires = ">=1.0.0 & <2.0.0";
    private String dependencies = "";
    private String pluginClass;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();

    private TestPlugin(String id) {
        this.id = id;
    }

    /** A plugin with a {@code PatronPlugin} subclass {@code it.<id>.Main}. */
    static TestPlugin plugin(String id) {
        TestPlugin plugin = new TestPlugin(id);
        String pkg = packageOf(id);
        plugin.pluginClass = pkg + ".Main";
        plugin.source(pkg + ".Main", "package " + pkg + ";\n"
                + "public class Main extends dev.patron.api.PatronPlugin {\n"
                + "  public Main(dev.patron.api.PluginContext context) { super(context); }\n}\n");
        return plugin;
    }

    static String packageOf(String id) {
        return "it." + id.replace('-', '_');
    }

    TestPlugin version(String value) {
        this.version = value;
        return this;
    }

    TestPlugin requires(String value) {
        this.requires = value;
        return this;
    }

    TestPlugin dependencies(String value) {
        this.dependencies = value;
        return this;
    }

    /** Adds a class; {@code simpleName} is placed in the plugin's package. */
    TestPlugin java(String simpleName, String body) {
        String pkg = packageOf(id);
        return source(pkg + "." + simpleName, "package " + pkg + ";\n" + body);
    }

    TestPlugin source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    TestPlugin resource(String path, String content) {
        resources.put(path, content);
        return this;
    }

    /** Compiles and writes {@code <id>-<version>.jar} into {@code dir}. */
    Path buildInto(Path dir) throws IOException {
        Path work = Files.createTempDirectory("plugin-" + id);
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString()));
        args.addAll(files);
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("test plugin " + id + " does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Provider", "Patron tests");
        main.putValue("Plugin-Class", pluginClass);
        main.putValue("Plugin-Requires", requires);
        main.putValue("Plugin-Dependencies", dependencies);
        main.putValue("Plugin-Description", "test plugin " + id);
        Path jar = dir.resolve(id + "-" + version + ".jar");
        Files.createDirectories(dir);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                put(out, resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        // parent folder entries, so resources can be listed like in a Maven-built jar
        String[] parts = name.split("/");
        StringBuilder folder = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            folder.append(parts[i]).append('/');
            try {
                out.putNextEntry(new JarEntry(folder.toString()));
                out.closeEntry();
            } catch (java.util.zip.ZipException duplicate) {
                // folder already written
            }
        }
        out.putNextEntry(new JarEntry(name));
        try (OutputStream entry = new java.io.FilterOutputStream(out) {
            @Override
            public void close() {
                // keep the jar stream open
            }
        }) {
            entry.write(bytes);
        }
        out.closeEntry();
    }
}
