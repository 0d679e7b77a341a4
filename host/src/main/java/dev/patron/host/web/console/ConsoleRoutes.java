package dev.patron.host.web.console;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.plugins.PluginSettingsService;
import dev.patron.host.web.auth.Access;
import dev.patron.host.web.auth.ConsoleSecurity;
import dev.patron.host.scoring.ScoreRepository;
import dev.patron.host.scoring.ScoreRow;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.CustomerQuery;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.NotFoundException;
import dev.patron.host.store.AsyncStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The staff console: server-rendered pages under {@code /console}. Data is read off the event
 * loop, templates render on a worker, and every value is HTML-escaped by the template engine.
 */
public final class ConsoleRoutes {

    private static final int PAGE_SIZE = 50;

    private final Vertx vertx;
    private final Patron patron;
    private final AsyncStore store;
    private final PluginConsole plugins;
    private final PluginSettingsService settings;
    private final ConsoleTemplates templates = new ConsoleTemplates();
    private final ScoreRepository scores = new ScoreRepository();

    public ConsoleRoutes(Vertx vertx, Patron patron, AsyncStore store, dev.patron.host.web.plugins.PluginWebRegistry registry,
                         PluginConsole plugins, PluginSettingsService settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.patron = patron;
        this.store = store;
        this.plugins = plugins;
    }

    public void mount(Router router, String setupCode) {
        router.get("/").handler(ctx -> ctx.redirect("/console"));
        ImportPages imports = new ImportPages(vertx, patron, this, ImportPages.MAX_UPLOAD_BYTES);
        imports.mountUpload(router);
        new ConsoleSecurity(vertx, patron.auth(), setupCode, (ctx, model) -> renderBare(ctx, "login.ftlh", model),
                (ctx, model) -> renderBare(ctx, "setup.ftlh", model)).mount(router);
        router.get("/console").handler(this::dashboard);
        router.get("/console/customers").handler(this::customers);
        router.get("/console/customers/:id").handler(this::customer);
        router.get("/console/alerts").handler(this::alerts);
        router.get("/console/users").handler(Access.require(Role.ADMIN)).handler(ctx -> users(ctx, null, null));
        router.post("/console/users").handler(Access.require(Role.ADMIN)).handler(this::addUser);
        router.post("/console/tokens").handler(Access.require(Role.ADMIN)).handler(this::addToken);
        router.post("/console/tokens/:id/revoke").handler(Access.require(Role.ADMIN)).handler(this::revokeToken);
        router.get("/console/audit").handler(Access.require(Role.ADMIN)).handler(this::audit);
        imports.mount(router);
        router.get("/console/plugins").handler(this::pluginList);
        router.post("/console/plugins/upload").handler(Access.require(Role.ADMIN)).handler(this::uploadPlugin);
        router.post("/console/plugins/:pluginId/enable").handler(Access.require(Role.ADMIN)).handler(ctx -> pluginLifecycle(ctx, true));
        router.post("/console/plugins/:pluginId/disable").handler(Access.require(Role.ADMIN)).handler(ctx -> pluginLifecycle(ctx, false));
        router.get("/console/plugins/:pluginId/settings").handler(this::pluginSettings);
        router.post("/console/plugins/:pluginId/settings").handler(Access.require(Role.ADMIN)).handler(this::savePluginSettings);
        router.get("/console/plugins/:pluginId").handler(this::pluginPage);
        router.get("/console/plugins/:pluginId/*").handler(this::pluginPage);
        router.route("/console/*").failureHandler(this::failure);
    }

