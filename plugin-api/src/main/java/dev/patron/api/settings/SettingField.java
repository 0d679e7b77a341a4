package dev.patron.api.settings;

import java.util.List;
import java.util.Objects;

/**
 * One setting a plugin declares: the host validates values against it, stores them, renders it
 * in the console's settings form, and passes stored values through {@link dev.patron.api.PluginSettings}.
 *
 * @param key dotted identifier, e.g. {@code tiers.goldPercent}
 * @param label short name shown in forms
 * @param description one or two sentences: what it changes, in which unit
 * @param defaultValue the value used until one is stored, as text; never null
 * @param min smallest allowed value for NUMBER, WHOLE_NUMBER and MONEY; null for none
 * @param max largest allowed value; null for none
 * @param choices the allowed values of a CHOICE field; empty otherwise
 * @param multiline whether a TEXT field renders as a text area
 */
public record SettingField(String key, SettingType type, String label, String description, String defaultValue,
                           Double min, Double max, List<String> choices, boolean multiline) {

    public SettingField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue of " + key);
        label = label == null ? key : label;
        description = description == null ? "" : description;
        choices = List.copyOf(choices == null ? List.of() : choices);
        if (type == SettingType.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("setting " + key + ": default '" + defaultValue + "' is not one of " + choices);
        }
    }

    public static SettingField number(String key, double defaultValue) {
        return new SettingField(key, SettingType.NUMBER, null, null, plain(defaultValue), null, null, List.of(), false);
    }

    public static SettingField wholeNumber(String key, long defaultValue) {
        return new SettingField(key, SettingType.WHOLE_NUMBER, null, null, Long.toString(defaultValue), null, null, List.of(), false);
    }

    public static SettingField text(String key, String defaultValue) {
        return new SettingField(key, SettingType.TEXT, null, null, defaultValue, null, null, List.of(), false);
    }

    public static SettingField choice(String key, String defaultValue, List<String> choices) {
        return new SettingField(key, SettingType.CHOICE, null, null, defaultValue, null, null, choices, false);
    }

    public static SettingField bool(String key, boolean defaultValue) {
        return new SettingField(key, SettingType.BOOLEAN, null, null, Boolean.toString(defaultValue), null, null, List.of(), false);
    }

    public static SettingField duration(String key, String defaultValue) {
        return new SettingField(key, SettingType.DURATION, null, null, defaultValue, null, null, List.of(), false);
    }

    public static SettingField money(String key, String defaultValue) {
        return new SettingField(key, SettingType.MONEY, null, null, defaultValue, null, null, List.of(), false);
    }

    /** A copy with a label and a description. */
    public SettingField describedAs(String newLabel, String newDescription) {
        return new SettingField(key, type, newLabel, newDescription, defaultValue, min, max, choices, multiline);
    }

    /** A copy with bounds (inclusive); null leaves that side open. */
    public SettingField between(Double newMin, Double newMax) {
        return new SettingField(key, type, label, description, defaultValue, newMin, newMax, choices, multiline);
    }

    /** A copy that renders as a text area. */
    public SettingField asMultiline() {
        return new SettingField(key, type, label, description, defaultValue, min, max, choices, true);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
