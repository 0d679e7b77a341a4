package dev.patron.plugin.churn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnScorerTest {

    @TempDir
    Path dir;

    private static Optional<Score> find(List<Score> scores, String name) {
        return scores.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static String risk(Map<String, List<Score>> scores, String customer) {
        return find(scores.get(customer), "churn_risk").orElseThrow().label();
    }

    @Test
    void customersWithoutOrdersGetNoScores() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.customer("lead");
            assertThat(bed.score(bed.extension(ChurnScorer.class)).get("lead")).isEmpty();
        }
    }

    @Test
    void overdueComparesDaysSinceTheLastPurchaseDayWithKTimesTheMeanGap() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.customer("c-1");
            bed.order("o-1", "c-1", "2026-05-01T10:00:00Z", 50_00);
            bed.order("o-2", "c-1", "2026-05-31T10:00:00Z", 50_00); // mean gap 30 days, k = 2: overdue after 60 days
            ChurnScorer scorer = bed.extension(ChurnScorer.class);

            Map<String, List<Score>> onTheBoundary = bed.score(scorer, LocalDate.parse("2026-07-30")); // 60 days: 2.00×
            assertThat(find(onTheBoundary.get("c-1"), "overdue_ratio").orElseThrow().value()).isEqualTo(2.0);
            assertThat(risk(onTheBoundary, "c-1")).isEqualTo("none");

            Map<String, List<Score>> dayAfter = bed.score(scorer, LocalDate.parse("2026-07-31")); // 61 days: 2.03×
            Score overdue = find(dayAfter.get("c-1"), "overdue_ratio").orElseThrow();
            assertThat(overdue.value()).isEqualTo(2.03);
            assertThat(overdue.explanation()).isEqualTo("Last order 61 days ago, 2.03× the usual gap of 30.0 days between 2"
                    + " purchase days (overdue above 2× and from 14 days)");
            assertThat(risk(dayAfter, "c-1")).isEqualTo("overdue");
            assertThat(find(dayAfter.get("c-1"), "churn_risk").orElseThrow().explanation())
                    .startsWith("Fires: overdue, 61 days since the last order is 2.03× the usual gap of 30.0 days");
        }
    }

    @Test
    void overdueCountsDistinctPurchaseDaysNotOrders() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.customer("c-1");
            bed.order("o-1", "c-1", "2026-03-01T09:00:00Z", 20_00);
            bed.order("o-2", "c-1", "2026-03-01T17:00:00Z", 20_00); // same day: one visit
            bed.order("o-3", "c-1", "2026-04-01T10:00:00Z", 20_00);
            Score overdue = find(bed.score(bed.extension(ChurnScorer.class)).get("c-1"), "overdue_ratio").orElseThrow();
            // 2 purchase days, 31 days apart; 90 days since: 2.90×, not 5.81× (which 3 orders with gaps 0 and 31 would give).
            assertThat(overdue.value()).isEqualTo(2.9);
            assertThat(overdue.explanation()).contains("usual gap of 31.0 days between 2 purchase days");
        }
    }

    @Test
    void overdueNeverFiresBeforeTheMinimumDays() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.customer("daily");
            for (int day = 1; day <= 10; day++) {
                bed.order("o-" + day, "daily", String.format("2026-06-%02dT10:00:00Z", day), 5_00);
            }
            // Last purchase 2026-06-10, gap 1 day: any day after is far beyond 2× the gap, but the rule waits 14 days.
            Map<String, List<Score>> at20 = bed.score(bed.extension(ChurnScorer.class), LocalDate.parse("2026-06-30"));
            assertThat(risk(at20, "daily")).contains("overdue");
            Map<String, List<Score>> at13 = bed.score(bed.extension(ChurnScorer.class), LocalDate.parse("2026-06-23"));
            assertThat(find(at13.get("daily"), "overdue_ratio").orElseThrow().value()).isEqualTo(13.0);
            assertThat(risk(at13, "daily")).isEqualTo("none");
        }
    }

    @Test
    void spendDeclineFiresAtExactlyXPercentAndNotJustAbove() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            // Windows as of 2026-06-30, W = 90: recent 2026-04-02..06-30, earlier 2026-01-02..04-01.
            bed.customer("half");
            bed.order("h-1", "half", "2026-01-02T10:00:00Z", 60_00);
            bed.order("h-2", "half", "2026-04-01T10:00:00Z", 40_00); // last day of the earlier window
            bed.order("h-3", "half", "2026-06-30T10:00:00Z", 50_00); // today: in the recent window
            bed.customer("almost");
            bed.order("a-1", "almost", "2026-01-02T10:00:00Z", 60_00);
            bed.order("a-2", "almost", "2026-04-01T10:00:00Z", 40_00);
            bed.order("a-3", "almost", "2026-04-02T10:00:00Z", 50_01); // first day of the recent window
            bed.customer("old");
            bed.order("x-1", "old", "2026-01-01T10:00:00Z", 500_00); // before both windows: not counted
            bed.order("x-2", "old", "2026-03-01T10:00:00Z", 100_00);
            bed.order("x-3", "old", "2026-06-01T10:00:00Z", 100_00);

            Map<String, List<Score>> scores = bed.score(bed.extension(ChurnScorer.class));

            Score half = find(scores.get("half"), "spend_change").orElseThrow();
            assertThat(half.value()).isEqualTo(-50.0);
            assertThat(half.explanation()).isEqualTo("Net spend 50.00 in the last 90 days vs 100.00 in the 90 days before:"
                    + " -50.0% (alert at a fall of 50% or more)");
            assertThat(risk(scores, "half")).isEqualTo("spend_decline");

            assertThat(find(scores.get("almost"), "spend_change").orElseThrow().value()).isEqualTo(-50.0); // -49.99, rounded
            assertThat(risk(scores, "almost")).isEqualTo("none");

            assertThat(find(scores.get("old"), "spend_change").orElseThrow().value()).isEqualTo(0.0);
            assertThat(risk(scores, "old")).isEqualTo("none");
        }
    }

    @Test
    void spendDeclineNeedsTheMinimumEarlierSpendAndCountsRefundsWhenTheyHappen() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.customer("small");
            bed.order("s-1", "small", "2026-02-01T10:00:00Z", 20_00);
            bed.order("s-2", "small", "2026-03-01T10:00:00Z", 20_00); // 40.00 earlier, under the 50.00 minimum
            bed.customer("refunded");
            bed.order("r-1", "refunded", "2026-02-01T10:00:00Z", 100_00);
            bed.order("r-2", "refunded", "2026-05-01T10:00:00Z", 100_00);
            bed.refund("rf-1", "r-2", 60_00, "2026-05-10T10:00:00Z"); // recent net 40.00 vs 100.00: -60%

            Map<String, List<Score>> scores = bed.score(bed.extension(ChurnScorer.class));

            Score small = find(scores.get("small"), "spend_change").orElseThrow();
            assertThat(small.value()).isEqualTo(-100.0);
            assertThat(small.explanation()).endsWith("; earlier spend is below the 50.00 minimum, not judged");
            assertThat(risk(scores, "small")).doesNotContain("spend_decline");

            assertThat(find(scores.get("refunded"), "spend_change").orElseThrow().value()).isEqualTo(-60.0);
            assertThat(risk(scores, "refunded")).contains("spend_decline");
        }
    }

    @Test
    void aOneTimeBuyerFiresOnceExactlyNDaysHavePassed() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.customer("once");
            bed.order("o-1", "once", "2026-05-01T10:00:00Z", 30_00);
            bed.order("o-2", "once", "2026-05-01T18:00:00Z", 10_00); // same day: still one purchase day
            ChurnScorer scorer = bed.extension(ChurnScorer.class);

            Map<String, List<Score>> day59 = bed.score(scorer, LocalDate.parse("2026-06-29"));
            assertThat(find(day59.get("once"), "one_time_days").orElseThrow().value()).isEqualTo(59.0);
            assertThat(risk(day59, "once")).isEqualTo("none");

            Map<String, List<Score>> day60 = bed.score(scorer, LocalDate.parse("2026-06-30"));
            Score oneTime = find(day60.get("once"), "one_time_days").orElseThrow();
            assertThat(oneTime.value()).isEqualTo(60.0);
            assertThat(oneTime.explanation()).isEqualTo("One purchase day, 2026-05-01 (2 orders), 60 days ago, no return yet"
                    + " (alert from 60 days)");
            assertThat(risk(day60, "once")).isEqualTo("one_time");
            // One visit: no overdue ratio, and no spend decline (the one-time rule owns these customers).
            assertThat(find(day60.get("once"), "overdue_ratio")).isEmpty();
            assertThat(find(day60.get("once"), "spend_change")).isEmpty();
        }
    }

    @Test
    void theLabelNamesEveryRuleThatFires() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            Shop.regular(bed, "reg"); // 86 days since the last of four monthly orders; 100.00 recent vs 300.00 before
            Map<String, List<Score>> scores = bed.score(bed.extension(ChurnScorer.class));
            assertThat(risk(scores, "reg")).isEqualTo("overdue+spend_decline");
            assertThat(ChurnEvaluator.rulesIn("overdue+spend_decline")).containsExactly(Rule.OVERDUE, Rule.SPEND_DECLINE);
            assertThat(scores.get("reg")).extracting(Score::name)
                    .containsExactly("overdue_ratio", "spend_change", "churn_risk");
        }
    }

    @Test
    void aRuleSwitchedOffIsStillMeasuredButNeverFires() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts")
                .settings(Map.of("overdue.enabled", "false")).start(dir)) {
            Shop.regular(bed, "reg");
            Map<String, List<Score>> scores = bed.score(bed.extension(ChurnScorer.class));
            assertThat(risk(scores, "reg")).isEqualTo("spend_decline");
            assertThat(find(scores.get("reg"), "overdue_ratio").orElseThrow().explanation()).endsWith("; rule off)");
        }
    }

    @Test
    void theModelCarriesTheSettingsInForceAtFit() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            Shop.regular(bed, "reg");
            ChurnScorer scorer = bed.extension(ChurnScorer.class);
            Model model = bed.fit(scorer, bed.today());
            bed.settings(Map.of("overdue.gapMultiple", "10", "spendDecline.enabled", "false"));

            // Re-scoring with the stored model (as after an order) keeps the rules of that fit...
            assertThat(risk(bed.score(scorer, model, bed.today()), "reg")).isEqualTo("overdue+spend_decline");
            // ...and the next full run applies the new settings to everyone.
            assertThat(risk(bed.score(scorer, bed.today()), "reg")).isEqualTo("none");
        }
    }

    @Test
    void anUnfittedModelScoresWithTheDefaults() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            Shop.regular(bed, "reg");
            assertThat(risk(bed.score(bed.extension(ChurnScorer.class), Model.EMPTY, bed.today()), "reg"))
                    .isEqualTo("overdue+spend_decline");
        }
    }
}
