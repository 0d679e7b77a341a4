package dev.patron.plugin.loyalty;

import dev.patron.api.PluginContext;
import dev.patron.api.PluginSettings;
import dev.patron.api.settings.SettingField;
import dev.patron.api.settings.SettingsSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The loyalty rules staff can change in the console or through {@code PUT
 * /api/v1/plugins/loyalty/settings}. The host checks each field's type and bounds; {@link #validate}
 * then reads the complete set exactly as earning does, so a campaign or tier line that would break
 * the next order is refused, with its line number, when it is entered.
 */
@Extension
public final class LoyaltySettingsSchema implements SettingsSchema {

    private final PluginContext context;

    public LoyaltySettingsSchema(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.number(LoyaltySettings.POINTS_PER_UNIT, 1).between(0.0, 1_000_000.0)
                        .describedAs("Points per currency unit", "Points an order earns per unit of the shop currency"
                                + " (e.g. per dollar), before tier and campaign multipliers."),
                SettingField.choice(LoyaltySettings.ROUNDING, Rounding.FLOOR.settingValue(), List.of("floor", "round", "ceil"))
                        .describedAs("Rounding", "How an order's fractional points become whole points: floor (down),"
                                + " round (to the nearest, halves up) or ceil (up)."),
                SettingField.money(LoyaltySettings.MINIMUM_ORDER, LoyaltySettings.DEFAULT_MINIMUM_ORDER).between(0.0, null)
                        .describedAs("Minimum order", "Orders below this amount earn no points."),
                SettingField.text(LoyaltySettings.CAMPAIGNS, "").asMultiline()
                        .describedAs("Bonus campaigns", "One per line: first day..last day, multiplier, name, e.g."
                                + " '2026-11-20..2026-11-30 x2 Black Friday'. Days in the shop time zone, inclusive;"
                                + " overlapping campaigns do not stack, the highest multiplier applies."),
                SettingField.text(LoyaltySettings.TIERS, TierLadder.DEFAULT).asMultiline()
                        .describedAs("Tiers", "One per line, lowest first: name, threshold, earning multiplier, e.g."
                                + " 'Gold 2000 x1.5'. The first tier starts at 0. Thresholds are amounts of the shop"
                                + " currency (tier basis spend) or points (tier basis points)."),
                SettingField.choice(LoyaltySettings.TIER_BASIS, TierBasis.SPEND.settingValue(), List.of("spend", "points"))
                        .describedAs("Tier basis", "What qualifies for a tier over the window: spend (orders less"
                                + " refunds) or points earned (less reversals)."),
                SettingField.wholeNumber(LoyaltySettings.TIER_WINDOW_MONTHS, LoyaltySettings.DEFAULT_WINDOW_MONTHS)
                        .between(1.0, 60.0)
                        .describedAs("Tier window (months)", "The rolling window over which spend or points qualify."),
                SettingField.choice(LoyaltySettings.TIER_REVIEW, ReviewPeriod.MONTHLY.settingValue(),
                                List.of("daily", "monthly", "quarterly", "yearly"))
                        .describedAs("Tier review", "How often tiers are reviewed. Upgrades happen at once; a customer"
                                + " moves down only at a review."),
                SettingField.wholeNumber(LoyaltySettings.TIER_REVIEW_DAY, LoyaltySettings.DEFAULT_REVIEW_DAY).between(1.0, 28.0)
                        .describedAs("Review day", "Day of the month of the review (in January, April, July and October"
                                + " for quarterly reviews, in January for yearly ones)."),
                SettingField.wholeNumber(LoyaltySettings.EXPIRY_MONTHS, LoyaltySettings.DEFAULT_EXPIRY_MONTHS).between(0.0, 120.0)
                        .describedAs("Points expire after (months)", "Each earning expires this many months after it"
                                + " was earned; 0 for never."),
                SettingField.wholeNumber(LoyaltySettings.EXPIRING_SOON_DAYS, LoyaltySettings.DEFAULT_EXPIRING_SOON_DAYS)
                        .between(1.0, 365.0)
                        .describedAs("Expiring soon (days)", "Points expiring within this many days are shown as"
                                + " expiring soon."),
                SettingField.choice(LoyaltySettings.REFUND_POLICY, RefundPolicy.NEGATIVE.settingValue(),
                                List.of("negative", "clamp"))
                        .describedAs("Refund of spent points", "When a refund reverses points already spent: negative"
                                + " takes them at once (the balance may go below zero); clamp takes what is left and"
                                + " the rest from later earnings. Either way later earnings pay the shortfall first."),
                SettingField.bool(LoyaltySettings.EARN_ON_IMPORT, true)
                        .describedAs("Imported orders earn", "Whether orders loaded by an import earn points, as of"
                                + " the day they were placed (old points may expire at once)."));
    }

    @Override
    public List<String> validate(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        LoyaltySettings.read(PluginSettings.of(values), context.currency(), problems);
        return problems;
    }
}
