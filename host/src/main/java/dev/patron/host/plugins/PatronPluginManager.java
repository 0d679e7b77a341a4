package dev.patron.host.plugins;

import dev.patron.api.PluginApi;
import dev.patron.api.PluginContext;
import java.nio.file.Path;
import java.util.function.Function;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginFactory;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J configured for Patron: always deployment mode (plugins are jars in one folder), the
 * plugin API version as system version so incompatible plugins are refused, one bad plugin
 * never stopping the others, and contexts injected through the factories.
 *
 * <p>PF4J is not thread-safe: {@link PluginHost} serialises every lifecycle call.
 */
final class PatronPluginManager extends DefaultPluginManager {

    private Function<PluginWrapper, PluginContext> contexts;
    private ContextExtensionFactory extensions;

    PatronPluginManager(Path pluginsDir) {
        super(pluginsDir);
        setSystemVersion(PluginApi.VERSION);
        resolveRecoveryStrategy = ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE;
    }

    /** Must be called before plugins start. */
    void useContexts(Function<PluginWrapper, PluginContext> contexts) {
        this.contexts = contexts;
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new ContextPluginFactory(wrapper -> contexts.apply(wrapper));
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        extensions = new ContextExtensionFactory(this, id -> contexts.apply(getPlugin(id)));
        return extensions;
    }

    void forgetExtensions(ClassLoader pluginClassLoader) {
        extensions.forget(pluginClassLoader);
    }
}
