package dev.patron.api.settings;

import dev.patron.api.PluginSettings;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * Declares a plugin's settings. The host checks every value against its field (type, bounds,
 * choices) before it is stored, then asks {@link #validate} about the whole set, so rules that
 * span fields ("the tier percents add up to at most 100") are enforced too. A plugin has at most
 * one schema.
 */
public interface SettingsSchema extends ExtensionPoint {

    /** The fields, in the order forms show them. */
    List<SettingField> fields();

    /**
     * Checks a complete set of values (defaults filled in) that each passed their field's checks.
     *
     * @return one message per problem, naming the setting and the fix; empty when valid
     */
    default List<String> validate(Map<String, String> values) {
        return List.of();
    }

    /** Called after new values were stored. The plugin's {@link PluginSettings} already shows them. */
    default void changed(PluginSettings settings) {
    }
}
