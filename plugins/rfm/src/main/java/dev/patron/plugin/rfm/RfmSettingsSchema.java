package dev.patron.plugin.rfm;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import dev.patron.api.settings.SettingField;
import dev.patron.api.settings.SettingsSchema;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The settings staff can change in the console or through the API. Cross-field rules (tier
 * shares adding up to at most 100%, a segment table covering every R/F/M cell exactly once) are
 * checked by reading the values exactly as a fit would, so a value that would break the next run
 * is refused when it is entered.
 */
@Extension
public final class RfmSettingsSchema implements SettingsSchema {

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.choice(RfmSettings.MONETARY, MonetaryMode.TOTAL.settingValue(), List.of("total", "average"))
                        .describedAs("Monetary measure", "total: net spend over all orders; average: net spend per order."),
                SettingField.number(RfmSettings.PLATINUM_PERCENT, TierPercents.DEFAULT.platinum()).between(0.0, 100.0)
                        .describedAs("Platinum share (%)", "Share of buyers, by spend, in the top tier."),
                SettingField.number(RfmSettings.GOLD_PERCENT, TierPercents.DEFAULT.gold()).between(0.0, 100.0)
                        .describedAs("Gold share (%)", "Share of buyers in the second tier, after Platinum."),
                SettingField.number(RfmSettings.IRON_PERCENT, TierPercents.DEFAULT.iron()).between(0.0, 100.0)
                        .describedAs("Iron share (%)", "Share of buyers in the third tier; Lead takes the rest."),
                SettingField.text(RfmSettings.SEGMENTS, "").asMultiline()
                        .describedAs("Segment table", "One row per line: name | R | F | M, ranges like 4-5. "
                                + "Leave empty for the built-in table. Every R/F/M cell must belong to exactly one segment."));
    }

    @Override
    public List<String> validate(Map<String, String> values) {
        try {
            RfmSettings.read(PluginSettings.of(values));
            return List.of();
        } catch (PatronPluginException e) {
            return List.of(e.getMessage());
        }
    }
}
