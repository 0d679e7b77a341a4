package dev.patron.plugin.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import dev.patron.api.settings.SettingField;
import dev.patron.testkit.PluginTestbed;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnSettingsSchemaTest {

    @TempDir
    Path dir;

    private final ChurnSettingsSchema schema = new ChurnSettingsSchema();

    private List<String> submit(Map<String, String> values) {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            return bed.configure(bed.extension(ChurnSettingsSchema.class), values);
        }
    }

    @Test
    void declaresEverySettingThePluginReads() {
        assertThat(schema.fields()).extracting(SettingField::key).containsExactly(
                "overdue.enabled", "overdue.gapMultiple", "overdue.minDays",
                "pAlive.enabled", "pAlive.threshold",
                "spendDecline.enabled", "spendDecline.windowDays", "spendDecline.percent", "spendDecline.minEarlierSpend",
                "oneTime.enabled", "oneTime.days", "lost.afterDays",
                "severity.useClv", "severity.clvWarning", "severity.clvCritical");
    }

    @Test
    void theDefaultsAreValidAndAreTheIssuesDefaults() {
        Map<String, String> defaults = new HashMap<>();
        schema.fields().forEach(f -> defaults.put(f.key(), f.defaultValue()));
        assertThat(schema.validate(defaults)).isEmpty();
        ChurnSettings s = ChurnSettings.read(PluginSettings.of(defaults));
        assertThat(s).isEqualTo(ChurnSettings.defaults());
        assertThat(s.gapMultiple()).isEqualTo(2.0);
        assertThat(s.pAliveThreshold()).isEqualTo(0.3);
        assertThat(s.spendWindowDays()).isEqualTo(90);
        assertThat(s.spendDeclinePercent()).isEqualTo(50.0);
        assertThat(s.oneTimeDays()).isEqualTo(60);
        assertThat(s.minEarlierSpend()).isEqualByComparingTo(new BigDecimal("50.00"));
    }

    @Test
    void kMustBeMoreThanOne() {
        assertThat(submit(Map.of("overdue.gapMultiple", "1"))).singleElement().asString()
                .contains("overdue.gapMultiple").contains("more than 1");
        assertThat(submit(Map.of("overdue.gapMultiple", "0.5"))).singleElement().asString()
                .contains("overdue.gapMultiple").contains("at least 1");
        assertThat(submit(Map.of("overdue.gapMultiple", "1.01"))).isEmpty();
    }

    @Test
    void theProbabilityThresholdMustLieStrictlyBetweenZeroAndOne() {
        assertThat(submit(Map.of("pAlive.threshold", "0"))).singleElement().asString()
                .contains("pAlive.threshold").contains("strictly between 0 and 1");
        assertThat(submit(Map.of("pAlive.threshold", "1"))).singleElement().asString().contains("strictly between 0 and 1");
        assertThat(submit(Map.of("pAlive.threshold", "1.2"))).singleElement().asString().contains("at most 1");
        assertThat(submit(Map.of("pAlive.threshold", "0.05"))).isEmpty();
    }

    @Test
    void percentagesLieFromZeroToOneHundred() {
        assertThat(submit(Map.of("spendDecline.percent", "101"))).singleElement().asString()
                .contains("spendDecline.percent").contains("at most 100");
        assertThat(submit(Map.of("spendDecline.percent", "-1"))).singleElement().asString().contains("at least 0");
        assertThat(submit(Map.of("spendDecline.percent", "0"))).isEmpty();
        assertThat(submit(Map.of("spendDecline.percent", "100"))).isEmpty();
        assertThat(submit(Map.of("spendDecline.percent", "lots"))).singleElement().asString().contains("must be a number");
    }

    @Test
    void windowsAreAtLeastOneDay() {
        assertThat(submit(Map.of("spendDecline.windowDays", "0"))).singleElement().asString()
                .contains("spendDecline.windowDays").contains("at least 1");
        assertThat(submit(Map.of("oneTime.days", "0"))).singleElement().asString().contains("oneTime.days");
        assertThat(submit(Map.of("oneTime.days", "1.5"))).singleElement().asString().contains("whole number");
        assertThat(submit(Map.of("spendDecline.windowDays", "1", "oneTime.days", "1"))).isEmpty();
    }

    @Test
    void criticalClvIsAtLeastTheWarningClvAndAmountsAreNotNegative() {
        assertThat(submit(Map.of("severity.clvWarning", "900.00", "severity.clvCritical", "800.00"))).singleElement().asString()
                .contains("severity.clvCritical").contains("at least 'severity.clvWarning'");
        assertThat(submit(Map.of("spendDecline.minEarlierSpend", "-5"))).singleElement().asString().contains("at least 0");
    }

    @Test
    void theLostHorizonLiesBeyondTheOneTimeAndOverdueDays() {
        assertThat(submit(Map.of("lost.afterDays", "60"))).singleElement().asString()
                .contains("lost.afterDays", "oneTime.days", "must be more than");
        assertThat(submit(Map.of("lost.afterDays", "90", "overdue.minDays", "90", "oneTime.days", "30"))).singleElement()
                .asString().contains("overdue.minDays");
        assertThat(submit(Map.of("lost.afterDays", "61"))).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(schema.validate(Map.of("overdue.gapMultiple", "1", "pAlive.threshold", "1", "spendDecline.percent", "120",
                "spendDecline.windowDays", "0", "oneTime.days", "-3"))).hasSize(5);
    }

    @Test
    void unusableStoredSettingsStopAFitWithAMessageNamingThem() {
        assertThatThrownBy(() -> ChurnSettings.read(PluginSettings.of(Map.of("pAlive.threshold", "2"))))
                .isInstanceOf(PatronPluginException.class).hasMessageContaining("'pAlive.threshold'");
    }
}
