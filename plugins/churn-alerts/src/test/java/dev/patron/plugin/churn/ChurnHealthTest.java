package dev.patron.plugin.churn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.health.HealthCheck.Health;
import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnHealthTest {

    @TempDir
    Path dir;

    @Test
    void beforeAnyRunTheProbabilityAliveRuleIsUnavailableButThePluginIsUp() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.migrate();
            Health health = bed.extension(ChurnHealth.class).check();
            assertThat(health.up()).isTrue();
            assertThat(health.detail()).isEqualTo("p_alive rule unavailable: no scoring run has finished since the plugin was"
                    + " installed; a run with the clv plugin installed makes it available; active rules: overdue,"
                    + " spend_decline, one_time");
        }
    }

    @Test
    void withoutClvScoresItSaysSoAndStaysUp_withThemAllRulesAreActive() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.migrate();
            Shop.regular(bed, "c-1");
            String run = Shop.run(bed);
            Health without = bed.extension(ChurnHealth.class).check();
            assertThat(without.up()).isTrue();
            assertThat(without.detail()).startsWith("p_alive rule unavailable: the latest scoring run (" + run
                    + ", as of 2026-06-30) found no p_alive scores: install and enable the clv plugin, then run scoring;"
                    + " active rules: overdue, spend_decline, one_time");

            Shop.pAlive(bed, "c-1", 0.8);
            String next = Shop.run(bed);
            assertThat(bed.extension(ChurnHealth.class).check())
                    .isEqualTo(new Health(true, "ok; active rules: overdue, p_alive, spend_decline, one_time; last run " + next
                            + " as of 2026-06-30"));
        }
    }

    @Test
    void rulesSwitchedOffAreListed() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts")
                .settings(Map.of("pAlive.enabled", "false", "oneTime.enabled", "false")).start(dir)) {
            bed.migrate();
            assertThat(bed.extension(ChurnHealth.class).check().detail())
                    .isEqualTo("ok; active rules: overdue, spend_decline; off: p_alive, one_time");
        }
    }

    @Test
    void unusableSettingsMakeItDown() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").settings(Map.of("overdue.gapMultiple", "0.5"))
                .start(dir)) {
            bed.migrate();
            Health health = bed.extension(ChurnHealth.class).check();
            assertThat(health.up()).isFalse();
            assertThat(health.detail()).contains("'overdue.gapMultiple'").contains("more than 1");
        }
    }
}
