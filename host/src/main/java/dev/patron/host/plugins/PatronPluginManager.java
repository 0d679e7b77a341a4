package dev.patron.host.plugins;

import dev.patron.api.PluginApi;
import dev.patron.api.PluginContext;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginDependency;
import org.pf4j.PluginFactory;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J configured for Patron: always deployment mode (plugins are jars in one folder), the
 * plugin API version as system version so incompatible plugins are refused, one bad plugin
 * never stopping the others, contexts injected through the factories, and the enabled state kept
 * in the store.
 *
 * <p>PF4J is not thread-safe: {@link PluginHost} serialises every lifecycle call.
 */
final class PatronPluginManager extends DefaultPluginManager {

    private Function<PluginWrapper, PluginContext> contexts;
    private ContextExtensionFactory extensions;
    private PluginStatusProvider status;
    private final Map<String, String> dependencyProblems = new LinkedHashMap<>();

    PatronPluginManager(Path pluginsDir, PluginStatusProvider status) {
        super(pluginsDir);
        this.status = status;
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

    /** Called by PF4J's constructor, before this class's fields are set: delegate at call time. */
    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return status.isPluginDisabled(pluginId);
            }

            @Override
            public void disablePlugin(String pluginId) {
                status.disablePlugin(pluginId);
            }

            @Override
            public void enablePlugin(String pluginId) {
                status.enablePlugin(pluginId);
            }
        };
    }

    /**
     * With IGNORE_PLUGIN_AND_CONTINUE, PF4J drops a plugin whose required dependency is missing
     * and only logs it at INFO. Record why, so the console and the API can say so.
     */
    @Override
    protected void resolvePlugins() {
        Set<String> before = new HashSet<>(plugins.keySet());
        for (PluginWrapper plugin : unresolvedPlugins) {
            for (PluginDependency dependency : plugin.getDescriptor().getDependencies()) {
                if (!dependency.isOptional() && !plugins.containsKey(dependency.getPluginId())) {
                    dependencyProblems.put(plugin.getPluginId(), "requires plugin " + dependency.getPluginId()
                            + ", which is not installed; install it or remove this plugin");
                }
            }
        }
        super.resolvePlugins();
        for (String id : before) {
            if (!plugins.containsKey(id)) {
                dependencyProblems.putIfAbsent(id, "a plugin it requires could not be loaded; see that plugin's error");
            }
        }
    }

    /** Why plugins were dropped while resolving dependencies, by plugin id. */
    Map<String, String> getDependencyProblems() {
        return dependencyProblems;
    }

    /** Reads a jar's descriptor without loading it. */
    org.pf4j.PluginDescriptor describe(Path jar) {
        return getPluginDescriptorFinder().find(jar);
    }

    void forgetExtensions(ClassLoader pluginClassLoader) {
        extensions.forget(pluginClassLoader);
    }
}