    private void dashboard(RoutingContext ctx) {
        long since = patron.clock().instant().minus(Duration.ofDays(90)).toEpochMilli();
        store.read(c -> {
            Map<String, Object> model = new HashMap<>();
            long[] orders = patron.shop().orderTotals(c);
            model.put("customerCount", patron.shop().countCustomers(c));
            model.put("orderCount", orders[0]);
            model.put("revenueMinor", orders[1]);
            model.put("activeCustomers", DashboardData.activeCustomers(c, since));
            model.put("charts", DashboardData.charts(c));
            model.put("heatmap", DashboardData.heatmap(c, "rfm"));
            DashboardData.Chart clv = DashboardData.histogram(c, "clv", "clv");
            if (clv != null) {
                model.put("clvChart", clv);
                model.put("topClv", DashboardData.top(c, "clv", "clv", 10));
            }
            model.put("latestRunId", DashboardData.latestRunId(c));
            return model;
        }).compose(model -> vertx.executeBlocking(() -> {
            Map<String, Long> counts = patron.alerts().openCounts();
            model.put("openAlerts", counts.values().stream().mapToLong(Long::longValue).sum());
            model.put("criticalAlerts", counts.entrySet().stream().filter(e -> e.getKey().endsWith(".CRITICAL"))
                    .mapToLong(Map.Entry::getValue).sum());
            return model;
        }, false)).compose(model -> {
            String runId = (String) model.get("latestRunId");
            if (runId == null) {
                return Future.succeededFuture(model);
            }
            return vertx.executeBlocking(() -> {
                patron.engine().status(runId).ifPresent(run -> model.put("latestRun", run));
                return model;
            }, false);
        }).onSuccess(model -> render(ctx, "dashboard.ftlh", model)).onFailure(ctx::fail);
    }

    private void customers(RoutingContext ctx) {
        String q = blankToNull(ctx.request().getParam("q"));
        String segment = blankToNull(ctx.request().getParam("segment"));
        int page = parsePage(ctx.request().getParam("page"));
        String tier = blankToNull(ctx.request().getParam("tier"));
        boolean withAlerts = "open".equals(ctx.request().getParam("alerts"));
        CustomerQuery query = new CustomerQuery(q, segment, tier, withAlerts, null, CustomerQuery.Sort.parse(ctx.request().getParam("sort")),
                page, PAGE_SIZE);
        store.read(c -> {
            Map<String, Object> model = new HashMap<>();
            model.put("page", patron.shop().listCustomers(c, query));
            model.put("q", q == null ? "" : q);
            model.put("segment", segment == null ? "" : segment);
            model.put("tier", tier == null ? "" : tier);
            model.put("alerts", withAlerts);
            model.put("tiers", DashboardData.labels(c, "rfm", "tier"));
            model.put("sort", query.sort().name().toLowerCase(Locale.ROOT));
            model.put("segments", DashboardData.labels(c, "segment"));
            return model;
        }).onSuccess(model -> render(ctx, "customers.ftlh", model)).onFailure(ctx::fail);
    }

    private void customer(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Locale locale = locale(ctx);
        store.read(c -> {
            Customer customer = patron.shop().findCustomer(c, id)
                    .orElseThrow(() -> new NotFoundException("customer " + id + " does not exist"));
            Map<String, Object> model = new HashMap<>();
            model.put("customer", customer);
            model.put("stats", patron.shop().stats(c, id));
            model.put("orders", patron.shop().orders(c, id, PAGE_SIZE));
            model.put("refunds", patron.shop().refunds(c, id, PAGE_SIZE));
            Map<String, List<ScoreRow>> panels = new LinkedHashMap<>();
            for (ScoreRow row : scores.ofCustomer(c, id)) {
                panels.computeIfAbsent(row.pluginId(), k -> new java.util.ArrayList<>()).add(row);
            }
            model.put("panels", panels);
            return model;
        }).compose(model -> vertx.executeBlocking(() -> {
            java.util.List<PluginConsole.Panel> pluginPanels = plugins.panels(id, formats(locale), role(ctx), csrf(ctx));
            model.put("pluginPanels", pluginPanels);
            // A plugin that draws its own panel shows its scores there; the generic table would repeat them.
            @SuppressWarnings("unchecked")
            Map<String, ?> generic = (Map<String, ?>) model.get("panels");
            pluginPanels.stream().filter(p -> p.error() == null).forEach(p -> generic.remove(p.pluginId()));
            model.put("alerts", patron.alerts().list(null, null, id, 20).stream().map(a -> a.getMap()).toList());
            return model;
        }, false)).onSuccess(model -> render(ctx, "customer.ftlh", model)).onFailure(ctx::fail);
    }

    private void alerts(RoutingContext ctx) {
        String status = blankToNull(ctx.request().getParam("status"));
        String severity = blankToNull(ctx.request().getParam("severity"));
        vertx.executeBlocking(() -> {
            Map<String, Object> model = new HashMap<>();
            model.put("alerts", patron.alerts().list(status, severity, null, 200).stream().map(a -> a.getMap()).toList());
            model.put("status", status == null ? "" : status);
            model.put("severity", severity == null ? "" : severity);
            return model;
        }, false).onSuccess(model -> render(ctx, "alerts.ftlh", model)).onFailure(ctx::fail);
    }

