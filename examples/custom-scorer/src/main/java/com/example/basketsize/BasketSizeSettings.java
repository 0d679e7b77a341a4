package com.example.basketsize;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginContext;
import dev.patron.api.PluginSettings;
import dev.patron.api.settings.SettingField;
import dev.patron.api.settings.SettingsSchema;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The plugin's settings: where the Medium, Large and Premium tiers start, and whether a premium
 * order raises an alert. The host checks each value against its field (an amount, at least 0)
 * and then asks {@link #validate} whether the thresholds ascend.
 */
@Extension
public class BasketSizeSettings implements SettingsSchema {

    static final String MEDIUM = "tiers.medium";
    static final String LARGE = "tiers.large";
    static final String PREMIUM = "tiers.premium";
    static final String ALERTS = "alerts.premiumOrders";

    static final String DEFAULT_MEDIUM = "50.00";
    static final String DEFAULT_LARGE = "150.00";
    static final String DEFAULT_PREMIUM = "500.00";

    private final PluginContext context;

    public BasketSizeSettings(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.money(MEDIUM, DEFAULT_MEDIUM).between(0.0, null).describedAs("Medium from",
                        "Average order value (net of refunds) from which a customer is Medium; below it, Small."),
                SettingField.money(LARGE, DEFAULT_LARGE).between(0.0, null).describedAs("Large from",
                        "Average order value from which a customer is Large. Must be above 'Medium from'."),
                SettingField.money(PREMIUM, DEFAULT_PREMIUM).between(0.0, null).describedAs("Premium from",
                        "Average order value from which a customer is Premium. Must be above 'Large from'."),
                SettingField.bool(ALERTS, true).describedAs("Alert on premium orders",
                        "Raise an alert when a single order reaches 'Premium from'."));
    }

    @Override
    public List<String> validate(Map<String, String> values) {
        try {
            Thresholds.read(PluginSettings.of(values), context.currency());
            return List.of();
        } catch (PatronPluginException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public void changed(PluginSettings settings) {
        context.logger().info("basket-size thresholds changed; they apply from the next full scoring run");
    }
}
