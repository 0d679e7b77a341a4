package dev.patron.plugin.clv;

import dev.patron.api.PatronPluginException;
import java.util.List;

/**
 * The time unit the BG/NBD model is fitted in. It changes the reported rate parameter alpha (a
 * scale parameter in that unit: alpha in days is 7 times alpha in weeks) and nothing else: r, a
 * and b, the probability of being alive and the expected purchases over a horizon do not depend
 * on it. Weeks are the unit of the published analyses, so their alpha is comparable with papers.
 */
enum FitUnit {
    DAYS("days", 1),
    WEEKS("weeks", 7);

    static final List<String> CHOICES = List.of(DAYS.settingValue, WEEKS.settingValue);

    private final String settingValue;
    private final int days;

    FitUnit(String settingValue, int days) {
        this.settingValue = settingValue;
        this.days = days;
    }

    /** How the unit is written in settings and in the model: {@code days} or {@code weeks}. */
    String settingValue() {
        return settingValue;
    }

    /** Length of one unit in days. */
    int days() {
        return days;
    }

    /** A number of days in this unit. */
    double fromDays(double dayCount) {
        return dayCount / days;
    }

    static FitUnit fromSetting(String value) {
        for (FitUnit unit : values()) {
            if (unit.settingValue.equals(value.trim())) {
                return unit;
            }
        }
        throw new PatronPluginException("setting '" + ClvSettings.FIT_UNIT + "' must be 'days' or 'weeks', but is '" + value
                + "'; choose the unit the BG/NBD model is fitted in (weeks, as in the published analyses, unless you"
                + " want alpha in days)");
    }

    /** The unit whose length is {@code days} days (1 or 7), as stored in a model. */
    static FitUnit ofDays(int days) {
        for (FitUnit unit : values()) {
            if (unit.days == days) {
                return unit;
            }
        }
        throw new IllegalArgumentException("no fitting unit of " + days + " days");
    }
}
