package dev.patron.host.exports;

import dev.patron.api.exports.DataExport;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.plugins.PluginHost;
import dev.patron.host.plugins.PluginInfo;
import dev.patron.host.plugins.data.HostPluginStore;
import dev.patron.host.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kinds that can be exported now: the host's {@code customers} and {@code scores}, and the
 * {@link DataExport}s of running plugins. A plugin's exports are described (name, columns,
 * filters) once when it starts and forgotten when it stops, so looking a kind up never calls
 * plugin code and never waits for a plugin lifecycle change.
 */
public final class ExportCatalogue implements PluginHost.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ExportCatalogue.class);
    private static final Duration DESCRIBE_LIMIT = Duration.ofSeconds(5);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final Store store;
    private final PluginHost plugins;
    private final PluginCalls calls;
    private final Duration exportLimit;
    private final Map<String, TableExport> hostExports = new LinkedHashMap<>();
    private final Map<String, TableExport> pluginExports = new ConcurrentHashMap<>();
    /** Which plugin offered a kind that is gone now, to say so when someone asks for it. */
    private final Map<String, String> formerOwners = new ConcurrentHashMap<>();

    ExportCatalogue(Store store, PluginHost plugins, PluginCalls calls, Duration exportLimit) {
        this.store = store;
        this.plugins = plugins;
        this.calls = calls;
        this.exportLimit = exportLimit;
        HostTableExport.all(store).forEach(e -> hostExports.put(e.kind().name(), e));
    }

    /** The catalogue of a running host: follows plugins as they start and stop. */
    public static ExportCatalogue over(Store store, PluginHost plugins, PluginCalls calls) {
        ExportCatalogue catalogue = new ExportCatalogue(store, plugins, calls, PluginTableExport.LIMIT);
        plugins.addListener(catalogue);
        plugins.extensions(DataExport.class).forEach(catalogue::add);
        return catalogue;
    }

    /**
     * A catalogue of the host's exports and one plugin's, without a plugin host (the plugin
     * testkit runs a plugin's export through it exactly as a running host would).
     *
     * @throws IllegalArgumentException saying why the host would not offer the export
     */
    public static ExportCatalogue withExport(Store store, PluginCalls calls, PluginExtension<DataExport> export) {
        ExportCatalogue catalogue = new ExportCatalogue(store, null, calls, PluginTableExport.LIMIT);
        String problem = catalogue.add(export);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return catalogue;
    }

    @Override
    public void started(String pluginId) {
        plugins.extensions(DataExport.class).stream().filter(e -> e.pluginId().equals(pluginId)).forEach(this::add);
    }

    @Override
    public void stopped(String pluginId) {
        pluginExports.values().removeIf(e -> pluginId.equals(e.kind().pluginId()));
    }

    /** Every kind that can be exported now: the host's first, then the plugins' by name. */
    public List<ExportKind> kinds() {
        List<ExportKind> kinds = new ArrayList<>();
        hostExports.values().forEach(e -> kinds.add(e.kind()));
        new TreeMap<>(pluginExports).values().forEach(e -> kinds.add(e.kind()));
        return kinds;
    }

    /**
     * The export of that kind.
     *
     * @throws UnknownExportException listing the kinds there are and, when a plugin that would
     *     offer more is not running, which one; asks the plugin host, so call it off the event loop
     */
    TableExport require(String name) {
        String wanted = name == null ? "" : name.trim();
        TableExport found = hostExports.containsKey(wanted) ? hostExports.get(wanted) : pluginExports.get(wanted);
        if (found != null) {
            return found;
        }
        List<String> names = kinds().stream().map(ExportKind::name).toList();
        throw new UnknownExportException("'" + wanted + "' cannot be exported; choose " + String.join(", ", names) + ". "
                + whyNot(wanted), names);
    }

    private String whyNot(String wanted) {
        String owner = formerOwners.get(wanted);
        if (owner != null && plugins != null && plugins.info(owner).isPresent()) {
            return "'" + wanted + "' is the " + owner + " plugin's export, and " + owner + " is not running: enable it with"
                    + " 'patron plugins enable " + owner + "' (or POST /api/v1/plugins/" + owner + "/enable)";
        }
        if (owner != null) {
            return "'" + wanted + "' was the export of plugin " + owner + ", which is no longer installed";
        }
        List<String> idle = new ArrayList<>();
        for (PluginInfo plugin : plugins == null ? List.<PluginInfo>of() : plugins.list()) {
            if (!"STARTED".equals(plugin.state())) {
                idle.add(plugin.id() + " (" + plugin.state().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        if (!idle.isEmpty()) {
            return "Plugins offer their exports only while they run, and these are not running: " + String.join(", ", idle)
                    + "; 'patron plugins list' shows why";
        }
        return "Plugins offer their exports only while they run; 'patron plugins list' shows the installed plugins";
    }

    /**
     * Describes a started plugin's export and offers it, unless its name is invalid or taken.
     *
     * @return null when offered, else why not (also logged)
     */
    String add(PluginExtension<DataExport> extension) {
        String pluginId = extension.pluginId();
        DataExport export = extension.extension();
        ExportKind kind;
        try {
            kind = calls.call(pluginId, "export description", extension.classLoader(), DESCRIBE_LIMIT, () -> new ExportKind(
                    export.name(), export.description(), export.columns(), Set.copyOf(export.filters()), pluginId));
        } catch (PluginCalls.PluginCallException e) {
            return refuse(pluginId, export.getClass().getName(), e.getMessage());
        }
        String problem = problemWith(kind);
        if (problem != null) {
            return refuse(pluginId, kind.name(), problem);
        }
        pluginExports.put(kind.name(), new PluginTableExport(kind, extension, new HostPluginStore(store, pluginId), calls, exportLimit));
        formerOwners.put(kind.name(), pluginId);
        return null;
    }

    private static String refuse(String pluginId, String export, String problem) {
        String message = "plugin " + pluginId + ": its export " + export + " is not offered: " + problem;
        LOG.error(message);
        return message;
    }

    private String problemWith(ExportKind kind) {
        if (kind.name() == null || !NAME.matcher(kind.name()).matches()) {
            return "the name '" + kind.name() + "' is not valid: use 2 to 40 lower-case letters, digits and '-', starting with a letter";
        }
        if (hostExports.containsKey(kind.name())) {
            return "'" + kind.name() + "' is the host's own export; choose another name";
        }
        TableExport other = pluginExports.get(kind.name());
        if (other != null && !other.kind().pluginId().equals(kind.pluginId())) {
            return "plugin " + other.kind().pluginId() + " already offers an export named '" + kind.name() + "'";
        }
        if (kind.columns().isEmpty() || kind.columns().stream().anyMatch(c -> c == null || c.isBlank())) {
            return "it declares no columns, or a blank one: " + kind.columns();
        }
        if (kind.columns().stream().distinct().count() != kind.columns().size()) {
            return "two of its columns have the same name: " + kind.columns();
        }
        return null;
    }
}
