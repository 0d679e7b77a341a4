package dev.patron.host.web.console;

import dev.patron.api.web.ConsolePage;
import dev.patron.api.web.PageRequest;
import dev.patron.api.web.PageView;
import dev.patron.api.web.WebContribution;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.web.plugins.PluginWebRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders what plugins add to the console: their pages and their panels on the customer page.
 * Each plugin's templates come from its own class loader through its own FreeMarker
 * configuration, dropped when the plugin stops. Plugin templates render fragments; the host's
 * layout wraps them. Blocking: call on a worker thread.
 */
public final class PluginConsole {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    /** A rendered panel, or the reason it could not be shown. */
    public record Panel(String pluginId, String html, String error) {
    }

    /** A rendered page fragment with its title. */
    public record Page(String pluginId, String title, String html) {
    }

    private final PluginWebRegistry registry;
    private final PluginCalls calls;
    private final Map<String, ConsoleTemplates> templates = new ConcurrentHashMap<>();

    public PluginConsole(PluginWebRegistry registry, PluginCalls calls) {
        this.registry = registry;
        this.calls = calls;
        registry.onChange(templates::clear);
    }

    /** A navigation entry of a plugin page. */
    public record NavEntry(String href, String label) {
    }

    /** Entries for the console's navigation, in plugin id order. */
    public List<NavEntry> navigation(Locale locale) {
        List<NavEntry> entries = new ArrayList<>();
        registry.all().forEach((id, contribution) -> {
            Messages messages = Messages.forPlugin(id, contribution.extension().classLoader(), locale);
            for (ConsolePage page : contribution.pages()) {
                if (page.navLabelKey() != null) {
                    String suffix = page.path().equals("/") ? "" : page.path();
                    entries.add(new NavEntry("/console/plugins/" + id + suffix, messages.get(page.navLabelKey())));
                }
            }
        });
        return entries;
    }

    /** Every running plugin's panel for a customer, in plugin id order; a failing panel shows its error. */
    public List<Panel> panels(String customerId, LocaleFormats formats, String role, String csrf) {
        Locale locale = formats.locale();
        List<Panel> panels = new ArrayList<>();
        registry.all().forEach((id, contribution) -> {
            PluginExtension<WebContribution> extension = contribution.extension();
            PageRequest request = new PageRequest(Map.of(), locale, customerId, role);
            try {
                Optional<PageView> view = calls.call(id, "customer panel", extension.classLoader(), LIMIT,
                        () -> extension.extension().customerPanel(request));
                view.ifPresent(v -> panels.add(new Panel(id, render(id, extension.classLoader(), v, formats, role, csrf), null)));
            } catch (RuntimeException e) {
                panels.add(new Panel(id, null, e.getMessage()));
            }
        });
        return panels;
    }

    /** The page of plugin {@code pluginId} at {@code path}, if the plugin runs and has one. */
    public Optional<Page> page(String pluginId, String path, Map<String, List<String>> query, LocaleFormats formats, String role,
                               String csrf) {
        Locale locale = formats.locale();
        Optional<PluginWebRegistry.Contribution> contribution = registry.all().values().stream()
                .filter(c -> c.extension().pluginId().equals(pluginId)).findFirst();
        if (contribution.isEmpty()) {
            return Optional.empty();
        }
        String wanted = path.isEmpty() ? "/" : path;
        for (ConsolePage page : contribution.get().pages()) {
            if (page.path().equals(wanted)) {
                ClassLoader loader = contribution.get().extension().classLoader();
                PageView view = calls.call(pluginId, "console page " + page.path(), loader, LIMIT,
                        () -> page.renderer().render(new PageRequest(query, locale, null, role)));
                Messages messages = Messages.forPlugin(pluginId, loader, locale);
                return Optional.of(new Page(pluginId, messages.get(page.titleKey()), render(pluginId, loader, view, formats, role, csrf)));
            }
        }
        return Optional.empty();
    }

    /**
     * Renders a plugin template. Besides the plugin's model, templates see {@code t} (messages),
     * {@code lang}, {@code fmt} (money in the shop currency and dates in the shop time zone,
     * written for the reader's language: {@link LocaleFormats}), {@code role} (viewer, staff or
     * admin: show forms only to those who may use them) and {@code csrf} (the session's token, for
     * forms posting to the plugin's API).
     */
    private String render(String pluginId, ClassLoader loader, PageView view, LocaleFormats formats, String role, String csrf) {
        Locale locale = formats.locale();
        ConsoleTemplates engine = templates.computeIfAbsent(pluginId, id -> new ConsoleTemplates(loader, "/templates/" + id));
        Map<String, Object> model = new HashMap<>(view.model());
        Messages messages = Messages.forPlugin(pluginId, loader, locale);
        model.put("t", messages);
        model.put("lang", messages.locale().getLanguage());
        model.put("fmt", formats);
        model.put("role", role);
        model.put("csrf", csrf == null ? "" : csrf);
        return engine.render(view.template(), model);
    }
}
