package dev.patron.plugin.clv;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import dev.patron.api.settings.SettingField;
import dev.patron.api.settings.SettingsSchema;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The settings staff can change in the console or through the API. Values are checked by reading
 * them exactly as a fit would, so a value that would break the next run is refused when entered.
 */
@Extension
public final class ClvSettingsSchema implements SettingsSchema {

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.choice(ClvSettings.METHOD, Method.PROBABILISTIC.settingValue(), Method.CHOICES)
                        .describedAs("Model", "probabilistic: BG/NBD for purchases and survival with Gamma-Gamma for order"
                                + " value, falling back to the margin model when the data cannot support it; margin: the"
                                + " margin model only."),
                SettingField.number(ClvSettings.MARGIN_PERCENT, ClvSettings.DEFAULT_MARGIN_PERCENT).between(0.0, 100.0)
                        .describedAs("Gross margin (%)", "Share of the order value the shop keeps after the cost of goods."),
                SettingField.number(ClvSettings.DISCOUNT_RATE_PERCENT, ClvSettings.DEFAULT_DISCOUNT_RATE_PERCENT)
                        .between(0.0, 100.0)
                        .describedAs("Annual discount rate (%)", "Future value is discounted month by month at this"
                                + " yearly rate; 0 for no discounting."),
                SettingField.wholeNumber(ClvSettings.HORIZON_DAYS, ClvSettings.DEFAULT_HORIZON_DAYS)
                        .between(1.0, (double) ClvSettings.MAX_HORIZON_DAYS)
                        .describedAs("Horizon (days)", "How far ahead customer value and expected purchases are counted."
                                + " It also names the score expected_purchases_<days>d."),
                SettingField.number(ClvSettings.LIFESPAN_YEARS, ClvSettings.DEFAULT_LIFESPAN_YEARS)
                        .between(ClvSettings.MIN_LIFESPAN_YEARS, ClvSettings.MAX_LIFESPAN_YEARS)
                        .describedAs("Lifespan (years)", "Margin model only: how long a customer keeps buying. Value is"
                                + " counted over the shorter of the lifespan and the horizon."),
                SettingField.choice(ClvSettings.FIT_UNIT, FitUnit.WEEKS.settingValue(), FitUnit.CHOICES)
                        .describedAs("Fitting unit", "Time unit of the BG/NBD fit. Predictions do not depend on it; the"
                                + " reported alpha does (alpha in days = 7 x alpha in weeks)."),
                SettingField.text(ClvSettings.CALIBRATION_END, "")
                        .describedAs("Calibration end", "Last day (YYYY-MM-DD) of the orders the models are fitted on."
                                + " Empty: the scoring run's as-of date. Customers are always scored on all their orders."),
                SettingField.number(ClvSettings.CORRELATION_WARNING, ClvSettings.DEFAULT_CORRELATION_WARNING)
                        .between(0.0, 1.0)
                        .describedAs("Correlation warning", "Gamma-Gamma assumes spend does not depend on purchase"
                                + " frequency; the model warns when |Pearson r| between them is above this."));
    }

    @Override
    public List<String> validate(Map<String, String> values) {
        try {
            ClvSettings.read(PluginSettings.of(values));
            return List.of();
        } catch (PatronPluginException e) {
            return List.of(e.getMessage());
        }
    }
}