    private void users(RoutingContext ctx, String newToken, java.util.List<dev.patron.host.shop.FieldError> errors) {
        vertx.executeBlocking(() -> {
            Map<String, Object> model = new HashMap<>();
            model.put("users", patron.auth().users().list());
            model.put("tokens", patron.auth().tokens().list());
            model.put("newToken", newToken == null ? "" : newToken);
            model.put("errors", errors == null ? java.util.List.of() : errors);
            return model;
        }, false).onSuccess(model -> render(ctx, "users.ftlh", model)).onFailure(ctx::fail);
    }

    private void addUser(RoutingContext ctx) {
        String actor = Access.actor(ctx);
        String name = ctx.request().getFormAttribute("name");
        String role = ctx.request().getFormAttribute("role");
        String password = ctx.request().getFormAttribute("password");
        vertx.executeBlocking(() -> {
            try {
                var user = patron.auth().users().add(name, Role.parse(role == null ? "" : role), password);
                patron.auth().audit().record(actor, "user.add", user.name(), user.role().json());
                return null;
            } catch (InvalidInputException e) {
                return e.errors();
            } catch (IllegalArgumentException e) {
                return java.util.List.of(new dev.patron.host.shop.FieldError("role", e.getMessage()));
            }
        }, false).onSuccess(errors -> {
            if (errors == null) {
                ctx.redirect("/console/users");
            } else {
                ctx.response().setStatusCode(400);
                users(ctx, null, errors);
            }
        }).onFailure(ctx::fail);
    }

    private void addToken(RoutingContext ctx) {
        String actor = Access.actor(ctx);
        String name = ctx.request().getFormAttribute("name");
        String role = ctx.request().getFormAttribute("role");
        vertx.executeBlocking(() -> {
            var token = patron.auth().tokens().create(name, Role.parse(role == null ? "" : role), actor);
            patron.auth().audit().record(actor, "token.create", name, token.info().role().json());
            return token.secret();
        }, false).onSuccess(secret -> users(ctx, secret, null)).onFailure(ctx::fail);
    }

