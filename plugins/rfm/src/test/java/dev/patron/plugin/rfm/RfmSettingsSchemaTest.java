package dev.patron.plugin.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.settings.SettingField;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RfmSettingsSchemaTest {

    private final RfmSettingsSchema schema = new RfmSettingsSchema();

    @Test
    void declaresEverySettingTheScorerReads() {
        assertThat(schema.fields()).extracting(SettingField::key).containsExactly("monetary", "tiers.platinumPercent",
                "tiers.goldPercent", "tiers.ironPercent", "segments");
    }

    @Test
    void defaultsAreValid() {
        Map<String, String> defaults = new java.util.HashMap<>();
        schema.fields().forEach(f -> defaults.put(f.key(), f.defaultValue()));
        assertThat(schema.validate(defaults)).isEmpty();
    }

    @Test
    void tierSharesOverOneHundredPercentAreRefused() {
        assertThat(schema.validate(Map.of("tiers.platinumPercent", "50", "tiers.goldPercent", "40", "tiers.ironPercent", "20")))
                .singleElement().asString().contains("110").contains("at most 100");
    }

    @Test
    void aSegmentTableWithGapsIsRefusedListingTheCells() {
        assertThat(schema.validate(Map.of("segments", "Everyone | 1-5 | 1-5 | 1-4")))
                .singleElement().asString().contains("R1F1M5");
    }
}
