package dev.patron.plugin.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import dev.patron.api.scoring.Model;
import dev.patron.api.settings.SettingField;
import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreValidAndMatchTheFields() {
        LeadSettingsSchema schema = new LeadSettingsSchema();
        assertThat(schema.fields()).extracting(SettingField::key).containsExactlyElementsOf(LeadSettings.DEFAULTS.keySet());
        for (SettingField field : schema.fields()) {
            assertThat(field.defaultValue()).as(field.key()).isEqualTo(LeadSettings.DEFAULTS.get(field.key()));
        }
        assertThat(schema.validate(LeadSettings.DEFAULTS)).isEmpty();
        LeadSettings defaults = LeadSettings.defaultSettings();
        assertThat(defaults.mode()).isEqualTo(Mode.MAN);
        assertThat(defaults.roles()).containsExactly("owner", "director", "purchasing manager");
        assertThat(defaults.inquiryDays()).isEqualTo(30);
    }

    @Test
    void validSettingsAreStoredThroughTheHostValidator() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("lead-qualification").currency("CNY").start(dir)) {
            LeadSettingsSchema schema = bed.extension(LeadSettingsSchema.class);
            List<String> problems = bed.configure(schema, Map.of(LeadSettings.MODE, "bant",
                    LeadSettings.THRESHOLD, "15000.50", LeadSettings.BAND_ATTRIBUTE, "companySize",
                    LeadSettings.BAND_VALUES, "large, enterprise"));
            assertThat(problems).isEmpty();
            LeadSettings stored = LeadSettings.read(bed.context().settings());
            assertThat(stored.mode()).isEqualTo(Mode.BANT);
            assertThat(stored.threshold()).isEqualByComparingTo("15000.50");
            assertThat(stored.bandValues()).containsExactly("large", "enterprise");
        }
    }

    @Test
    void invalidSettingsAreRejectedWithAMessageNamingTheSettingAndTheFix() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("lead-qualification").currency("CNY").start(dir)) {
            LeadSettingsSchema schema = bed.extension(LeadSettingsSchema.class);

            assertThat(bed.configure(schema, Map.of(LeadSettings.BAND_ATTRIBUTE, "companySize")))
                    .singleElement().asString()
                    .contains("'money.bandValues' must list at least one value").contains("clear 'money.bandAttribute'");
            assertThat(bed.configure(schema, Map.of(LeadSettings.BAND_VALUES, "large")))
                    .singleElement().asString().contains("'money.bandAttribute' is blank");
            assertThat(bed.configure(schema, Map.of(LeadSettings.BUDGET_ATTRIBUTE, " ")))
                    .singleElement().asString().startsWith("Money has no source");
            assertThat(bed.configure(schema, Map.of(LeadSettings.ROLE_ATTRIBUTE, "", LeadSettings.DECISION_MAKER_ATTRIBUTE, "")))
                    .singleElement().asString().startsWith("Authority has no source");
            assertThat(bed.configure(schema, Map.of(LeadSettings.ROLES, " , ;")))
                    .singleElement().asString().contains("'authority.roles' must list at least one role");
            assertThat(bed.configure(schema, Map.of(LeadSettings.NEED_ATTRIBUTE, "", LeadSettings.INQUIRED_AT_ATTRIBUTE, "")))
                    .singleElement().asString().startsWith("Need has no source");
            assertThat(bed.configure(schema, Map.of(LeadSettings.NEED_ATTRIBUTE, "role")))
                    .singleElement().asString()
                    .isEqualTo("settings 'authority.roleAttribute' and 'need.attribute' both name attribute 'role';"
                            + " each source needs an attribute of its own");
            assertThat(bed.configure(schema, Map.of(LeadSettings.MODE, "bant", LeadSettings.TIMELINE_ATTRIBUTE, "")))
                    .singleElement().asString().contains("'timeline.attribute' must name the planned purchase date");
            assertThat(bed.configure(schema, Map.of(LeadSettings.BUDGET_ATTRIBUTE, "预算")))
                    .singleElement().asString()
                    .startsWith("setting 'money.budgetAttribute' must be an attribute name as customers carry them");
            assertThat(bed.configure(schema, Map.of(LeadSettings.NEED_ATTRIBUTE, "need\nmore"))).isNotEmpty();
            // field checks by the host: type, bounds, choices
            assertThat(bed.configure(schema, Map.of(LeadSettings.THRESHOLD, "-5"))).singleElement().asString()
                    .startsWith("money.threshold:");
            assertThat(bed.configure(schema, Map.of(LeadSettings.INQUIRY_DAYS, "4000"))).singleElement().asString()
                    .startsWith("need.inquiryDays:");
            assertThat(bed.configure(schema, Map.of(LeadSettings.MODE, "spin"))).singleElement().asString()
                    .startsWith("mode:");

            // nothing invalid was stored
            assertThat(bed.context().settings().asMap()).isEmpty();
        }
    }

    @Test
    void readingReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> LeadSettings.read(PluginSettings.of(Map.of(LeadSettings.THRESHOLD, "lots",
                LeadSettings.INQUIRY_DAYS, "2.5", LeadSettings.MODE, "x"))))
                .isInstanceOf(PatronPluginException.class)
                .hasMessageContaining("'mode' must be 'man'")
                .hasMessageContaining("'money.threshold' must be an amount")
                .hasMessageContaining("'need.inquiryDays' must be a whole number of days from 0 to 3650, not '2.5'");
    }

    @Test
    void settingsSurviveTheModel() {
        LeadSettings settings = LeadSettings.read(PluginSettings.of(Map.of(LeadSettings.MODE, "bant",
                LeadSettings.ROLES, "Owner; CEO", LeadSettings.THRESHOLD, "1234.5")));
        Model.Builder builder = Model.builder();
        settings.writeTo(builder);
        assertThat(LeadSettings.fromModel(builder.build())).isEqualTo(settings);
        assertThat(LeadSettings.fromModel(Model.EMPTY)).isNull();
    }
}
