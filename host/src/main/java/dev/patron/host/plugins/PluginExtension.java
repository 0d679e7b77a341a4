package dev.patron.host.plugins;

/** One extension instance and the plugin that contributed it. */
public record PluginExtension<T>(String pluginId, T extension, ClassLoader classLoader) {

    /** Runs {@code call} with the plugin's class loader as the thread context class loader. */
    public <R> R call(java.util.function.Function<T, R> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            return call.apply(extension);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
