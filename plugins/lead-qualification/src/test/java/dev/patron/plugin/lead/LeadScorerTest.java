package dev.patron.plugin.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadScorerTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @TempDir
    Path dir;

    static Map<String, Score> byName(List<Score> scores) {
        return scores.stream().collect(Collectors.toMap(Score::name, s -> s, (a, b) -> a, LinkedHashMap::new));
    }

    PluginTestbed bed() {
        return PluginTestbed.forPlugin("lead-qualification").currency("CNY").zone("Asia/Shanghai").start(dir);
    }

    @Test
    void scoresLeadsAndLeavesOtherCustomersAlone() {
        try (PluginTestbed bed = bed()) {
            bed.customer("c-1", Map.of("budget", "50000.00", "role", "owner", "decisionMaker", true,
                    "need", "bulk tea for 12 stores", "inquiredAt", "2026-06-27"));
            bed.customer("c-2", Map.of("budget", 5000, "role", "engineer", "inquiredAt", "2026-05-01"));
            bed.customer("c-3", Map.of("loyaltyCard", "A-17"));
            bed.customer("c-4");
            bed.order("o-1", "c-3", "2026-05-01T10:00:00Z", 12_990);

            Map<String, List<Score>> scores = bed.score(bed.extension(LeadScorer.class), AS_OF);

            Map<String, Score> c1 = byName(scores.get("c-1"));
            assertThat(c1.keySet()).containsExactly("class", "combination", "priority", "money", "authority", "need");
            assertThat(c1.get("class").label()).isEqualTo("qualified");
            assertThat(c1.get("combination").label()).isEqualTo("M+A+N");
            assertThat(c1.get("priority").value()).isEqualTo(100.0);
            assertThat(c1.get("money").explanation()).isEqualTo("Money ✓ budget 50,000.00 ≥ 20,000.00");
            assertThat(c1.get("authority").explanation())
                    .isEqualTo("Authority ✓ role 'owner' in [owner, director, purchasing manager]; decisionMaker = true");
            assertThat(c1.get("need").explanation())
                    .isEqualTo("Need ✓ need 'bulk tea for 12 stores'; inquired 3 days ago, on 2026-06-27 (within 30 days)");

            Map<String, Score> c2 = byName(scores.get("c-2"));
            assertThat(c2.get("class").label()).isEqualTo("not_target");
            assertThat(c2.get("combination").label()).isEqualTo("none");
            assertThat(c2.get("money").explanation()).isEqualTo("Money ✗ budget 5,000.00 < 20,000.00");
            assertThat(c2.get("need").explanation())
                    .isEqualTo("Need ✗ need not given; inquired 60 days ago, on 2026-05-01 (more than 30 days)");

            assertThat(scores.get("c-3")).isEmpty();
            assertThat(scores.get("c-4")).isEmpty();

            // the rows the leads route reads
            assertThat(bed.query("SELECT customer_id, label FROM scores WHERE plugin_id = ? AND name = 'class'"
                            + " ORDER BY customer_id", row -> row.text("customer_id") + "=" + row.text("label"),
                    "lead-qualification"))
                    .containsExactly("c-1=qualified", "c-2=not_target");
        }
    }

    @Test
    void aLeadWithAnOrderUpToTheScoringDateIsConverted() {
        try (PluginTestbed bed = bed()) {
            bed.customer("c-1", Map.of("budget", "50000", "role", "owner", "inquiredAt", "2026-06-01"));
            bed.order("o-1", "c-1", "2026-06-12T02:00:00Z", 88_00);
            bed.customer("c-2", Map.of("budget", "50000", "role", "owner"));
            bed.order("o-2", "c-2", "2026-07-05T02:00:00Z", 88_00); // after the scoring date

            LeadScorer scorer = bed.extension(LeadScorer.class);
            Map<String, List<Score>> scores = bed.score(scorer, AS_OF);

            Map<String, Score> c1 = byName(scores.get("c-1"));
            assertThat(c1.get("class").label()).isEqualTo("converted");
            assertThat(c1.get("class").explanation())
                    .isEqualTo("Converted: first order on 2026-06-12; the profile meets M+A+N (qualified prospect by the MAN rule)");
            assertThat(c1.get("combination").label()).isEqualTo("M+A+N");
            assertThat(c1.get("priority").value()).isZero();
            assertThat(byName(scores.get("c-2")).get("class").label()).isEqualTo("potential");

            // the host's re-scoring after the order, with the stored model and no refit
            Model model = bed.fit(scorer, AS_OF);
            bed.setTime("2026-07-05T12:00:00Z");
            List<Score> rescored = bed.rescore(scorer, model, "c-2");
            assertThat(byName(rescored).get("class").label()).isEqualTo("converted");
        }
    }

    @Test
    void theModelFreezesTheSettingsOfTheFullRun() {
        try (PluginTestbed bed = bed()) {
            bed.customer("c-1", Map.of("budget", "15000", "role", "owner", "need", "samples"));
            LeadScorer scorer = bed.extension(LeadScorer.class);
            Model model = bed.fit(scorer, AS_OF);
            assertThat(model.text("setting.money.threshold")).isEqualTo("20000.00");

            bed.settings(Map.of(LeadSettings.THRESHOLD, "10000.00"));
            // re-scoring with the stored model keeps the run's threshold ...
            assertThat(byName(bed.score(scorer, model, AS_OF).get("c-1")).get("class").label()).isEqualTo("potential");
            // ... the next full run applies the new one
            assertThat(byName(bed.score(scorer, AS_OF).get("c-1")).get("class").label()).isEqualTo("qualified");
            // before any fit, the current settings apply
            assertThat(byName(bed.score(scorer, Model.EMPTY, AS_OF).get("c-1")).get("class").label()).isEqualTo("qualified");
        }
    }

    @Test
    void remappedAttributesAndBantModeEndToEnd() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("lead-qualification").currency("CNY")
                .settings(Map.of(LeadSettings.MODE, "bant", LeadSettings.BUDGET_ATTRIBUTE, "yusuan",
                        LeadSettings.ROLE_ATTRIBUTE, "zhiwei", LeadSettings.ROLES, "总经理, 采购经理",
                        LeadSettings.NEED_ATTRIBUTE, "xuqiu", LeadSettings.TIMELINE_ATTRIBUTE, "plannedPurchase",
                        LeadSettings.TIMELINE_DAYS, "60"))
                .start(dir)) {
            bed.customer("c-1", Map.of("yusuan", "80000", "zhiwei", "采购经理", "xuqiu", "茶叶礼盒", "plannedPurchase", "2026-08-15"));
            bed.customer("c-2", Map.of("yusuan", "80000", "zhiwei", "采购经理", "xuqiu", "茶叶礼盒", "plannedPurchase", "2026-12-15"));

            Map<String, List<Score>> scores = bed.score(bed.extension(LeadScorer.class), AS_OF);

            Map<String, Score> c1 = byName(scores.get("c-1"));
            assertThat(c1.get("class").label()).isEqualTo("qualified");
            assertThat(c1.get("combination").label()).isEqualTo("M+A+N+T");
            assertThat(c1.get("timeline").explanation())
                    .isEqualTo("Timeline ✓ purchase planned in 46 days, on 2026-08-15 (within 60 days)");
            assertThat(c1.get("authority").explanation()).isEqualTo("Authority ✓ zhiwei '采购经理' in [总经理, 采购经理]");
            Map<String, Score> c2 = byName(scores.get("c-2"));
            assertThat(c2.get("class").label()).isEqualTo("potential");
            assertThat(c2.get("combination").label()).isEqualTo("M+A+N");
            assertThat(c2.get("priority").value()).isEqualTo(90.0);
        }
    }

    @Test
    void invalidStoredSettingsFailTheFitWithTheirMessage() {
        try (PluginTestbed bed = bed()) {
            bed.settings(Map.of(LeadSettings.BAND_ATTRIBUTE, "companySize"));
            LeadScorer scorer = bed.extension(LeadScorer.class);
            assertThatThrownBy(() -> bed.fit(scorer, AS_OF)).isInstanceOf(PatronPluginException.class)
                    .hasMessageContaining("'money.bandValues' must list at least one value");
        }
    }

    @Test
    void scoresTheDemoShopsLeads() {
        try (PluginTestbed bed = bed()) {
            bed.demoShop(400, 7);
            Map<String, List<Score>> scores = bed.score(bed.extension(LeadScorer.class));
            long leads = scores.values().stream().filter(s -> !s.isEmpty()).count();
            assertThat(leads).isPositive();
            Map<String, Long> classes = scores.values().stream().filter(s -> !s.isEmpty())
                    .collect(Collectors.groupingBy(s -> byName(s).get("class").label(), Collectors.counting()));
            assertThat(classes.keySet()).containsAnyOf("qualified", "potential", "lead");
            assertThat(classes).containsKey("converted"); // demo buyers who also carry lead attributes
        }
    }
}
