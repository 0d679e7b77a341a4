package dev.patron.testkit;

import dev.patron.api.PluginSettings;
import dev.patron.api.settings.SettingField;
import dev.patron.api.settings.SettingsSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** A tiny settings schema: two money bounds that must be in order, and a mode. */
@Extension
public class LimitsSchema implements SettingsSchema {

    final List<PluginSettings> changes = new ArrayList<>();

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.money("low", "10.00").between(0.0, null),
                SettingField.money("high", "100.00").between(0.0, 1_000_000.0),
                SettingField.choice("mode", "net", List.of("net", "gross")));
    }

    @Override
    public List<String> validate(Map<String, String> values) {
        if (Double.parseDouble(values.get("low")) >= Double.parseDouble(values.get("high"))) {
            return List.of("'low' (" + values.get("low") + ") must be below 'high' (" + values.get("high") + ")");
        }
        return List.of();
    }

    @Override
    public void changed(PluginSettings settings) {
        changes.add(settings);
    }
}
