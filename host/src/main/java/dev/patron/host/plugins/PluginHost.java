package dev.patron.host.plugins;

import dev.patron.api.PluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, starts, lists and stops the plugins in the plugins folder. Every lifecycle call is
 * serialised (PF4J is not thread-safe); a plugin that fails to load or start is recorded with
 * its reason and the others go on.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Path pluginsDir;
    private final PatronPluginManager manager;
    private final ShopSettings shop;
    private final PluginSettingsSource settings;
    private final Map<String, PluginContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();

    public PluginHost(Path pluginsDir, ShopSettings shop, PluginSettingsSource settings) {
        this.pluginsDir = pluginsDir;
        this.shop = shop;
        this.settings = settings;
        this.manager = new PatronPluginManager(pluginsDir);
        this.manager.useContexts(this::contextOf);
    }

    /** Loads every jar in the plugins folder and starts what resolves. */
    public synchronized void start() {
        if (!Files.isDirectory(pluginsDir)) {
            LOG.warn("plugins folder {} does not exist; starting without plugins", pluginsDir);
            return;
        }
        manager.loadPlugins();
        for (PluginWrapper plugin : manager.getResolvedPlugins()) {
            if (plugin.getPluginState() == PluginState.DISABLED) {
                errors.put(plugin.getPluginId(), disabledReason(plugin));
                continue;
            }
            startOne(plugin);
        }
        for (PluginWrapper plugin : manager.getUnresolvedPlugins()) {
            errors.putIfAbsent(plugin.getPluginId(), "not resolved: " + unresolvedReason(plugin));
        }
    }

    private void startOne(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        try {
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                Throwable failure = plugin.getFailedException();
                String reason = failure != null ? messageOf(failure) : "did not start (state " + state + ")";
                errors.put(id, reason);
                LOG.error("plugin {} did not start: {}", id, reason, failure);
            } else {
                errors.remove(id);
                LOG.info("plugin {} {} started", id, plugin.getDescriptor().getVersion());
            }
        } catch (RuntimeException | LinkageError e) {
            errors.put(id, messageOf(e));
            LOG.error("plugin {} failed to start: {}", id, messageOf(e), e);
        }
    }

    private String disabledReason(PluginWrapper plugin) {
        PluginDescriptor d = plugin.getDescriptor();
        if (!manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(), d.getRequires())) {
            return "incompatible: plugin " + d.getPluginId() + " " + d.getVersion() + " requires plugin API "
                    + d.getRequires() + ", but this host provides plugin API " + manager.getSystemVersion()
                    + "; install a version of the plugin built for plugin API " + manager.getSystemVersion();
        }
        return "disabled";
    }

    private String unresolvedReason(PluginWrapper plugin) {
        List<String> missing = new ArrayList<>();
        for (PluginDependency dependency : plugin.getDescriptor().getDependencies()) {
            if (!dependency.isOptional() && manager.getPlugin(dependency.getPluginId()) == null) {
                missing.add(dependency.getPluginId());
            }
        }
        return missing.isEmpty() ? "its dependencies could not be resolved"
                : "requires plugin(s) " + String.join(", ", missing) + ", which are not installed; install them or remove this plugin";
    }

    private static String messageOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + ": " + root.getMessage();
        }
        return message;
    }

    private PluginContext contextOf(PluginWrapper wrapper) {
        PluginDescriptor d = wrapper.getDescriptor();
        return contexts.computeIfAbsent(d.getPluginId(), id -> new HostPluginContext(id, d.getVersion(), shop.clock(),
                shop.zone(), shop.currency(), settings.settingsOf(id)));
    }

    /** Every started plugin's extensions of {@code type}, in plugin id order. */
    public synchronized <T> List<PluginExtension<T>> extensions(Class<T> type) {
        List<PluginExtension<T>> result = new ArrayList<>();
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        started.sort((a, b) -> a.getPluginId().compareTo(b.getPluginId()));
        for (PluginWrapper plugin : started) {
            for (T extension : manager.getExtensions(type, plugin.getPluginId())) {
                result.add(new PluginExtension<>(plugin.getPluginId(), extension, plugin.getPluginClassLoader()));
            }
        }
        return result;
    }

    /** Every plugin found, loaded or not, in id order. */
    public synchronized List<PluginInfo> list() {
        List<PluginInfo> result = new ArrayList<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            PluginDescriptor d = plugin.getDescriptor();
            String dependencies = d.getDependencies().stream().map(PluginDependency::toString).reduce((a, b) -> a + ", " + b).orElse("");
            result.add(new PluginInfo(d.getPluginId(), d.getVersion(), d.getProvider(), d.getPluginDescription(), d.getRequires(),
                    dependencies, plugin.getPluginState().toString(), errors.get(d.getPluginId())));
        }
        errors.forEach((id, error) -> {
            if (manager.getPlugin(id) == null) {
                result.add(new PluginInfo(id, null, null, null, null, "", "FAILED", error));
            }
        });
        result.sort((a, b) -> a.id().compareTo(b.id()));
        return Collections.unmodifiableList(result);
    }

    public synchronized boolean isStarted(String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        return plugin != null && plugin.getPluginState() == PluginState.STARTED;
    }

    /** Stops every plugin, last started first. PF4J's own stopPlugins() fails on started plugins (pf4j#656). */
    @Override
    public synchronized void close() {
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            try {
                manager.stopPlugin(plugin.getPluginId());
                manager.forgetExtensions(plugin.getPluginClassLoader());
            } catch (RuntimeException e) {
                LOG.warn("plugin {} failed to stop cleanly: {}", plugin.getPluginId(), e.getMessage());
            }
        }
        for (PluginWrapper plugin : new ArrayList<>(manager.getPlugins())) {
            try {
                manager.unloadPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                LOG.warn("plugin {} failed to unload cleanly: {}", plugin.getPluginId(), e.getMessage());
            }
        }
    }
}
