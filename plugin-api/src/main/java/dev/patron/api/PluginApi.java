package dev.patron.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin API. It follows semantic versioning independently of the host:
 * a plugin declares the range it accepts in its {@code Plugin-Requires} manifest entry, and
 * the host refuses a plugin whose range excludes {@link #VERSION}.
 */
public final class PluginApi {

    /** Semantic version of the plugin API this jar implements, e.g. {@code 1.0.0}. */
    public static final String VERSION = readVersion();

    private PluginApi() {
    }

    private static String readVersion() {
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin-api.properties is missing from the plugin-api jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
