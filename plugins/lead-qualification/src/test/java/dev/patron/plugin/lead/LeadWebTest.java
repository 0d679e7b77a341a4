package dev.patron.plugin.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiRequest;
import dev.patron.api.web.ApiResponse;
import dev.patron.api.web.ApiRoute;
import dev.patron.api.web.PageRequest;
import dev.patron.api.web.PageView;
import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadWebTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @TempDir
    Path dir;

    PluginTestbed bed;
    LeadWeb web;

    @BeforeEach
    void shop() {
        bed = PluginTestbed.forPlugin("lead-qualification").currency("CNY").zone("Asia/Shanghai").start(dir);
        bed.migrate();
        Map<String, Object> rich = Map.of("budget", "50000", "role", "owner");
        lead("q-1", with(rich, "need", "tea", "inquiredAt", "2026-06-20"));
        lead("q-2", with(rich, "need", "tea", "inquiredAt", "2026-06-28"));
        lead("p-ma", with(rich, "inquiredAt", "2026-04-01"));              // inquiry too old: M+A
        lead("p-an", Map.of("role", "director", "inquiredAt", "2026-06-10"));
        lead("p-mn", Map.of("budget", "20000.00", "need", "gift boxes"));
        lead("l-m1", Map.of("budget", "90000", "inquiredAt", "2026-03-01"));
        lead("l-m2", Map.of("budget", "90000"));
        lead("l-a", Map.of("decisionMaker", true));
        lead("l-n", Map.of("need", "samples", "role", "clerk"));
        lead("x-1", Map.of("budget", "100", "role", "intern"));
        lead("conv", with(rich, "need", "tea"));
        bed.order("o-1", "conv", "2026-06-15T03:00:00Z", 10_00);
        bed.customer("plain", Map.of("vip", true));
        bed.order("o-2", "plain", "2026-06-15T03:00:00Z", 10_00);
        bed.score(bed.extension(LeadScorer.class), AS_OF);
        web = bed.extension(LeadWeb.class);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    void lead(String id, Map<String, Object> attributes) {
        bed.customer(id, attributes);
    }

    static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }

    ApiResponse call(String method, String path, Map<String, List<String>> query, Object body) {
        for (ApiRoute route : web.routes()) {
            Map<String, String> parameters = match(route.path(), path);
            if (route.method().equals(method) && parameters != null) {
                return route.handler().handle(new ApiRequest(method, path, parameters, query == null ? Map.of() : query, body,
                        "alice"));
            }
        }
        throw new AssertionError("no route " + method + " " + path);
    }

    static Map<String, String> match(String pattern, String path) {
        String[] p = pattern.substring(1).split("/");
        String[] a = path.substring(1).split("/");
        if (p.length != a.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i].startsWith(":")) {
                parameters.put(p[i].substring(1), a[i]);
            } else if (!p[i].equals(a[i])) {
                return null;
            }
        }
        return parameters;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> leads(Map<String, List<String>> query) {
        ApiResponse response = call("GET", "/leads", query, null);
        assertThat(response.status()).isEqualTo(200);
        return (Map<String, Object>) response.body();
    }

    @SuppressWarnings("unchecked")
    static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("customerId")).toList();
    }

    ApiProblem problem(String method, String path, Map<String, List<String>> query, Object body) {
        return catchThrowableOfType(ApiProblem.class, () -> call(method, path, query, body));
    }

    @Test
    void routesAndRoles() {
        assertThat(web.routes()).extracting(r -> r.method() + " " + r.path() + " " + r.role()).containsExactly(
                "GET /leads viewer", "GET /leads/:customerId viewer", "POST /leads/:customerId/status staff");
        assertThat(web.pages()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/");
            assertThat(p.navLabelKey()).isEqualTo("lead.nav");
        });
    }

    @Nested
    class Queue {

        @Test
        void ordersByPriorityThenMostRecentInquiryAndLeavesConvertedOut() {
            Map<String, Object> page = leads(Map.of());
            assertThat(ids(page)).containsExactly("q-2", "q-1", "p-ma", "p-an", "p-mn", "l-m1", "l-m2", "l-a", "l-n", "x-1");
            assertThat(page.get("counts")).isEqualTo(Map.of("qualified", 2, "potential", 3, "lead", 4, "not_target", 1,
                    "converted", 1));
            assertThat(page.get("nextCursor")).isNull();
        }

        @Test
        @SuppressWarnings("unchecked")
        void itemsCarryClassCombinationCriteriaAndFollowUp() {
            Map<String, Object> first = ((List<Map<String, Object>>) leads(Map.of()).get("items")).get(0);
            assertThat(first).containsEntry("customerId", "q-2").containsEntry("class", "qualified")
                    .containsEntry("combination", "M+A+N").containsEntry("priority", 100)
                    .containsEntry("inquiredAt", "2026-06-28").containsEntry("status", "new");
            List<Map<String, Object>> criteria = (List<Map<String, Object>>) first.get("criteria");
            assertThat(criteria).extracting(c -> c.get("name")).containsExactly("money", "authority", "need");
            assertThat(criteria.get(0)).containsEntry("met", true).containsEntry("letter", "M")
                    .containsEntry("explanation", "Money ✓ budget 50,000.00 ≥ 20,000.00");
        }

        @Test
        void filtersByClass() {
            assertThat(ids(leads(Map.of("class", List.of("potential"))))).containsExactly("p-ma", "p-an", "p-mn");
            assertThat(ids(leads(Map.of("class", List.of("converted"))))).containsExactly("conv");
            assertThat(ids(leads(Map.of("class", List.of("Qualified, not-target"))))).containsExactly("q-2", "q-1", "x-1");
            assertThat(ids(leads(Map.of("class", List.of("all"))))).hasSize(11).endsWith("conv");
        }

        @Test
        void pagesWithACursor() {
            Map<String, Object> first = leads(Map.of("limit", List.of("4")));
            assertThat(ids(first)).containsExactly("q-2", "q-1", "p-ma", "p-an");
            String cursor = (String) first.get("nextCursor");
            Map<String, Object> second = leads(Map.of("limit", List.of("4"), "cursor", List.of(cursor)));
            assertThat(ids(second)).containsExactly("p-mn", "l-m1", "l-m2", "l-a");
            Map<String, Object> third = leads(Map.of("limit", List.of("4"), "cursor", List.of((String) second.get("nextCursor"))));
            assertThat(ids(third)).containsExactly("l-n", "x-1");
            assertThat(third.get("nextCursor")).isNull();
        }

        @Test
        void rejectsUnknownClassesStatusesLimitsAndCursorsNamingTheAllowedValues() {
            ApiProblem badClass = problem("GET", "/leads", Map.of("class", List.of("hot")), null);
            assertThat(badClass.status()).isEqualTo(400);
            assertThat(badClass.fields()).containsOnlyKeys("class");
            assertThat(badClass.getMessage()).contains("'hot' is not a lead class")
                    .contains("qualified, potential, lead, not_target, converted or all");

            ApiProblem badStatus = problem("GET", "/leads", Map.of("status", List.of("won")), null);
            assertThat(badStatus.fields().get("status")).contains("new, contacted, nurturing, converted, dropped");

            assertThat(problem("GET", "/leads", Map.of("limit", List.of("0")), null).fields().get("limit"))
                    .contains("from 1 to 200");
            assertThat(problem("GET", "/leads", Map.of("limit", List.of("ten")), null).fields()).containsKey("limit");
            assertThat(problem("GET", "/leads", Map.of("cursor", List.of("!!")), null).fields()).containsKey("cursor");
        }
    }

    @Nested
    class FollowUp {

        @Test
        @SuppressWarnings("unchecked")
        void staffSetAStatusWithANoteAndTheHistoryIsKept() {
            ApiResponse created = call("POST", "/leads/p-ma/status", null, Map.of("status", "contacted", "note", " called, wants samples "));
            assertThat(created.status()).isEqualTo(201);
            assertThat((Map<String, Object>) created.body()).containsEntry("status", "contacted")
                    .containsEntry("previousStatus", "new").containsEntry("note", "called, wants samples")
                    .containsEntry("actor", "alice").containsEntry("seq", 1L).containsEntry("at", "2026-06-30T12:00:00Z");

            bed.advanceTime(java.time.Duration.ofHours(2));
            call("POST", "/leads/p-ma/status", null, Map.of("status", "NURTURING"));

            assertThat(ids(leads(Map.of("status", List.of("nurturing"))))).containsExactly("p-ma");
            assertThat(ids(leads(Map.of("status", List.of("new"))))).doesNotContain("p-ma").contains("q-2");
            Map<String, Object> lead = (Map<String, Object>) call("GET", "/leads/p-ma", Map.of(), null).body();
            assertThat(lead).containsEntry("status", "nurturing").containsEntry("class", "potential")
                    .containsEntry("combination", "M+A").containsEntry("priority", 80)
                    .containsEntry("note", null).containsEntry("statusUpdatedBy", "alice")
                    .containsEntry("statusUpdatedAt", "2026-06-30T14:00:00Z");
            List<Map<String, Object>> history = (List<Map<String, Object>>) lead.get("history");
            assertThat(history).extracting(h -> h.get("previousStatus") + "->" + h.get("status"))
                    .containsExactly("contacted->nurturing", "new->contacted");
            assertThat(history.get(1)).containsEntry("note", "called, wants samples").containsEntry("atLocal", "2026-06-30 20:00");
        }

        @Test
        void anUnknownStatusIsRejectedNamingTheAllowedValues() {
            ApiProblem p = problem("POST", "/leads/p-ma/status", null, Map.of("status", "won"));
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.fields()).containsOnlyKeys("status");
            assertThat(p.fields().get("status"))
                    .isEqualTo("'won' is not a follow-up status; use one of new, contacted, nurturing, converted, dropped");
            assertThat(p.getMessage()).contains("new, contacted, nurturing, converted, dropped");
            assertThat(bed.query("SELECT COUNT(*) AS n FROM lead_qualification_followups", r -> r.whole("n")))
                    .containsExactly(0L);
        }

        @Test
        void otherInvalidBodiesAreRejected() {
            assertThat(problem("POST", "/leads/p-ma/status", null, Map.of("note", "x")).fields().get("status"))
                    .startsWith("is required");
            assertThat(problem("POST", "/leads/p-ma/status", null, Map.of("status", 3)).fields()).containsKey("status");
            assertThat(problem("POST", "/leads/p-ma/status", null, Map.of("status", "contacted", "owner", "bob")).fields())
                    .containsOnlyKeys("owner");
            assertThat(problem("POST", "/leads/p-ma/status", null, Map.of("status", "contacted", "note", "x".repeat(2001)))
                    .fields()).containsOnlyKeys("note");
            assertThat(problem("POST", "/leads/p-ma/status", null, List.of()).status()).isEqualTo(400);
            ApiProblem missing = problem("POST", "/leads/nobody/status", null, Map.of("status", "contacted"));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(problem("GET", "/leads/nobody", Map.of(), null).status()).isEqualTo(404);
        }

        @Test
        @SuppressWarnings("unchecked")
        void aConvertedLeadWithoutARowShowsConvertedAndStaffCanRecordIt() {
            Map<String, Object> lead = (Map<String, Object>) call("GET", "/leads/conv", Map.of(), null).body();
            assertThat(lead).containsEntry("class", "converted").containsEntry("status", "converted");
            ApiResponse response = call("POST", "/leads/conv/status", null, Map.of("status", "converted", "note", "big order"));
            assertThat((Map<String, Object>) response.body()).containsEntry("previousStatus", "converted");
            assertThat(bed.query("SELECT converted_at FROM lead_qualification_pipeline WHERE customer_id = 'conv'",
                    r -> r.whole("converted_at"))).containsExactly(bed.now().toEpochMilli());
        }
    }

    @Nested
    class Console {

        String render(PageView view, Locale locale, String role) {
            ClassLoader loader = LeadWeb.class.getClassLoader();
            dev.patron.host.web.console.Messages messages =
                    dev.patron.host.web.console.Messages.forPlugin("lead-qualification", loader, locale);
            Map<String, Object> model = new HashMap<>(view.model());
            model.put("t", messages);
            model.put("lang", messages.locale().getLanguage());
            model.put("role", role);
            model.put("csrf", "token");
            String html = new dev.patron.host.web.console.ConsoleTemplates(loader, "/templates/lead-qualification")
                    .render(view.template(), model);
            assertThat(html).as("every message key is defined").doesNotContainPattern("lead\\.[a-z]+\\.?[a-zA-Z_]*");
            return html;
        }

        PageView page(Map<String, List<String>> query, String role) {
            return web.pages().get(0).renderer().render(new PageRequest(query, Locale.ENGLISH, null, role));
        }

        @Test
        void thePipelinePageListsLeadsWithStatusFormsForStaffOnly() {
            String staff = render(page(Map.of(), "staff"), Locale.ENGLISH, "staff");
            assertThat(staff).contains("Qualified prospect").contains("M+A+N")
                    .contains("data-api=\"/api/v1/plugins/lead-qualification/leads/q-2/status\"")
                    .contains("Money ✓ budget 50,000.00 ≥ 20,000.00")
                    .contains("href=\"/console/customers/q-2?lang=en\"");
            assertThat(staff.indexOf("q-2")).isLessThan(staff.indexOf("q-1"));
            String viewer = render(page(Map.of(), "viewer"), Locale.ENGLISH, "viewer");
            assertThat(viewer).contains("M+A+N").doesNotContain("data-api");
        }

        @Test
        void thePageFiltersPagesAndShowsBadFilters() {
            PageView converted = page(Map.of("class", List.of("converted")), "admin");
            assertThat(render(converted, Locale.ENGLISH, "admin")).contains("conv").doesNotContain("q-2");
            PageView badView = page(Map.of("class", List.of("hot")), "staff");
            assertThat(badView.model().get("counts")).isEqualTo(Map.of("qualified", 2, "potential", 3, "lead", 4,
                    "not_target", 1, "converted", 1));
            assertThat((List<?>) badView.model().get("items")).isEmpty();
            String bad = render(badView, Locale.ENGLISH, "staff");
            assertThat(bad).contains("class &#39;hot&#39; is not a lead class");
        }

        @Test
        void thePageSpeaksChinese() {
            String html = render(page(Map.of(), "staff"), Locale.SIMPLIFIED_CHINESE, "staff");
            assertThat(html).contains("合格潜在客户").contains("资金 ✓").contains("跟进状态");
        }

        @Test
        void theCustomerPanelShowsTheLeadAndItsFollowUp() {
            call("POST", "/leads/p-an/status", null, Map.of("status", "contacted", "note", "sent catalogue"));
            Optional<PageView> panel = web.customerPanel(new PageRequest(Map.of(), Locale.ENGLISH, "p-an", "staff"));
            assertThat(panel).isPresent();
            String html = render(panel.get(), Locale.ENGLISH, "staff");
            assertThat(html).contains("Potential").contains("A+N").contains("70")
                    .contains("Authority ✓ role &#39;director&#39; in [owner, director, purchasing manager]")
                    .contains("Need ✓ inquired 20 days ago, on 2026-06-10 (within 30 days)")
                    .contains("sent catalogue").contains("data-api=\"/api/v1/plugins/lead-qualification/leads/p-an/status\"");
            String zh = render(web.customerPanel(new PageRequest(Map.of(), Locale.SIMPLIFIED_CHINESE, "p-an", "viewer")).get(),
                    Locale.SIMPLIFIED_CHINESE, "viewer");
            assertThat(zh).contains("潜力客户").contains("已联系").doesNotContain("data-api");
        }

        @Test
        void noPanelForCustomersWhoAreNotLeads() {
            assertThat(web.customerPanel(new PageRequest(Map.of(), Locale.ENGLISH, "plain", "staff"))).isEmpty();
            assertThat(web.customerPanel(new PageRequest(Map.of(), Locale.ENGLISH, "nobody", "staff"))).isEmpty();
        }
    }

    @Test
    void scoringAfterAStatusChangeKeepsTheFollowUp() {
        call("POST", "/leads/q-1/status", null, Map.of("status", "dropped", "note", "went elsewhere"));
        bed.score(bed.extension(LeadScorer.class), AS_OF);
        assertThat(ids(leads(Map.of("status", List.of("dropped"))))).containsExactly("q-1");
        assertThatThrownBy(() -> call("PUT", "/leads", Map.of(), null)).isInstanceOf(AssertionError.class);
    }
}
