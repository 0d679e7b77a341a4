package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiRequest;
import dev.patron.api.web.ApiResponse;
import dev.patron.api.web.ApiRoute;
import dev.patron.api.web.ConsolePage;
import dev.patron.api.web.PageRequest;
import dev.patron.api.web.PageView;
import dev.patron.host.web.console.ConsoleTemplates;
import dev.patron.host.web.console.Messages;
import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin end to end on the testkit's generated shop: a full scoring run through the host's
 * summary reader, the model as the host stores it, the {@code GET /model} route, the model page
 * and the customer panel rendered with the console's own FreeMarker set-up and message bundles.
 */
class ClvWebTest {

    @TempDir
    Path dir;

    private PluginTestbed bed;
    private ClvScorer scorer;
    private ClvWeb web;
    private LocalDate today;

    @BeforeEach
    void shop() {
        bed = PluginTestbed.forPlugin("clv").start(dir);
        bed.demoShop(600, 20260630L);
        scorer = bed.extension(ClvScorer.class);
        web = bed.extension(ClvWeb.class);
        today = bed.today();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aFullRunScoresEveryBuyer() {
        Map<String, List<Score>> scores = bed.score(scorer, today);
        long buyers = 0;
        for (Map.Entry<String, List<Score>> e : scores.entrySet()) {
            boolean hasOrders = bed.summary(e.getKey(), today).hasOrders();
            if (hasOrders) {
                buyers++;
                assertThat(e.getValue()).extracting(Score::name)
                        .containsExactly("clv", "p_alive", "expected_purchases_365d", "expected_order_value");
                e.getValue().forEach(s -> assertThat(s.value()).isNotNull().isNotNegative());
            } else {
                assertThat(e.getValue()).as(e.getKey()).isEmpty();
            }
        }
        assertThat(buyers).isGreaterThan(500);
        long rows = bed.queryOne("SELECT COUNT(*) AS n FROM scores WHERE plugin_id = 'clv'", r -> r.whole("n")).orElseThrow();
        assertThat(rows).isEqualTo(4 * buyers);
    }

    @Test
    void aNewOrderIsValuedWithTheStoredModel() {
        Model model = bed.fit(scorer, today);
        String id = firstBuyer();
        double before = value(bed.rescore(scorer, model, id), "clv");
        bed.order("o-extra-1", id, bed.now().minusSeconds(3_600).toString(), 250_00);
        double after = value(bed.rescore(scorer, model, id), "clv");
        assertThat(after).isNotEqualTo(before);
        assertThat(value(bed.rescore(scorer, model, id), "p_alive")).isGreaterThan(0.5); // just bought
    }

    @Test
    void theModelRouteAnswersWithTheLatestStoredModel() {
        ApiRoute route = web.routes().get(0);
        assertThat(route.method()).isEqualTo("GET");
        assertThat(route.path()).isEqualTo("/model");
        assertThat(route.role()).isEqualTo("viewer");
        assertThatThrownBy(() -> route.handler().handle(get())).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(404));

        Model older = new ClvScorer(bed.context()).fit(bed.population(today.minusDays(200)));
        store("run-old", today.minusDays(200), older, bed.now().toEpochMilli() - 86_400_000L);
        Model latest = bed.fit(scorer, today);
        store("run-new", today, latest, bed.now().toEpochMilli());

        ApiResponse response = route.handler().handle(get());
        assertThat(response.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.body();
        assertThat(body).containsEntry("runId", "run-new").containsEntry("asOf", today.toString())
                .containsEntry("method", "probabilistic").containsEntry("unit", "weeks").containsEntry("currency", "USD")
                .containsEntry("calibrationEnd", today.toString()).containsKeys("warnings", "settings", "clvDistribution");
        assertThat(io.vertx.core.json.Json.encode(body)).contains("\"fallback\":null"); // what the host writes
        Map<String, Object> bgnbd = map(body.get("bgnbd"));
        assertThat(bgnbd.get("status")).isEqualTo("fitted");
        assertThat(bgnbd.get("converged")).isEqualTo(true);
        assertThat(map(bgnbd.get("parameters"))).containsOnlyKeys("r", "alpha", "a", "b");
        assertThat(map(bgnbd.get("parameters")).get("r")).isEqualTo(latest.number("bgnbd.r"));
        assertThat(bgnbd.get("logLikelihood")).isEqualTo(latest.number("bgnbd.logLikelihood"));
        assertThat(bgnbd.get("customers")).isEqualTo(latest.number("bgnbd.customers").intValue());
        assertThat(bgnbd).containsKeys("iterations", "evaluations", "repeatCustomers", "distinctTriples");
        Map<String, Object> gg = map(body.get("gammaGamma"));
        assertThat(map(gg.get("parameters"))).containsOnlyKeys("p", "q", "gamma");
        assertThat(gg).containsKeys("logLikelihood", "customers", "converged", "correlation", "meanOrderValue");
        assertThat((String) gg.get("meanOrderValue")).matches("\\d+\\.\\d{2}"); // money as a decimal string
        assertThat(map(body.get("clvDistribution")).get("bins")).asList().hasSize(20);
    }

    @Test
    void aDamagedStoredModelAnswersAProblemThatSaysWhatToDo() {
        store("run-bad", today, Model.builder().number("version", 99).build(), bed.now().toEpochMilli());
        assertThatThrownBy(() -> web.routes().get(0).handler().handle(get())).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(500);
            assertThat(p.getMessage()).isEqualTo("the stored CLV model has layout version 99.0 instead of 1; run a full"
                    + " scoring run so the clv plugin fits a new model");
        });
    }

    @Test
    void theModelPageShowsBothFitsAndAHistogram() {
        ConsolePage page = web.pages().get(0);
        assertThat(page.path()).isEqualTo("/");
        assertThat(page.navLabelKey()).isEqualTo("clv.nav");
        assertThat(page.titleKey()).isEqualTo("clv.title");
        String empty = render(page.renderer().render(request(Locale.ENGLISH, null)), Locale.ENGLISH);
        assertThat(empty).contains("No CLV model yet");

        store("run-1", today, bed.fit(scorer, today), bed.now().toEpochMilli());
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            String html = render(page.renderer().render(request(locale, null)), locale);
            assertThat(html).contains("<svg class=\"chart\"", "<rect class=\"bar\"", "id=\"clv-bgnbd\"", "id=\"clv-gamma-gamma\"",
                    "<th scope=\"row\">alpha</th>", "<th scope=\"row\">gamma</th>", "BG/NBD + Gamma-Gamma");
            assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
            assertThat(html).doesNotContainPattern(">clv\\.[a-zA-Z.]+<"); // every message key resolved
            assertThat(html).contains("2026-06-30 12:00"); // fitted at, in the shop zone
        }
        assertThat(render(page.renderer().render(request(Locale.SIMPLIFIED_CHINESE, null)), Locale.SIMPLIFIED_CHINESE))
                .contains("CLV 分布", "对数似然", "是否收敛");
    }

    @Test
    void theModelPageExplainsAFallback() {
        bed.close();
        bed = PluginTestbed.forPlugin("clv").start(dir.resolve("small"));
        bed.customer("c-1");
        bed.order("o-1", "c-1", "2026-01-02T10:00:00Z", 20_00);
        web = bed.extension(ClvWeb.class);
        store("run-1", bed.today(), bed.fit(bed.extension(ClvScorer.class), bed.today()), bed.now().toEpochMilli());
        String html = render(web.pages().get(0).renderer().render(request(Locale.ENGLISH, null)), Locale.ENGLISH);
        assertThat(html).contains("id=\"clv-fallback\"", "BG/NBD not fitted: only 1 customer bought", "Margin model");
    }

    @Test
    void theCustomerPanelShowsTheStoredScores() {
        bed.score(scorer, today);
        String id = firstBuyer();
        Optional<PageView> panel = web.customerPanel(request(Locale.ENGLISH, id));
        assertThat(panel).isPresent();
        assertThat(panel.get().template()).isEqualTo("panel.ftlh");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) panel.get().model().get("scores");
        assertThat(rows).extracting(r -> r.get("name"))
                .containsExactly("clv", "p_alive", "expected_purchases_365d", "expected_order_value");
        assertThat((String) rows.get(0).get("value")).endsWith(" USD");
        assertThat((String) rows.get(1).get("value")).endsWith("%");
        String html = render(panel.get(), Locale.ENGLISH);
        assertThat(html).contains("Customer lifetime value", "Expected purchases, next 365 days", "P(alive) ");
        assertThat(render(panel.get(), Locale.SIMPLIFIED_CHINESE)).contains("未来 365 天的预期购买次数");

        String lead = bed.population(today).iterator().hasNext() ? firstLead() : null;
        assertThat(web.customerPanel(request(Locale.ENGLISH, lead))).isEmpty();
    }

    private String firstBuyer() {
        for (var customer : bed.population(today)) {
            if (customer.hasOrders() && customer.orderCount() > 1) {
                return customer.id();
            }
        }
        throw new AssertionError("the demo shop has no repeat buyer");
    }

    private String firstLead() {
        for (var customer : bed.population(today)) {
            if (!customer.hasOrders()) {
                return customer.id();
            }
        }
        throw new AssertionError("the demo shop has no lead");
    }

    private void store(String runId, LocalDate asOf, Model model, long fittedAt) {
        bed.update("INSERT INTO scoring_runs (id, status, trigger_name, as_of, plugins, started_at) VALUES (?, 'succeeded', 'cli',"
                + " ?, '[]', ?)", runId, asOf.toString(), fittedAt);
        bed.update("INSERT INTO scoring_models (plugin_id, scorer, run_id, as_of, model, fitted_at) VALUES (?, ?, ?, ?, ?, ?)",
                "clv", ClvScorer.class.getName(), runId, asOf.toString(), ModelJsonForTests.toJson(model), fittedAt);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static ApiRequest get() {
        return new ApiRequest("GET", "/model", Map.of(), Map.of(), null, "tester");
    }

    private static PageRequest request(Locale locale, String customerId) {
        return new PageRequest(Map.of(), locale, customerId, "viewer");
    }

    private static double value(List<Score> scores, String name) {
        return scores.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().value();
    }

    /** Renders as the console does ({@code PluginConsole}): the plugin's templates and messages, plus t, lang, role, csrf. */
    static String render(PageView view, Locale locale) {
        ClassLoader loader = ClvWebTest.class.getClassLoader();
        Messages messages = Messages.forPlugin("clv", loader, locale);
        Map<String, Object> model = new HashMap<>(view.model());
        model.put("t", messages);
        model.put("lang", messages.locale().getLanguage());
        model.put("role", "viewer");
        model.put("csrf", "");
        return new ConsoleTemplates(loader, "/templates/clv").render(view.template(), model);
    }
}
