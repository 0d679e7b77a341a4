package dev.patron.plugin.clv;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The plugin's settings, read and validated at fit time and stored in the model, so a change
 * applies to every customer at the next full scoring run and re-scored customers keep the rules
 * of everyone else until then.
 *
 * @param method which model values customers ({@value #METHOD})
 * @param marginPercent gross margin in percent of the order value ({@value #MARGIN_PERCENT})
 * @param discountRatePercent annual discount rate in percent ({@value #DISCOUNT_RATE_PERCENT})
 * @param horizonDays how far ahead value and purchases are counted, in days ({@value #HORIZON_DAYS})
 * @param lifespanYears the margin model's expected customer lifespan, in years ({@value #LIFESPAN_YEARS})
 * @param fitUnit the BG/NBD fitting unit ({@value #FIT_UNIT})
 * @param calibrationEnd the last day of the data the models are fitted on; null for the run's as-of date ({@value #CALIBRATION_END})
 * @param correlationWarning the |Pearson r| between purchase frequency and spend above which the
 *     model carries a warning ({@value #CORRELATION_WARNING})
 */
record ClvSettings(Method method, double marginPercent, double discountRatePercent, int horizonDays, double lifespanYears,
                   FitUnit fitUnit, LocalDate calibrationEnd, double correlationWarning) {

    static final String METHOD = "method";
    static final String MARGIN_PERCENT = "marginPercent";
    static final String DISCOUNT_RATE_PERCENT = "discountRatePercent";
    static final String HORIZON_DAYS = "horizonDays";
    static final String LIFESPAN_YEARS = "lifespanYears";
    static final String FIT_UNIT = "fitUnit";
    static final String CALIBRATION_END = "calibrationEnd";
    static final String CORRELATION_WARNING = "correlationWarning";

    static final double DEFAULT_MARGIN_PERCENT = 30;
    static final double DEFAULT_DISCOUNT_RATE_PERCENT = 10;
    static final int DEFAULT_HORIZON_DAYS = 365;
    static final int MAX_HORIZON_DAYS = 3650;
    static final double DEFAULT_LIFESPAN_YEARS = 3;
    static final double MIN_LIFESPAN_YEARS = 0.1;
    static final double MAX_LIFESPAN_YEARS = 100;
    static final double DEFAULT_CORRELATION_WARNING = 0.3;

    static final ClvSettings DEFAULTS = read(PluginSettings.empty());

    /** The settings with another fitting unit and calibration end: the per-run options of {@link ClvFitter}. */
    ClvSettings withFitOptions(FitUnit unit, LocalDate end) {
        return new ClvSettings(method, marginPercent, discountRatePercent, horizonDays, lifespanYears, unit, end,
                correlationWarning);
    }

    /** The margin as a fraction (0.3 for 30%). */
    double margin() {
        return marginPercent / 100.0;
    }

    /** The annual discount rate as a fraction (0.1 for 10%). */
    double discountRate() {
        return discountRatePercent / 100.0;
    }

    /**
     * Reads and validates every setting.
     *
     * @throws PatronPluginException naming the setting and the fix when a value is unusable
     */
    static ClvSettings read(PluginSettings settings) {
        Method method = Method.fromSetting(settings.text(METHOD, Method.PROBABILISTIC.settingValue()));
        double margin = within(settings, MARGIN_PERCENT, DEFAULT_MARGIN_PERCENT, 0, 100,
                "the gross margin in percent of the order value, from 0 to 100");
        double discount = within(settings, DISCOUNT_RATE_PERCENT, DEFAULT_DISCOUNT_RATE_PERCENT, 0, 100,
                "the annual discount rate in percent, from 0 to 100 (0 for no discounting)");
        double horizon = within(settings, HORIZON_DAYS, DEFAULT_HORIZON_DAYS, 1, MAX_HORIZON_DAYS,
                "the number of days ahead to value customers over, a whole number from 1 to " + MAX_HORIZON_DAYS);
        if (horizon != Math.rint(horizon)) {
            throw new PatronPluginException("setting '" + HORIZON_DAYS + "' must be a whole number of days, but is '"
                    + settings.get(HORIZON_DAYS).orElse("") + "'; round it, e.g. 365");
        }
        double lifespan = within(settings, LIFESPAN_YEARS, DEFAULT_LIFESPAN_YEARS, MIN_LIFESPAN_YEARS, MAX_LIFESPAN_YEARS,
                "the margin model's expected customer lifespan in years, from " + text(MIN_LIFESPAN_YEARS) + " to "
                        + text(MAX_LIFESPAN_YEARS));
        FitUnit unit = FitUnit.fromSetting(settings.text(FIT_UNIT, FitUnit.WEEKS.settingValue()));
        LocalDate end = date(settings.text(CALIBRATION_END, ""));
        double correlation = within(settings, CORRELATION_WARNING, DEFAULT_CORRELATION_WARNING, 0, 1,
                "the absolute Pearson correlation between purchase frequency and spend above which the model warns,"
                        + " from 0 to 1");
        return new ClvSettings(method, margin, discount, (int) horizon, lifespan, unit, end, correlation);
    }

    private static LocalDate date(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new PatronPluginException("setting '" + CALIBRATION_END + "' must be a date such as 1997-09-30, or empty"
                    + " for the scoring run's as-of date, but is '" + value + "'");
        }
    }

    private static double within(PluginSettings settings, String key, double defaultValue, double min, double max,
                                 String meaning) {
        double value = settings.number(key, defaultValue);
        if (!(value >= min && value <= max)) { // also rejects NaN
            throw new PatronPluginException("setting '" + key + "' must be " + meaning + ", but is '"
                    + settings.get(key).orElse("") + "' (default " + text(defaultValue) + ")");
        }
        return value;
    }

    static String text(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
