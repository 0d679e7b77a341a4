package dev.patron.host.web.plugins;

import dev.patron.api.web.ApiRoute;
import dev.patron.api.web.ConsolePage;
import dev.patron.api.web.WebContribution;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.plugins.PluginHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each running plugin contributes to the web: its REST routes and console pages, read once
 * when the plugin starts and forgotten when it stops, so a disabled plugin's URLs answer 404 at
 * once and come back when it is enabled, without a restart.
 */
public final class PluginWebRegistry implements PluginHost.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(PluginWebRegistry.class);
    private static final Duration LIMIT = Duration.ofSeconds(5);

    /** A route with its compiled pattern. */
    public record Route(ApiRoute route, RoutePattern pattern) {
    }

    /** One plugin's contribution. */
    public record Contribution(PluginExtension<WebContribution> extension, List<Route> routes, List<ConsolePage> pages) {
    }

    private final PluginHost plugins;
    private final PluginCalls calls;
    private final Map<String, Contribution> byPlugin = new ConcurrentHashMap<>();
    private final List<Runnable> onChange = new java.util.concurrent.CopyOnWriteArrayList<>();

    public PluginWebRegistry(PluginHost plugins, PluginCalls calls) {
        this.plugins = plugins;
        this.calls = calls;
        plugins.extensions(WebContribution.class).forEach(this::add);
    }

    /** Runs {@code listener} after any plugin's contribution appears or goes (e.g. to drop template caches). */
    public void onChange(Runnable listener) {
        onChange.add(listener);
    }

    @Override
    public void started(String pluginId) {
        plugins.extensions(WebContribution.class).stream().filter(e -> e.pluginId().equals(pluginId)).forEach(this::add);
        onChange.forEach(Runnable::run);
    }

    @Override
    public void stopped(String pluginId) {
        byPlugin.remove(pluginId);
        onChange.forEach(Runnable::run);
    }

    private void add(PluginExtension<WebContribution> extension) {
        String id = extension.pluginId();
        try {
            List<Route> routes = new ArrayList<>();
            for (ApiRoute route : calls.call(id, "web routes", extension.classLoader(), LIMIT, () -> extension.extension().routes())) {
                routes.add(new Route(route, new RoutePattern(route.path())));
            }
            List<ConsolePage> pages = calls.call(id, "console pages", extension.classLoader(), LIMIT, () -> extension.extension().pages());
            byPlugin.put(id, new Contribution(extension, List.copyOf(routes), List.copyOf(pages)));
        } catch (PluginCalls.PluginCallException e) {
            LOG.error("{}; its web pages and routes are not mounted", e.getMessage());
        }
    }

    Optional<Contribution> of(String pluginId) {
        return Optional.ofNullable(byPlugin.get(pluginId));
    }

    /** Every running plugin's contribution, by plugin id. */
    public Map<String, Contribution> all() {
        return new java.util.TreeMap<>(byPlugin);
    }

    /** Navigation entries: plugin id, page path and message key, for pages that have one. */
    public List<String[]> navigation() {
        List<String[]> entries = new ArrayList<>();
        all().forEach((id, contribution) -> contribution.pages().stream().filter(p -> p.navLabelKey() != null)
                .forEach(p -> entries.add(new String[] {id, p.path(), p.navLabelKey()})));
        return entries;
    }
}
