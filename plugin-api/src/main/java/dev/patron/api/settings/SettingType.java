package dev.patron.api.settings;

/** The kinds of setting the host can validate, store and render as a form field. */
public enum SettingType {
    /** A decimal number, e.g. {@code 2.5}. */
    NUMBER,
    /** A whole number, e.g. {@code 12}. */
    WHOLE_NUMBER,
    /** Free text; {@code multiline} fields render as a text area. */
    TEXT,
    /** One of a fixed list of values. */
    CHOICE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An ISO-8601 duration such as {@code P30D} or {@code PT12H}. */
    DURATION,
    /** An amount of the shop currency as a decimal string, e.g. {@code 20000.00}. */
    MONEY
}
