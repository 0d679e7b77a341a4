package dev.patron.plugin.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiRequest;
import dev.patron.api.web.ApiResponse;
import dev.patron.api.web.ApiRoute;
import dev.patron.api.web.ConsolePage;
import dev.patron.api.web.PageRequest;
import dev.patron.api.web.PageView;
import dev.patron.testkit.PluginTestbed;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnWebTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    private static ApiResponse call(ChurnWeb web, String path, Map<String, String> parameters) {
        ApiRoute route = web.routes().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
        assertThat(route.role()).isEqualTo("viewer");
        return route.handler().handle(new ApiRequest("GET", path, parameters, Map.of(), null, "tester"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(Map<String, Object> status, String id) {
        return ((List<Map<String, Object>>) status.get("rules")).stream().filter(r -> r.get("rule").equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStatusRouteShowsRulesThresholdsAvailabilityAndFlaggedCustomers() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.migrate();
            ChurnWeb web = bed.extension(ChurnWeb.class);
            Map<String, Object> before = (Map<String, Object>) call(web, "/status", Map.of()).body();
            assertThat(before.get("pAliveAvailable")).isEqualTo(false);
            assertThat(before.get("lastRun")).isNull();
            assertThat(rule(before, "p_alive")).containsEntry("state", "unavailable").containsEntry("enabled", true)
                    .containsEntry("available", false).containsKey("unavailableReason");
            assertThat(rule(before, "overdue")).containsEntry("state", "active")
                    .containsEntry("thresholds", Map.of("gapMultiple", 2.0, "minDays", 14L));
            assertThat((Map<String, Object>) rule(before, "spend_decline").get("thresholds"))
                    .containsEntry("windowDays", 90L).containsEntry("percent", 50.0).containsEntry("minEarlierSpend", "50.00");

            Shop.regular(bed, "c-1");
            Shop.pAlive(bed, "c-1", 0.1);
            Shop.run(bed);
            Shop.acknowledge(bed, "overdue:c-1");
            Map<String, Object> after = (Map<String, Object>) call(web, "/status", Map.of()).body();
            assertThat(after.get("pAliveAvailable")).isEqualTo(true);
            assertThat(rule(after, "p_alive")).containsEntry("state", "active").doesNotContainKey("unavailableReason")
                    .containsEntry("flagged", Map.of("open", 1L, "acknowledged", 0L, "total", 1L));
            assertThat(rule(after, "overdue")).containsEntry("flagged", Map.of("open", 0L, "acknowledged", 1L, "total", 1L));
            assertThat((Map<String, Object>) after.get("lastRun")).containsEntry("opened", 3L).containsEntry("asOf", "2026-06-30");
            assertThat((Map<String, Object>) after.get("severity")).containsEntry("useClv", true)
                    .containsEntry("clvCritical", "2000.00");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCustomerRouteShowsTheScoresInputsAndUnresolvedAlerts() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.migrate();
            Shop.regular(bed, "c-1");
            Shop.tier(bed, "c-1", "Gold");
            Shop.run(bed);
            ChurnWeb web = bed.extension(ChurnWeb.class);
            Map<String, Object> body = (Map<String, Object>) call(web, "/customers/:customerId", Map.of("customerId", "c-1")).body();
            assertThat((List<Map<String, Object>>) body.get("scores")).extracting(s -> s.get("name"))
                    .containsExactlyInAnyOrder("churn_risk", "overdue_ratio", "spend_change");
            assertThat(body.get("summaryRulesFiring")).isEqualTo(List.of("overdue", "spend_decline"));
            assertThat((Map<String, Object>) body.get("inputs")).containsKey("rfm.tier");
            assertThat((List<Map<String, Object>>) body.get("alerts")).extracting(a -> a.get("dedupKey"), a -> a.get("severity"))
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("overdue:c-1", "WARNING"),
                            org.assertj.core.groups.Tuple.tuple("spend_decline:c-1", "WARNING"));

            assertThatThrownBy(() -> call(web, "/customers/:customerId", Map.of("customerId", "nobody")))
                    .isInstanceOf(ApiProblem.class).satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(404));
        }
    }

    @Test
    void theConsolePageRendersInEnglishAndChinese() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.migrate();
            Shop.regular(bed, "c-1");
            bed.customer("c-2", Map.of());
            bed.update("UPDATE customers SET name = ? WHERE id = ?", "Lin <Mei>", "c-2");
            bed.order("c-2-1", "c-2", "2026-03-01T10:00:00Z", 12_00);
            Shop.tier(bed, "c-1", "Platinum");
            Shop.run(bed);
            ConsolePage page = bed.extension(ChurnWeb.class).pages().get(0);
            assertThat(page.path()).isEqualTo("/");
            assertThat(page.navLabelKey()).isEqualTo("churn.nav");

            PageView view = page.renderer().render(new PageRequest(Map.of(), Locale.ENGLISH, null, "admin"));
            String en = render(view, Locale.ENGLISH, "admin");
            assertThat(en).contains("Overdue", "Probability alive", "unavailable", "Needs the clv plugin",
                    "days since the last purchase day exceed 2 × the usual gap between purchase days, and at least 14 days",
                    "net spend fell by 50% or more in the last 90 days against the 90 days before, from at least 50.00 USD",
                    "one purchase day and no return for 60 days", "p_alive below 0.3",
                    "Change rules and thresholds", "/console/plugins/churn-alerts/settings",
                    "Overdue customer: c-1, 2.87× their usual gap", "sev-critical",
                    "One-time buyer not back: Lin &lt;Mei&gt; (c-2), no return in 121 days");
            assertThat(en).doesNotContain("churn.", "Lin <Mei>");
            assertThat(count(en, "<tr id=\"churn-rule-")).isEqualTo(4);

            String zh = render(page.renderer().render(new PageRequest(Map.of("rule", List.of("one_time")), ZH, null, "viewer")),
                    ZH, "viewer");
            assertThat(zh).contains("流失预警", "逾期未购", "存活概率", "不可用", "一次性购买", "全部规则");
            assertThat(zh).doesNotContain("churn.", "/settings", "Overdue customer: c-1"); // filtered to one_time
            assertThat(zh).contains("One-time buyer not back");
        }
    }

    @Test
    void theCustomerPanelShowsTheChurnScoresWithTheirExplanations() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.migrate();
            Shop.regular(bed, "c-1");
            bed.customer("quiet");
            Shop.pAlive(bed, "c-1", 0.2);
            Shop.clv(bed, "c-1", 750.0);
            Shop.run(bed);
            ChurnWeb web = bed.extension(ChurnWeb.class);

            assertThat(web.customerPanel(new PageRequest(Map.of(), Locale.ENGLISH, "quiet", "viewer"))).isEmpty();
            assertThat(web.customerPanel(new PageRequest(Map.of(), Locale.ENGLISH, "ghost", "viewer"))).isEmpty();

            Optional<PageView> panel = web.customerPanel(new PageRequest(Map.of(), Locale.ENGLISH, "c-1", "viewer"));
            assertThat(panel).isPresent();
            String en = render(panel.get(), Locale.ENGLISH, "viewer");
            assertThat(en).contains("Churn risk", "Overdue ratio", "2.87×", "Spend change", "-66.7%",
                    "Last order 86 days ago", "Probability alive (clv)", "0.20", "Alert below 0.3.",
                    "Severity warning: CLV 750.00 ≥ 500.00 outranks no RFM tier", "Unresolved churn alerts", "sev-warning");
            assertThat(en).doesNotContain("churn.");
            String zh = render(panel.get(), ZH, "viewer");
            assertThat(zh).contains("流失风险", "逾期倍数", "存活概率（clv）").doesNotContain("churn.");
        }
    }

    @Test
    void bothLanguagesDefineTheSameKeysAndEveryKeyTheTemplatesUse() throws IOException {
        Properties en = properties("i18n/churn-alerts/messages.properties");
        Properties zh = properties("i18n/churn-alerts/messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        Set<String> used = new TreeSet<>();
        for (String template : List.of("overview.ftlh", "panel.ftlh")) {
            Matcher m = Pattern.compile("t\\(\"(churn\\.[a-zA-Z_.]+)\"").matcher(resource("templates/churn-alerts/" + template));
            while (m.find()) {
                if (!m.group(1).endsWith(".")) {
                    used.add(m.group(1));
                }
            }
        }
        for (Rule rule : Rule.values()) {
            used.add("churn.rule." + rule.id());
            used.add("churn.rule." + rule.id() + ".what");
        }
        for (String state : List.of("active", "off", "unavailable")) {
            used.add("churn.state." + state);
        }
        for (String score : List.of("churn_risk", "overdue_ratio", "spend_change", "one_time_days", "p_alive")) {
            used.add("churn.score." + score);
        }
        assertThat(en.stringPropertyNames()).containsAll(used);
    }

    // ------------------------------------------------------------------------------------------
    // Rendering as the host does: the plugin's templates through FreeMarker with auto-escaping
    // (.ftlh), messages from the plugin's bundle falling back to the host console's, and t, lang,
    // role and csrf in the model.

    private static String render(PageView view, Locale locale, String role) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassLoaderForTemplateLoading(ChurnWebTest.class.getClassLoader(), "/templates/churn-alerts");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer");
        configuration.setLocale(Locale.ROOT);
        Map<String, Object> model = new HashMap<>(view.model());
        model.put("t", new Messages(locale));
        model.put("lang", locale.getLanguage());
        model.put("role", role);
        model.put("csrf", "token");
        try {
            Template template = configuration.getTemplate(view.template());
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException | freemarker.template.TemplateException e) {
            throw new AssertionError("cannot render " + view.template() + ": " + e.getMessage(), e);
        }
    }

    private static final class Messages implements TemplateMethodModelEx {
        private final List<ResourceBundle> bundles = new ArrayList<>();
        private final Locale locale;

        Messages(Locale locale) {
            this.locale = locale;
            ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
            bundles.add(ResourceBundle.getBundle("i18n/churn-alerts/messages", locale, ChurnWebTest.class.getClassLoader(), control));
            bundles.add(ResourceBundle.getBundle("i18n/console", locale, ChurnWebTest.class.getClassLoader(), control));
        }

        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws freemarker.template.TemplateModelException {
            String key = String.valueOf(arguments.get(0));
            Object[] args = new Object[arguments.size() - 1];
            for (int i = 1; i < arguments.size(); i++) {
                args[i - 1] = DeepUnwrap.unwrap((TemplateModel) arguments.get(i));
            }
            for (ResourceBundle bundle : bundles) {
                if (bundle.containsKey(key)) {
                    String pattern = bundle.getString(key);
                    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
                }
            }
            return key;
        }
    }

    private static Properties properties(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ChurnWebTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ChurnWebTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
