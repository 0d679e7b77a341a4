package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import dev.patron.api.settings.SettingField;
import dev.patron.testkit.PluginTestbed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClvSettingsTest {

    private final ClvSettingsSchema schema = new ClvSettingsSchema();

    @Test
    void defaults() {
        ClvSettings defaults = ClvSettings.read(PluginSettings.empty());
        assertThat(defaults).isEqualTo(new ClvSettings(Method.PROBABILISTIC, 30, 10, 365, 3, FitUnit.WEEKS, null, 0.3));
        assertThat(defaults.margin()).isEqualTo(0.3);
        assertThat(defaults.discountRate()).isEqualTo(0.1);
        // The schema's defaults are the same values.
        Map<String, String> fromSchema = new java.util.LinkedHashMap<>();
        schema.fields().forEach(f -> fromSchema.put(f.key(), f.defaultValue()));
        assertThat(ClvSettings.read(PluginSettings.of(fromSchema))).isEqualTo(defaults);
        assertThat(schema.fields()).extracting(SettingField::key).containsExactly("method", "marginPercent",
                "discountRatePercent", "horizonDays", "lifespanYears", "fitUnit", "calibrationEnd", "correlationWarning");
    }

    @Test
    void readsEverySetting() {
        ClvSettings s = ClvSettings.read(PluginSettings.of(Map.of("method", "margin", "marginPercent", "42.5",
                "discountRatePercent", "0", "horizonDays", "730", "lifespanYears", "1.5", "fitUnit", "days",
                "calibrationEnd", "1997-09-30", "correlationWarning", "0.5")));
        assertThat(s).isEqualTo(new ClvSettings(Method.MARGIN, 42.5, 0, 730, 1.5, FitUnit.DAYS, LocalDate.of(1997, 9, 30), 0.5));
    }

    @Test
    void refusesUnusableValuesNamingTheSetting() {
        assertThatThrownBy(() -> read("fitUnit", "months")).isInstanceOf(PatronPluginException.class)
                .hasMessageStartingWith("setting 'fitUnit' must be 'days' or 'weeks', but is 'months'");
        assertThatThrownBy(() -> read("calibrationEnd", "yesterday"))
                .hasMessage("setting 'calibrationEnd' must be a date such as 1997-09-30, or empty for the scoring run's"
                        + " as-of date, but is 'yesterday'");
        assertThatThrownBy(() -> read("horizonDays", "0")).hasMessageStartingWith("setting 'horizonDays' must be the number");
        assertThatThrownBy(() -> read("horizonDays", "30.5")).hasMessageStartingWith("setting 'horizonDays' must be a whole");
        assertThatThrownBy(() -> read("marginPercent", "120")).hasMessageStartingWith("setting 'marginPercent' must be");
        assertThatThrownBy(() -> read("lifespanYears", "0")).hasMessageStartingWith("setting 'lifespanYears' must be");
        assertThatThrownBy(() -> read("correlationWarning", "abc")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> read("method", "magic")).hasMessageStartingWith("setting 'method' must be");
    }

    @Test
    void theHostsValidatorAndTheSchemaAgree() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("clv").start()) {
            assertThat(bed.configure(schema, Map.of("marginPercent", "25", "calibrationEnd", "2026-01-31"))).isEmpty();
            assertThat(bed.context().settings().text("calibrationEnd", "")).isEqualTo("2026-01-31");
            assertThat(bed.configure(schema, Map.of("fitUnit", "months"))).singleElement().asString().startsWith("fitUnit:");
            assertThat(bed.configure(schema, Map.of("horizonDays", "4000"))).singleElement().asString().startsWith("horizonDays:");
            List<String> problems = bed.configure(schema, Map.of("calibrationEnd", "30/09/1997"));
            assertThat(problems).singleElement().asString().startsWith("setting 'calibrationEnd' must be a date");
            assertThat(bed.context().settings().text("calibrationEnd", "")).isEqualTo("2026-01-31"); // unchanged
        }
    }

    private static ClvSettings read(String key, String value) {
        return ClvSettings.read(PluginSettings.of(Map.of(key, value)));
    }
}
