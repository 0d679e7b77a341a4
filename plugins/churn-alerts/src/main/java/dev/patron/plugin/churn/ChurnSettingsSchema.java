package dev.patron.plugin.churn;

import static dev.patron.plugin.churn.ChurnSettings.*;

import dev.patron.api.PluginSettings;
import dev.patron.api.settings.SettingField;
import dev.patron.api.settings.SettingsSchema;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Every rule on or off and its thresholds, plus the severity rule. The host checks types and the
 * inclusive bounds declared here; {@link #validate} then applies the strict ones ({@code k > 1},
 * {@code 0 < threshold < 1}) and the cross-field rule (critical CLV at least the warning CLV) by
 * reading the values exactly as the plugin will, so nothing that would break a run is stored.
 */
@Extension
public final class ChurnSettingsSchema implements SettingsSchema {

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.bool(OVERDUE_ON, true)
                        .describedAs("Overdue rule", "Alert when a repeat customer's time since their last purchase is far"
                                + " beyond their own usual gap between purchases."),
                SettingField.number(GAP_MULTIPLE, DEFAULT_GAP_MULTIPLE).between(1.0, 100.0)
                        .describedAs("Overdue after (× usual gap)", "k: overdue when the days since the last purchase day"
                                + " exceed k times the customer's mean gap between purchase days. More than 1."),
                SettingField.wholeNumber(OVERDUE_MIN_DAYS, DEFAULT_OVERDUE_MIN_DAYS).between(0.0, (double) MAX_DAYS)
                        .describedAs("Overdue not before (days)", "Never call a customer overdue sooner than this many days"
                                + " after their last order, however often they buy."),
                SettingField.bool(P_ALIVE_ON, true)
                        .describedAs("Probability-alive rule", "Alert when the clv plugin's probability that the customer is"
                                + " still active falls below the threshold. Unavailable without the clv plugin."),
                SettingField.number(P_ALIVE_THRESHOLD, DEFAULT_P_ALIVE_THRESHOLD).between(0.0, 1.0)
                        .describedAs("Probability-alive threshold", "Alert below this probability, strictly between 0 and 1."),
                SettingField.bool(SPEND_ON, true)
                        .describedAs("Spend-decline rule", "Alert when a repeat customer's net spend in the last window fell"
                                + " against the window before."),
                SettingField.wholeNumber(SPEND_WINDOW, DEFAULT_SPEND_WINDOW).between(1.0, (double) MAX_DAYS)
                        .describedAs("Spend window (days)", "W: the last W days are compared with the W days before them."),
                SettingField.number(SPEND_PERCENT, DEFAULT_SPEND_PERCENT).between(0.0, 100.0)
                        .describedAs("Spend decline (%)", "X: alert when net spend fell by at least this percentage."),
                SettingField.money(SPEND_MIN_EARLIER, DEFAULT_MIN_EARLIER).between(0.0, null)
                        .describedAs("Least earlier spend", "Judge only customers who spent at least this much in the earlier"
                                + " window, so small amounts do not raise alerts."),
                SettingField.bool(ONE_TIME_ON, true)
                        .describedAs("One-time-buyer rule", "Alert when a customer with a single purchase day has not come"
                                + " back."),
                SettingField.wholeNumber(ONE_TIME_DAYS, DEFAULT_ONE_TIME_DAYS).between(1.0, (double) MAX_DAYS)
                        .describedAs("One-time buyer after (days)", "N: alert once N days have passed since the only"
                                + " purchase day."),
                SettingField.wholeNumber(LOST_AFTER_DAYS, DEFAULT_LOST_AFTER_DAYS).between(1.0, (double) MAX_DAYS)
                        .describedAs("Lost after (days)", "A customer whose last order is older than this is lost rather than"
                                + " at risk: no rule judges them and no alert is raised for them. More than the one-time and"
                                + " overdue days."),
                SettingField.bool(USE_CLV, true)
                        .describedAs("Severity from CLV", "Besides the RFM tier (Platinum critical, Gold warning), raise"
                                + " severity by the clv plugin's CLV when the customer has one; the higher wins."),
                SettingField.money(CLV_WARNING, DEFAULT_CLV_WARNING).between(0.0, null)
                        .describedAs("Warning from CLV", "Alerts of customers with at least this CLV are at least warnings."),
                SettingField.money(CLV_CRITICAL, DEFAULT_CLV_CRITICAL).between(0.0, null)
                        .describedAs("Critical from CLV", "Alerts of customers with at least this CLV are critical."));
    }

    @Override
    public List<String> validate(Map<String, String> values) {
        return ChurnSettings.problems(PluginSettings.of(values));
    }
}
