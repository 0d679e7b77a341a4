package dev.patron.plugin.clv;

import dev.patron.api.PatronPluginException;
import java.util.List;

/** Which model values customers: the one asked for in the settings, or the one in force in a fitted model. */
enum Method {
    /** BG/NBD for purchases and survival, Gamma-Gamma for order value; falls back to {@link #MARGIN} when it cannot be fitted. */
    PROBABILISTIC("probabilistic"),
    /** Average order value x purchases per year x lifespan x margin, discounted. Always available. */
    MARGIN("margin");

    static final List<String> CHOICES = List.of(PROBABILISTIC.settingValue, MARGIN.settingValue);

    private final String settingValue;

    Method(String settingValue) {
        this.settingValue = settingValue;
    }

    String settingValue() {
        return settingValue;
    }

    static Method fromSetting(String value) {
        for (Method method : values()) {
            if (method.settingValue.equals(value.trim())) {
                return method;
            }
        }
        throw new PatronPluginException("setting '" + ClvSettings.METHOD + "' must be 'probabilistic' or 'margin', but is '"
                + value + "'; choose probabilistic (BG/NBD with Gamma-Gamma, falling back to the margin model when it"
                + " cannot be fitted) or margin");
    }
}
