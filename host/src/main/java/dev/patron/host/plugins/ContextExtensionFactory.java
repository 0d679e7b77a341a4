package dev.patron.host.plugins;

import dev.patron.api.PluginContext;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates each extension once (extensions are stateless by contract, so one instance serves every
 * call) and passes the owning plugin's {@link PluginContext} to a constructor that takes one.
 * Instances are forgotten when their plugin stops, so a restarted plugin gets fresh ones.
 */
final class ContextExtensionFactory implements ExtensionFactory {

    private final PluginManager manager;
    private final Function<String, PluginContext> contexts;
    private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

    ContextExtensionFactory(PluginManager manager, Function<String, PluginContext> contexts) {
        this.manager = manager;
        this.contexts = contexts;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T create(Class<T> extensionClass) {
        return (T) instances.computeIfAbsent(extensionClass, this::instantiate);
    }

    private Object instantiate(Class<?> extensionClass) {
        PluginWrapper plugin = manager.whichPlugin(extensionClass);
        try {
            if (plugin != null) {
                try {
                    Constructor<?> withContext = extensionClass.getConstructor(PluginContext.class);
                    return withContext.newInstance(contexts.apply(plugin.getPluginId()));
                } catch (NoSuchMethodException e) {
                    // fall through to the no-argument constructor
                }
            }
            return extensionClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PluginRuntimeException(cause, "cannot create extension {}: {}; it needs a public constructor taking"
                    + " a PluginContext or none", extensionClass.getName(), cause.getMessage());
        }
    }

    /** Drops the instances of one plugin's classes (called when it stops). */
    void forget(ClassLoader pluginClassLoader) {
        instances.keySet().removeIf(type -> type.getClassLoader() == pluginClassLoader);
    }
}
