package dev.patron.plugin.churn;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginContext;
import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiRequest;
import dev.patron.api.web.ApiResponse;
import dev.patron.api.web.ApiRoute;
import dev.patron.api.web.ConsolePage;
import dev.patron.api.web.PageRequest;
import dev.patron.api.web.PageView;
import dev.patron.api.web.WebContribution;
import dev.patron.plugin.churn.ChurnStore.CustomerAlert;
import dev.patron.plugin.churn.ChurnStore.StoredScore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The plugin's routes, console page and customer panel. The alerts themselves live in the host's
 * inbox ({@code /api/v1/alerts}, the console's Alerts page); this adds the plugin's own view.
 *
 * <pre>
 * GET /api/v1/plugins/churn-alerts/status                  viewer: rules, thresholds, availability, flagged counts, last run
 * GET /api/v1/plugins/churn-alerts/customers/:customerId   viewer: one customer's churn scores, inputs and unresolved alerts
 * </pre>
 */
@Extension
public final class ChurnWeb implements WebContribution {

    static final int NEWEST_ALERTS = 20;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The plugin's own scores in the order the panel shows them. */
    private static final List<String> SCORE_ORDER = List.of(ChurnEvaluator.CHURN_RISK, ChurnEvaluator.OVERDUE_RATIO,
            ChurnEvaluator.SPEND_CHANGE, ChurnEvaluator.ONE_TIME_DAYS);

    private final PluginContext context;
    private final Money money;

    public ChurnWeb(PluginContext context) {
        this.context = context;
        this.money = new Money(context.currency());
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/status", "Churn rules: on or off, thresholds, whether the probability-alive rule is available"
                        + " (clv scores present), customers flagged per rule, and the last run", this::status),
                ApiRoute.get("/customers/:customerId", "One customer's churn scores with explanations, the clv and rfm inputs"
                        + " used for p_alive and severity, and their unresolved churn alerts", this::customer));
    }

    @Override
    public List<ConsolePage> pages() {
        return List.of(new ConsolePage("/", "churn.nav", "churn.title", this::overviewPage));
    }

    @Override
    public Optional<PageView> customerPanel(PageRequest request) {
        if (request.customerId() == null) {
            return Optional.empty();
        }
        Map<String, Object> view = context.store().read(db -> {
            if (ChurnStore.customer(db, request.customerId()).isEmpty()) {
                return null;
            }
            return customerView(ChurnStore.customerScores(db, request.customerId()),
                    ChurnStore.customerAlerts(db, context.pluginId(), request.customerId()));
        });
        if (view == null || (((List<?>) view.get("scores")).isEmpty() && ((List<?>) view.get("alerts")).isEmpty()
                && !view.containsKey("pAlive"))) {
            return Optional.empty();
        }
        Map<String, Object> model = new LinkedHashMap<>(view);
        model.put("customerId", request.customerId());
        return Optional.of(new PageView("panel.ftlh", model));
    }

    // ------------------------------------------------------------------------------------------
    // Routes

    private ApiResponse status(ApiRequest request) {
        return ApiResponse.ok(ChurnStatus.json(ChurnStatus.read(context)));
    }

    private ApiResponse customer(ApiRequest request) {
        String customerId = request.pathParameter("customerId");
        Map<String, Object> body = context.store().read(db -> {
            Optional<ChurnStore.Customer> customer = ChurnStore.customer(db, customerId);
            if (customer.isEmpty()) {
                return null;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("customerId", customerId);
            json.put("name", customer.get().name());
            json.putAll(customerJson(ChurnStore.customerScores(db, customerId),
                    ChurnStore.customerAlerts(db, context.pluginId(), customerId)));
            return json;
        });
        if (body == null) {
            throw new ApiProblem(404, "Not found", "no customer " + customerId);
        }
        return ApiResponse.ok(body);
    }

    private Map<String, Object> customerJson(List<StoredScore> scores, List<CustomerAlert> alerts) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> own = new ArrayList<>();
        String risk = null;
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (StoredScore score : scores) {
            if (score.pluginId().equals(context.pluginId())) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", score.name());
                s.put("value", score.value());
                s.put("label", score.label());
                s.put("explanation", score.explanation());
                s.put("computedAt", Instant.ofEpochMilli(score.computedAt()).toString());
                own.add(s);
                if (score.name().equals(ChurnEvaluator.CHURN_RISK)) {
                    risk = score.label();
                }
            } else {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("value", score.value());
                s.put("label", score.label());
                s.put("explanation", score.explanation());
                inputs.put(score.pluginId() + "." + score.name(), s);
            }
        }
        json.put("scores", own);
        List<String> firing = new ArrayList<>();
        ChurnEvaluator.rulesIn(risk).forEach(r -> firing.add(r.id()));
        json.put("summaryRulesFiring", firing);
        json.put("inputs", inputs);
        List<Map<String, Object>> open = new ArrayList<>();
        for (CustomerAlert alert : alerts) {
            open.add(alertJson(alert));
        }
        json.put("alerts", open);
        return json;
    }

    private static Map<String, Object> alertJson(CustomerAlert alert) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", alert.id());
        a.put("dedupKey", alert.dedupKey());
        a.put("customerId", alert.customerId());
        a.put("rule", alert.rule());
        a.put("severity", alert.severity());
        a.put("status", alert.status());
        a.put("title", alert.title());
        a.put("detail", alert.detail());
        a.put("openedAt", Instant.ofEpochMilli(alert.openedAt()).toString());
        a.put("lastSeenAt", Instant.ofEpochMilli(alert.lastSeenAt()).toString());
        return a;
    }

    // ------------------------------------------------------------------------------------------
    // Console

    private PageView overviewPage(PageRequest request) {
        ChurnStatus.Snapshot status = ChurnStatus.read(context);
        String selected = request.queryParameter("rule").orElse("").trim();
        Rule filter = Rule.fromId(selected);
        List<CustomerAlert> newest = context.store().read(db -> ChurnStore.newestOpen(db, context.pluginId(), filter,
                NEWEST_ALERTS));
        Map<String, Object> model = new LinkedHashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (ChurnStatus.RuleState rule : status.rules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rule.rule().id());
            r.put("state", rule.state());
            r.put("open", rule.open());
            r.put("acknowledged", rule.acknowledged());
            r.put("flagged", rule.flagged());
            rule.thresholds().forEach((k, v) -> r.put(k, v instanceof Double d ? ChurnSettings.plain(d) : String.valueOf(v)));
            if (rule.rule() == Rule.SPEND_DECLINE) {
                r.put("minEarlierSpend", money.major(status.settings().minEarlierSpend().doubleValue()));
            }
            rules.add(r);
        }
        model.put("rules", rules);
        model.put("pAliveAvailable", status.pAliveAvailable());
        model.put("pAliveReason", status.pAliveReason());
        if (status.settingsProblem() != null) {
            model.put("settingsProblem", status.settingsProblem());
        }
        if (status.settings() != null) {
            model.put("useClv", status.settings().useClv());
            model.put("clvWarning", money.major(status.settings().clvWarning().doubleValue()));
            model.put("clvCritical", money.major(status.settings().clvCritical().doubleValue()));
        }
        model.put("currency", context.currency().getCurrencyCode());
        status.lastRun().ifPresent(run -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("runId", run.runId());
            r.put("asOf", run.asOf());
            r.put("finishedAt", local(run.finishedAt()));
            r.put("evaluated", run.evaluated());
            r.put("opened", run.opened());
            r.put("refreshed", run.refreshed());
            r.put("resolved", run.resolved());
            if (!run.complete()) {
                r.put("resumeAfter", run.resumeAfter());
            }
            model.put("lastRun", r);
        });
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (CustomerAlert alert : newest) {
            Map<String, Object> a = new LinkedHashMap<>(alertJson(alert));
            a.put("openedAtLocal", local(alert.openedAt()));
            a.put("severityKey", alert.severity().toLowerCase(Locale.ROOT));
            alerts.add(a);
        }
        model.put("alerts", alerts);
        model.put("selectedRule", filter == null ? "" : filter.id());
        model.put("canConfigure", "admin".equals(request.role()));
        model.put("pluginId", context.pluginId());
        return new PageView("overview.ftlh", model);
    }

    private Map<String, Object> customerView(List<StoredScore> scores, List<CustomerAlert> alerts) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> own = new ArrayList<>();
        String risk = null;
        Double pAlive = null;
        String pAliveWhy = null;
        String tier = null;
        Double clv = null;
        for (String name : SCORE_ORDER) {
            for (StoredScore score : scores) {
                if (score.pluginId().equals(context.pluginId()) && score.name().equals(name)) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("name", name);
                    s.put("result", score.label() != null ? score.label() : number(name, score.value()));
                    s.put("explanation", score.explanation());
                    own.add(s);
                    if (name.equals(ChurnEvaluator.CHURN_RISK)) {
                        risk = score.label();
                    }
                }
            }
        }
        for (StoredScore score : scores) {
            if (score.pluginId().equals(ChurnStore.CLV) && score.name().equals(ChurnStore.P_ALIVE)) {
                pAlive = score.value();
                pAliveWhy = score.explanation();
            } else if (score.pluginId().equals(ChurnStore.CLV) && score.name().equals(ChurnStore.CLV_SCORE)) {
                clv = score.value();
            } else if (score.pluginId().equals(ChurnStore.RFM) && score.name().equals(ChurnStore.TIER)) {
                tier = score.label();
            }
        }
        view.put("scores", own);
        List<String> firing = new ArrayList<>();
        ChurnEvaluator.rulesIn(risk).forEach(r -> firing.add(r.id()));
        view.put("firing", firing);
        view.put("lost", ChurnEvaluator.LOST.equals(risk));
        ChurnSettings settings = null;
        try {
            settings = ChurnSettings.read(context.settings());
        } catch (PatronPluginException e) {
            view.put("settingsProblem", e.getMessage());
        }
        if (pAlive != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("value", String.format(Locale.ROOT, "%.2f", pAlive));
            p.put("explanation", pAliveWhy == null ? "" : pAliveWhy);
            p.put("below", settings != null && settings.pAliveOn() && pAlive < settings.pAliveThreshold());
            if (settings != null) {
                p.put("threshold", ChurnSettings.plain(settings.pAliveThreshold()));
            }
            view.put("pAlive", p);
        }
        if (settings != null && (tier != null || clv != null)) {
            view.put("severity", settings.severityPolicy().of(tier, clv, money).explanation());
        }
        if (tier != null) {
            view.put("tier", tier);
        }
        if (clv != null) {
            view.put("clv", money.major(clv));
        }
        List<Map<String, Object>> open = new ArrayList<>();
        for (CustomerAlert alert : alerts) {
            Map<String, Object> a = new LinkedHashMap<>(alertJson(alert));
            a.put("openedAtLocal", local(alert.openedAt()));
            a.put("severityKey", alert.severity().toLowerCase(Locale.ROOT));
            open.add(a);
        }
        view.put("alerts", open);
        return view;
    }

    private static String number(String name, Double value) {
        if (value == null) {
            return "—";
        }
        return switch (name) {
            case ChurnEvaluator.OVERDUE_RATIO -> String.format(Locale.ROOT, "%.2f×", value);
            case ChurnEvaluator.SPEND_CHANGE -> String.format(Locale.ROOT, "%+.1f%%", value);
            default -> String.format(Locale.ROOT, "%d", Math.round(value));
        };
    }

    private String local(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), context.shopZone()).format(MINUTES);
    }
}
