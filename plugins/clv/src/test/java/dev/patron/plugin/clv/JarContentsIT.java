package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.PluginContext;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Scorer;
import dev.patron.plugin.clv.support.Cdnow;
import dev.patron.plugin.clv.support.FixedContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs after the jar is built and shaded (failsafe, {@code mvn verify}): checks that the plugin
 * jar bundles commons-math3 only under the relocated package, bundles nothing the host provides,
 * carries its descriptor, index, templates and messages, and works when loaded on its own.
 */
class JarContentsIT {

    private static Path jar;
    private static String shaded;
    private static List<String> entries;

    @BeforeAll
    static void open() throws IOException {
        jar = Path.of(System.getProperty("clv.jar", "target/patron-plugin-clv-0.1.0.jar"));
        shaded = System.getProperty("clv.shaded.package", "dev.patron.plugin.clv.shaded").replace('.', '/') + "/";
        assertThat(jar).exists();
        entries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(ZipEntry::getName).forEach(entries::add);
        }
    }

    @Test
    void commonsMathIsRelocated() {
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/commons/math3/"));
        assertThat(entries).contains(shaded + "math3/optim/nonlinear/scalar/noderiv/BOBYQAOptimizer.class",
                shaded + "math3/special/Gamma.class");
        assertThat(entries).noneMatch(e -> e.endsWith(".jar")); // nothing nested
        // minimizeJar keeps what the plugin reaches, not the whole library
        assertThat(entries.stream().filter(e -> e.startsWith(shaded) && e.endsWith(".class")).count()).isBetween(10L, 400L);
    }

    @Test
    void bundlesNothingTheHostProvides() {
        for (String host : List.of("dev/patron/api/", "org/pf4j/", "io/vertx/", "io/netty/", "freemarker/", "org/sqlite/",
                "org/postgresql/", "org/slf4j/", "ch/qos/logback/")) {
            assertThat(entries).as(host).noneMatch(e -> e.startsWith(host) || e.matches("META-INF/versions/\\d+/" + host + ".*"));
        }
        assertThat(entries).noneMatch(e -> e.startsWith("dev/patron/testkit/") || e.startsWith("dev/patron/host/"));
    }

    @Test
    void carriesItsDescriptorIndexTemplatesAndMessages() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Plugin-Id")).isEqualTo("clv");
            assertThat(manifest.getMainAttributes().getValue("Plugin-Class")).isEqualTo(ClvPlugin.class.getName());
            assertThat(manifest.getMainAttributes().getValue("Plugin-Requires")).isEqualTo(">=1.0.0 & <2.0.0");
            try (InputStream in = file.getInputStream(file.getEntry("META-INF/extensions.idx"))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(ClvScorer.class.getName(),
                        ClvSettingsSchema.class.getName(), ClvWeb.class.getName());
            }
        }
        assertThat(entries).contains("templates/clv/model.ftlh", "templates/clv/panel.ftlh", "i18n/clv/messages.properties",
                "i18n/clv/messages_zh_CN.properties", "META-INF/LICENSE.txt", "META-INF/NOTICE.txt");
        assertThat(entries).noneMatch(e -> e.startsWith("cdnow/") || e.contains("CDNOW"));
    }

    @Test
    void theJarAloneFitsAndScores() throws Exception {
        // The jar's own classes first (as PF4J does), the plugin API and PF4J from the test class path.
        try (URLClassLoader loader = new PluginFirst(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> type = loader.loadClass(ClvScorer.class.getName());
            assertThat(type.getClassLoader()).isSameAs(loader);
            Scorer scorer = (Scorer) type.getConstructor(PluginContext.class).newInstance(
                    FixedContext.withSettings(Map.of("calibrationEnd", "1997-09-30")));
            Model model = scorer.fit(Cdnow.sample(Cdnow.END));
            assertThat(model.text("method")).isEqualTo("probabilistic");
            assertThat(model.number("bgnbd.r")).isBetween(0.24, 0.245);
            assertThat(loader.loadClass(shaded.replace('/', '.') + "math3.special.Gamma").getClassLoader()).isSameAs(loader);
        }
    }

    /** Loads the plugin's packages from the jar before asking the parent, like PF4J's plugin class loader. */
    private static final class PluginFirst extends URLClassLoader {
        PluginFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("dev.patron.plugin.clv.") && !name.startsWith("dev.patron.plugin.clv.support.")) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null) {
                        loaded = findClass(name);
                    }
                    if (resolve) {
                        resolveClass(loaded);
                    }
                    return loaded;
                }
                return super.loadClass(name, resolve);
            }
        }
    }
}
