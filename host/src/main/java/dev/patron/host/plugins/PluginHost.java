package dev.patron.host.plugins;

import dev.patron.api.PluginContext;
import dev.patron.host.plugins.data.HostAlerts;
import dev.patron.host.plugins.data.HostPluginStore;
import dev.patron.host.store.Migrator;
import dev.patron.host.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, starts, stops, enables and disables the plugins in the plugins folder, and lists them.
 * Every lifecycle call is serialised (PF4J is not thread-safe) and blocks: call it off the event
 * loop. A plugin that fails to load, migrate or start is recorded with its reason and the others
 * go on. Whether an operator disabled a plugin is kept in the store, so it survives restarts.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    /** Told when a plugin starts or stops, so its routes, pages and templates appear or go. */
    public interface Listener {
        void started(String pluginId);

        void stopped(String pluginId);
    }

    /** Replays events a plugin missed; implemented by the events package. */
    public interface CatchUp {
        long size(String pluginId);

        void replay(PluginExtension<dev.patron.api.events.ShopEventHandler> handler, Runnable caughtUp);
    }

    private final Path pluginsDir;
    private volatile CatchUp catchUp;
    private final PatronPluginManager manager;
    private final StorePluginStatusProvider status;
    private final PluginMigrations migrations;
    private final Store store;
    private final ShopSettings shop;
    private final PluginSettingsSource settings;
    private final Map<String, PluginContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> failedHandlers = ConcurrentHashMap.newKeySet();
    /**
     * Started plugins' extensions by extension point, rebuilt under the lifecycle lock after every
     * change and read without it: the writer thread asks for event handlers while holding the
     * store's write lock, and a lifecycle call holding this object's lock may be waiting for that
     * write lock (migrations), so reads must never take this lock.
     */
    private volatile Map<Class<?>, List<PluginExtension<?>>> extensionSnapshot = Map.of();

    public PluginHost(Path pluginsDir, Store store, ShopSettings shop, PluginSettingsSource settings) {
        this.pluginsDir = pluginsDir;
        this.store = store;
        this.shop = shop;
        this.settings = settings;
        this.status = new StorePluginStatusProvider(store, shop.clock());
        this.migrations = new PluginMigrations(new Migrator(store));
        this.manager = new PatronPluginManager(pluginsDir, status);
        this.manager.useContexts(this::contextOf);
        Map<Class<?>, List<PluginExtension<?>>> known = new java.util.HashMap<>();
        for (Class<?> type : List.of(dev.patron.api.scoring.Scorer.class, dev.patron.api.events.ShopEventHandler.class,
                dev.patron.api.web.WebContribution.class, dev.patron.api.settings.SettingsSchema.class,
                dev.patron.api.health.HealthCheck.class, dev.patron.api.jobs.ScheduledJob.class,
                dev.patron.api.scoring.RunListener.class, dev.patron.api.exports.DataExport.class)) {
            known.put(type, List.of());
        }
        this.extensionSnapshot = Map.copyOf(known);
    }

    /** Set before {@link #start()}: how a starting plugin catches up on events it missed. */
    public void useCatchUp(CatchUp catchUp) {
        this.catchUp = catchUp;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Applies enable/disable choices stored by someone else (the CLI, another instance) since the
     * last look. Called periodically by the server.
     */
    public synchronized void applyStoredStates() {
        syncFolder();
        status.reload();
        for (PluginWrapper plugin : new ArrayList<>(manager.getPlugins())) {
            String id = plugin.getPluginId();
            boolean wanted = !status.isPluginDisabled(id);
            boolean operatorDisabled = plugin.getPluginState() == PluginState.DISABLED && disabledReason(plugin) == null;
            if (!wanted && plugin.getPluginState() != PluginState.DISABLED) {
                LOG.info("plugin {} was disabled elsewhere; stopping it here", id);
                disable(id, "sync");
            } else if (wanted && operatorDisabled) {
                LOG.info("plugin {} was enabled elsewhere; starting it here", id);
                enable(id, "sync");
            }
        }
    }

    /** Loads every jar in the plugins folder and starts every enabled plugin that resolves, dependencies first. */
    public synchronized void start() {
        if (!Files.isDirectory(pluginsDir)) {
            LOG.warn("plugins folder {} does not exist; starting without plugins", pluginsDir);
            return;
        }
        manager.loadPlugins();
        for (PluginWrapper plugin : manager.getResolvedPlugins()) {
            if (plugin.getPluginState() == PluginState.DISABLED) {
                String reason = disabledReason(plugin);
                if (reason != null) {
                    errors.put(plugin.getPluginId(), reason);
                    LOG.warn("plugin {} not started: {}", plugin.getPluginId(), reason);
                }
                continue;
            }
            startOne(plugin.getPluginId());
        }
        for (PluginWrapper plugin : manager.getUnresolvedPlugins()) {
            errors.putIfAbsent(plugin.getPluginId(), "not resolved: " + unresolvedReason(plugin));
        }
        manager.getDependencyProblems().forEach((id, problem) -> {
            errors.putIfAbsent(id, problem);
            LOG.warn("plugin {} not started: {}", id, problem);
        });
    }

    /** Starts one resolved plugin: migrations first, then PF4J's start. Returns true when it runs. */
    private boolean startOne(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        try {
            for (PluginDependency dependency : plugin.getDescriptor().getDependencies()) {
                if (!dependency.isOptional() && !isStarted(dependency.getPluginId())) {
                    throw new IllegalStateException("needs plugin " + dependency.getPluginId() + ", which is not running; "
                            + "start it first");
                }
            }
            int applied = migrations.apply(id, plugin.getPluginClassLoader());
            if (applied > 0) {
                LOG.info("plugin {}: applied {} migration(s)", id, applied);
            }
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                Throwable failure = plugin.getFailedException();
                throw new IllegalStateException(failure != null ? messageOf(failure) : "did not start (state " + state + ")", failure);
            }
            catchUpOnEvents(id);
            errors.remove(id);
            failedHandlers.remove(id);
            refreshExtensions();
            LOG.info("plugin {} {} started", id, plugin.getDescriptor().getVersion());
            listeners.forEach(l -> l.started(id));
            return true;
        } catch (PluginCalls.PluginCallException e) {
            markFailed(id, "while catching up on missed events: " + e.getMessage(), true);
            return false;
        } catch (RuntimeException | LinkageError e) {
            errors.put(id, messageOf(e));
            LOG.error("plugin {} failed to start: {}", id, messageOf(e), e);
            return false;
        }
    }

    /**
     * Replays the plugin's backlog before it receives new events. Until the switch inside the
     * last replay transaction, new events keep going to the backlog.
     */
    private void catchUpOnEvents(String id) {
        if (catchUp == null || catchUp.size(id) == 0) {
            return;
        }
        failedHandlers.add(id);
        for (PluginExtension<dev.patron.api.events.ShopEventHandler> handler
                : findExtensions(dev.patron.api.events.ShopEventHandler.class)) {
            if (handler.pluginId().equals(id)) {
                catchUp.replay(handler, () -> {
                    failedHandlers.remove(id);
                    refreshExtensions();
                });
            }
        }
    }

    /**
     * Enables and starts a plugin at run time; the choice is stored.
     *
     * @return the plugin's state afterwards
     * @throws IllegalArgumentException when no such plugin is installed
     */
    public synchronized PluginInfo enable(String id, String actor) {
        PluginWrapper plugin = require(id);
        if (disabledReason(plugin) != null && plugin.getPluginState() == PluginState.DISABLED
                && !status.isPluginDisabled(id)) {
            return info(plugin);
        }
        status.actingAs(actor);
        manager.enablePlugin(id);
        if (plugin.getPluginState() != PluginState.STARTED) {
            startOne(id);
        }
        return info(plugin);
    }

    /** Stops and disables a plugin at run time; the choice is stored. Plugins that depend on it stop too. */
    public synchronized PluginInfo disable(String id, String actor) {
        PluginWrapper plugin = require(id);
        status.actingAs(actor);
        List<String> wasStarted = startedIds();
        manager.disablePlugin(id);
        errors.remove(id);
        failedHandlers.remove(id);
        notifyStopped(wasStarted);
        return info(plugin);
    }

    /**
     * Stops a running plugin because it misbehaved (threw or overran in an event handler); it
     * shows as FAILED with {@code reason} until an operator enables it again.
     */
    public synchronized void markFailed(String id, String reason, boolean inEventHandler) {
        PluginWrapper plugin = manager.getPlugin(id);
        if (plugin == null) {
            return;
        }
        errors.put(id, reason);
        if (inEventHandler) {
            failedHandlers.add(id);
        }
        if (plugin.getPluginState() == PluginState.STARTED) {
            List<String> wasStarted = startedIds();
            manager.stopPlugin(id);
            notifyStopped(wasStarted);
            LOG.error("plugin {} stopped after a failure: {}", id, reason);
        }
    }

    private List<String> startedIds() {
        return manager.getStartedPlugins().stream().map(PluginWrapper::getPluginId).toList();
    }

    private void notifyStopped(List<String> wasStarted) {
        refreshExtensions();
        for (String id : wasStarted) {
            PluginWrapper plugin = manager.getPlugin(id);
            if (plugin != null && plugin.getPluginState() != PluginState.STARTED) {
                manager.forgetExtensions(plugin.getPluginClassLoader());
                listeners.forEach(l -> l.stopped(id));
            }
        }
    }

    private PluginWrapper require(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        if (plugin == null) {
            throw new IllegalArgumentException("no plugin " + id + " is installed; installed: "
                    + String.join(", ", manager.getPlugins().stream().map(PluginWrapper::getPluginId).sorted().toList()));
        }
        return plugin;
    }

    /**
     * Picks up changes to the plugins folder without a restart: a new jar is loaded and started,
     * a deleted jar's plugin is stopped and unloaded, and a jar replaced by another version of the
     * same plugin (an upgrade by {@code patron plugins install}) swaps the old plugin for the new.
     */
    public synchronized void syncFolder() {
        if (!Files.isDirectory(pluginsDir)) {
            return;
        }
        java.util.Set<Path> jars = new java.util.HashSet<>();
        try (var files = Files.list(pluginsDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".jar") && !f.getFileName().toString().startsWith("."))
                    .forEach(f -> jars.add(f.toAbsolutePath().normalize()));
        } catch (java.io.IOException e) {
            LOG.warn("cannot list plugins folder {}: {}", pluginsDir, e.getMessage());
            return;
        }
        java.util.Set<Path> loaded = new java.util.HashSet<>();
        for (PluginWrapper plugin : new ArrayList<>(manager.getPlugins())) {
            Path path = plugin.getPluginPath().toAbsolutePath().normalize();
            loaded.add(path);
            if (!jars.contains(path)) {
                unload(plugin.getPluginId(), "its jar was removed");
            }
        }
        for (Path jar : jars) {
            if (!loaded.contains(jar)) {
                loadNew(jar);
            }
        }
    }

    private void unload(String id, String why) {
        List<String> wasStarted = startedIds();
        try {
            if (isStarted(id)) {
                manager.stopPlugin(id);
            }
            notifyStopped(wasStarted);
            manager.unloadPlugin(id);
            errors.remove(id);
            contexts.remove(id);
            LOG.info("plugin {} unloaded: {}", id, why);
        } catch (RuntimeException e) {
            LOG.warn("plugin {} did not unload cleanly: {}", id, e.getMessage());
        }
    }

    private void loadNew(Path jar) {
        String id;
        try {
            id = manager.describe(jar).getPluginId();
        } catch (RuntimeException e) {
            LOG.warn("ignoring {}: not a readable plugin jar ({})", jar.getFileName(), e.getMessage());
            return;
        }
        if (manager.getPlugin(id) != null) {
            unload(id, "replaced by " + jar.getFileName());
        }
        try {
            manager.loadPlugin(jar);
        } catch (RuntimeException e) {
            errors.put(id, "cannot load " + jar.getFileName() + ": " + messageOf(e));
            LOG.error("plugin {}: cannot load {}: {}", id, jar.getFileName(), messageOf(e));
            return;
        }
        PluginWrapper plugin = manager.getPlugin(id);
        if (plugin == null) {
            return;
        }
        if (plugin.getPluginState() == PluginState.DISABLED) {
            String reason = disabledReason(plugin);
            if (reason != null) {
                errors.put(id, reason);
            }
            return;
        }
        LOG.info("plugin {} {} found in {}; starting it", id, plugin.getDescriptor().getVersion(), jar.getFileName());
        startOne(id);
    }

    /** Why a DISABLED plugin cannot run, or null when an operator disabled it. */
    private String disabledReason(PluginWrapper plugin) {
        PluginDescriptor d = plugin.getDescriptor();
        if (!manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(), d.getRequires())) {
            return "incompatible: plugin " + d.getPluginId() + " " + d.getVersion() + " requires plugin API "
                    + d.getRequires() + ", but this host provides plugin API " + manager.getSystemVersion()
                    + "; install a version of the plugin built for plugin API " + manager.getSystemVersion();
        }
        return null;
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

    static String messageOf(Throwable e) {
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
                shop.zone(), shop.currency(), settings.settingsOf(id), new HostPluginStore(store, id), new HostAlerts(id, shop.clock())));
    }

    /** The context of an installed plugin. */
    public Optional<PluginContext> context(String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        return plugin == null ? Optional.empty() : Optional.of(contextOf(plugin));
    }

    /** Every started plugin's extensions of {@code type}, in plugin id order. Never blocks on lifecycle calls. */
    @SuppressWarnings("unchecked")
    public <T> List<PluginExtension<T>> extensions(Class<T> type) {
        List<PluginExtension<?>> cached = extensionSnapshot.get(type);
        if (cached != null) {
            return (List<PluginExtension<T>>) (List<?>) cached;
        }
        synchronized (this) {
            List<PluginExtension<T>> found = findExtensions(type);
            Map<Class<?>, List<PluginExtension<?>>> next = new java.util.HashMap<>(extensionSnapshot);
            next.put(type, List.copyOf(found));
            extensionSnapshot = Map.copyOf(next);
            return found;
        }
    }

    /** Drops the snapshot and re-finds the extension points asked for so far; call with the lock held. */
    private void refreshExtensions() {
        Map<Class<?>, List<PluginExtension<?>>> next = new java.util.HashMap<>();
        for (Class<?> type : extensionSnapshot.keySet()) {
            next.put(type, List.copyOf(findExtensions(type)));
        }
        extensionSnapshot = Map.copyOf(next);
    }

    private <T> List<PluginExtension<T>> findExtensions(Class<T> type) {
        List<PluginExtension<T>> result = new ArrayList<>();
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        started.sort((a, b) -> a.getPluginId().compareTo(b.getPluginId()));
        for (PluginWrapper plugin : started) {
            try {
                for (T extension : manager.getExtensions(type, plugin.getPluginId())) {
                    result.add(new PluginExtension<>(plugin.getPluginId(), extension, plugin.getPluginClassLoader()));
                }
            } catch (RuntimeException | LinkageError e) {
                // One plugin's broken extension must not hide every other plugin's.
                errors.put(plugin.getPluginId(), "cannot create its " + type.getSimpleName() + " extensions: " + messageOf(e));
                LOG.error("plugin {}: cannot create its {} extensions", plugin.getPluginId(), type.getSimpleName(), e);
            }
        }
        return result;
    }

    /** The class loader of an installed plugin (for its templates, messages and assets). */
    public synchronized Optional<ClassLoader> classLoader(String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        return plugin == null ? Optional.empty() : Optional.of(plugin.getPluginClassLoader());
    }

    /** Every plugin found, loaded or not, in id order. */
    public synchronized List<PluginInfo> list() {
        List<PluginInfo> result = new ArrayList<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            result.add(info(plugin));
        }
        errors.forEach((id, error) -> {
            if (manager.getPlugin(id) == null) {
                result.add(new PluginInfo(id, null, null, null, null, "", "FAILED", false, error));
            }
        });
        result.sort((a, b) -> a.id().compareTo(b.id()));
        return Collections.unmodifiableList(result);
    }

    /** One installed plugin. */
    public synchronized Optional<PluginInfo> info(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        return plugin == null ? Optional.empty() : Optional.of(info(plugin));
    }

    private PluginInfo info(PluginWrapper plugin) {
        PluginDescriptor d = plugin.getDescriptor();
        String dependencies = String.join(", ", d.getDependencies().stream().map(PluginHost::describe).toList());
        String error = errors.get(d.getPluginId());
        String state = plugin.getPluginState() == PluginState.STARTED || error == null ? plugin.getPluginState().toString() : "FAILED";
        boolean enabled = !status.isPluginDisabled(d.getPluginId());
        return new PluginInfo(d.getPluginId(), d.getVersion(), d.getProvider(), d.getPluginDescription(), d.getRequires(),
                dependencies, state, enabled, error);
    }

    /** A dependency as the manifest writes it: {@code clv?} (optional), {@code rfm@>=1.0.0}. */
    private static String describe(PluginDependency dependency) {
        String support = dependency.getPluginVersionSupport();
        return dependency.getPluginId() + (dependency.isOptional() ? "?" : "")
                + (support == null || support.isBlank() || support.equals("*") ? "" : "@" + support);
    }

    /**
     * Plugins whose event handler failed and that are not running again yet: events are kept for
     * them in the backlog so they catch up when enabled.
     */
    public java.util.Set<String> pluginsOwingEvents() {
        return java.util.Set.copyOf(failedHandlers);
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