    private void revokeToken(RoutingContext ctx) {
        String actor = Access.actor(ctx);
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> {
            patron.auth().tokens().revoke(id);
            patron.auth().audit().record(actor, "token.revoke", id, null);
            return null;
        }, false).onSuccess(ignored -> ctx.redirect("/console/users")).onFailure(ctx::fail);
    }

    private void audit(RoutingContext ctx) {
        vertx.executeBlocking(() -> {
            Map<String, Object> model = new HashMap<>();
            model.put("entries", patron.auth().audit().recent(300));
            return model;
        }, false).onSuccess(model -> render(ctx, "audit.ftlh", model)).onFailure(ctx::fail);
    }

    /**
     * Installs an uploaded plugin jar (admin only): inspected without loading any class from it
     * (descriptor, plugin API range, no bundled host libraries, no path traversal, size), copied
     * atomically into the plugins folder, and started at once; an older version is replaced.
     */
    private void uploadPlugin(RoutingContext ctx) {
        String actor = Access.actor(ctx);
        java.util.List<io.vertx.ext.web.FileUpload> uploads = ctx.fileUploads();
        vertx.executeBlocking(() -> {
            java.util.List<String> messages = new java.util.ArrayList<>();
            if (uploads.size() != 1) {
                messages.add("choose exactly one plugin jar to upload");
                return pluginListModel(messages, null);
            }
            java.nio.file.Path uploaded = java.nio.file.Path.of(uploads.get(0).uploadedFileName());
            try {
                var result = new dev.patron.host.plugins.install.PluginInstaller().install(uploaded, patron.config().pluginsDir());
                patron.plugins().syncFolder();
                patron.auth().audit().record(actor, "plugin.install", result.id(), result.version()
                        + (result.previousVersion() == null ? "" : " (was " + result.previousVersion() + ")"));
                return pluginListModel(messages, result.id() + " " + result.version());
            } catch (dev.patron.host.plugins.install.PluginRejectedException e) {
                messages.addAll(e.problems());
                return pluginListModel(messages, null);
            } finally {
                java.nio.file.Files.deleteIfExists(uploaded);
            }
        }, false).onSuccess(model -> {
            if (!((java.util.List<?>) model.get("uploadErrors")).isEmpty()) {
                ctx.response().setStatusCode(400);
            }
            render(ctx, "plugins.ftlh", model);
        }).onFailure(ctx::fail);
    }

    private Map<String, Object> pluginListModel(java.util.List<String> uploadErrors, String installed) {
        Map<String, Object> model = new HashMap<>();
        model.put("plugins", patron.plugins().list());
        model.put("apiVersion", dev.patron.api.PluginApi.VERSION);
        model.put("uploadErrors", uploadErrors);
        model.put("installed", installed == null ? "" : installed);
        return model;
    }

    private void pluginList(RoutingContext ctx) {
        vertx.executeBlocking(() -> {
            Map<String, Object> model = new HashMap<>();
            model.put("uploadErrors", java.util.List.of());
            model.put("installed", "");
            model.put("plugins", patron.plugins().list());
            model.put("apiVersion", dev.patron.api.PluginApi.VERSION);
            return model;
        }, false).onSuccess(model -> render(ctx, "plugins.ftlh", model)).onFailure(ctx::fail);
    }

    private void pluginLifecycle(RoutingContext ctx, boolean enable) {
        String pluginId = ctx.pathParam("pluginId");
        String actor = Access.actor(ctx);
        vertx.executeBlocking(() -> {
            if (patron.plugins().info(pluginId).isEmpty()) {
                throw new NotFoundException("no plugin " + pluginId + " is installed");
            }
            var info = enable ? patron.plugins().enable(pluginId, actor) : patron.plugins().disable(pluginId, actor);
            patron.auth().audit().record(actor, enable ? "plugin.enable" : "plugin.disable", pluginId, info.state());
            return info;
        }, false).onSuccess(info -> ctx.redirect("/console/plugins")).onFailure(ctx::fail);
    }

    private void pluginSettings(RoutingContext ctx) {
        String pluginId = ctx.pathParam("pluginId");
        vertx.executeBlocking(() -> {
            Map<String, Object> model = new HashMap<>();
            model.put("view", settings.view(pluginId));
            model.put("errors", java.util.List.of());
            model.put("saved", ctx.request().getParam("saved") != null);
            return model;
        }, false).onSuccess(model -> render(ctx, "plugin-settings.ftlh", model)).onFailure(ctx::fail);
    }

    private void savePluginSettings(RoutingContext ctx) {
        String pluginId = ctx.pathParam("pluginId");
        String actor = Access.actor(ctx);
        Map<String, String> submitted = new LinkedHashMap<>();
        ctx.request().formAttributes().forEach(e -> {
            if (e.getKey().startsWith("setting.")) {
                submitted.put(e.getKey().substring("setting.".length()), e.getValue());
            }
        });
        vertx.executeBlocking(() -> {
            Map<String, Object> model = new HashMap<>();
            try {
                settings.update(pluginId, submitted, actor);
                patron.auth().audit().record(actor, "plugin.settings", pluginId, String.join(", ", submitted.keySet()));
                return null;
            } catch (InvalidInputException e) {
                PluginSettingsService.View current = settings.view(pluginId);
                Map<String, String> shown = new LinkedHashMap<>(current.values());
                shown.putAll(submitted);
                model.put("view", new PluginSettingsService.View(pluginId, current.fields(), shown));
                model.put("errors", e.errors());
                model.put("saved", false);
                return model;
            }
        }, false).onSuccess(model -> {
            if (model == null) {
                ctx.redirect("/console/plugins/" + pluginId + "/settings?saved=1");
            } else {
                ctx.response().setStatusCode(400);
                render(ctx, "plugin-settings.ftlh", model);
            }
        }).onFailure(ctx::fail);
    }

    private void pluginPage(RoutingContext ctx) {
        String pluginId = ctx.pathParam("pluginId");
        String prefix = "/console/plugins/" + pluginId;
        String rest = ctx.normalizedPath().length() > prefix.length() ? ctx.normalizedPath().substring(prefix.length()) : "/";
        Map<String, java.util.List<String>> query = new LinkedHashMap<>();
        ctx.queryParams().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        Locale locale = locale(ctx);
        String role = role(ctx);
        String csrf = csrf(ctx);
        vertx.executeBlocking(() -> plugins.page(pluginId, rest, query, formats(locale), role, csrf)
                        .orElseThrow(() -> new NotFoundException("no running plugin " + pluginId + " has a page at " + rest)), false)
                .onSuccess(page -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("page", page);
                    render(ctx, "plugin-page.ftlh", model);
                })
                .onFailure(ctx::fail);
    }

    private static String csrf(RoutingContext ctx) {
        dev.patron.host.auth.Sessions.Session session = ConsoleSecurity.session(ctx);
        return session == null ? "" : session.csrfToken();
    }

    private static String role(RoutingContext ctx) {
        dev.patron.host.auth.Principal principal = Access.principal(ctx);
        return principal == null ? "viewer" : principal.role().json();
    }

    /** Pages without a session (sign-in, setup): no navigation. */
    private void renderBare(RoutingContext ctx, String template, Map<String, Object> model) {
        Messages messages = new Messages(locale(ctx));
        model.put("t", messages);
        model.put("lang", messages.locale().getLanguage());
        model.put("path", ctx.request().path());
        model.put("pluginNav", java.util.List.of());
        vertx.executeBlocking(() -> templates.render(template, model), false)
                .onSuccess(html -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("X-Frame-Options", "DENY").end(html))
                .onFailure(ctx::fail);
    }

    void render(RoutingContext ctx, String template, Map<String, Object> model) {
        Messages messages = new Messages(locale(ctx));
        dev.patron.host.auth.Sessions.Session session = ConsoleSecurity.session(ctx);
        if (session != null) {
            model.put("csrf", session.csrfToken());
            model.put("user", session.principal());
        }
        model.put("t", messages);
        model.put("lang", messages.locale().getLanguage());
        model.put("path", ctx.request().path());
        model.put("currency", patron.config().currency().getCurrencyCode());
        model.put("fmt", formats(messages.locale()));
        vertx.executeBlocking(() -> {
            model.put("pluginNav", plugins.navigation(messages.locale()));
            return templates.render(template, model);
        }, false)
                .onSuccess(html -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("X-Content-Type-Options", "nosniff").putHeader("X-Frame-Options", "DENY")
                        .putHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
                        .end(html))
                .onFailure(ctx::fail);
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = failure instanceof NotFoundException ? 404 : failure instanceof InvalidInputException ? 400
                : failure instanceof Access.ForbiddenException ? 403
                : failure instanceof dev.patron.host.web.auth.ApiAuthHandler.UnauthorizedException ? 401
                : ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        Messages messages = new Messages(locale(ctx));
        String message = status == 500 ? "The page failed to load; the server log has the details."
                : status == 413 ? messages.get("error.tooLarge", formats(messages.locale()).bytes(ImportPages.MAX_UPLOAD_BYTES))
                : failure != null ? failure.getMessage() : "Not found";
        if (status == 500) {
            org.slf4j.LoggerFactory.getLogger(ConsoleRoutes.class).error("console page {} failed", ctx.request().path(), failure);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("message", message);
        model.put("t", messages);
        model.put("lang", messages.locale().getLanguage());
        model.put("path", ctx.request().path());
        model.put("pluginNav", java.util.List.of());
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .end(templates.render("error.ftlh", model));
    }

    /**
     * Chinese or English: {@code ?lang=zh|en} (remembered for a signed-in user), else the user's
     * saved choice, else the browser's first language.
     */
    Locale locale(RoutingContext ctx) {
        String lang = ctx.request().getParam("lang");
        dev.patron.host.auth.Sessions.Session session = ConsoleSecurity.session(ctx);
        if (lang != null && session != null && (lang.equals("zh") || lang.equals("en")) && !lang.equals(session.locale())) {
            String userId = session.principal().userId();
            String chosen = lang;
            vertx.executeBlocking(() -> {
                patron.auth().users().setLocale(userId, chosen);
                return null;
            }, false);
        }
        if (lang == null && session != null) {
            lang = session.locale();
        }
        if (lang == null) {
            String header = ctx.request().getHeader("Accept-Language");
            lang = header == null ? "en" : header.split("[,;-]")[0].trim();
        }
        return lang.toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int parsePage(String raw) {
        try {
            return raw == null ? 1 : Math.max(1, Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Money and dates for a reader of {@code locale}, in the shop currency and time zone. */
    LocaleFormats formats(Locale locale) {
        return new LocaleFormats(locale, patron.config().currency(), patron.config().zone());
    }
}
