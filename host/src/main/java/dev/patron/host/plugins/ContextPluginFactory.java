package dev.patron.host.plugins;

import dev.patron.api.PatronPlugin;
import dev.patron.api.PluginContext;
import java.lang.reflect.Constructor;
import java.util.function.Function;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Constructs each plugin's {@code Plugin-Class} with its {@link PluginContext}. A plugin class
 * must extend {@link PatronPlugin}; the message says so when it does not.
 */
final class ContextPluginFactory implements PluginFactory {

    private final Function<PluginWrapper, PluginContext> contexts;

    ContextPluginFactory(Function<PluginWrapper, PluginContext> contexts) {
        this.contexts = contexts;
    }

    @Override
    public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        String id = wrapper.getPluginId();
        Class<?> pluginClass;
        try {
            pluginClass = wrapper.getPluginClassLoader().loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new PluginRuntimeException(e, "plugin {}: its Plugin-Class {} is not in the jar; fix the manifest entry", id, className);
        }
        if (!PatronPlugin.class.isAssignableFrom(pluginClass)) {
            throw new PluginRuntimeException("plugin {}: Plugin-Class {} must extend {} and have a public ({}) constructor",
                    id, className, PatronPlugin.class.getName(), PluginContext.class.getSimpleName());
        }
        try {
            Constructor<?> constructor = pluginClass.getConstructor(PluginContext.class);
            return (Plugin) constructor.newInstance(contexts.apply(wrapper));
        } catch (NoSuchMethodException e) {
            throw new PluginRuntimeException(e, "plugin {}: {} needs a public constructor taking a PluginContext", id, className);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PluginRuntimeException(cause, "plugin {}: constructing {} failed: {}", id, className, cause.getMessage());
        }
    }
}
