package dev.patron.plugin.lead;

import dev.patron.api.settings.SettingField;
import dev.patron.api.settings.SettingsSchema;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The settings staff can change in the console or with {@code PUT /api/v1/plugins/lead-qualification/settings}.
 * Rules across fields (every criterion keeps a source, a band attribute comes with its bands, no
 * attribute serves two sources) are checked by reading the values exactly as a scoring run would,
 * so a value that would break the next run is refused when it is entered.
 */
@Extension
public final class LeadSettingsSchema implements SettingsSchema {

    @Override
    public List<SettingField> fields() {
        Map<String, String> d = LeadSettings.DEFAULTS;
        double maxDays = LeadSettings.MAX_DAYS;
        return List.of(
                SettingField.choice(LeadSettings.MODE, d.get(LeadSettings.MODE), List.of("man", "bant"))
                        .describedAs("Rule", "man: Money, Authority, Need. bant: adds Timeline (a purchase date within"
                                + " the timeline window); all four qualify, three make a potential, one or two a lead."),
                SettingField.text(LeadSettings.BUDGET_ATTRIBUTE, d.get(LeadSettings.BUDGET_ATTRIBUTE))
                        .describedAs("Budget attribute", "Customer attribute holding the budget, in the shop currency"
                                + " (e.g. 50000.00). Blank: Money is judged by the band alone."),
                SettingField.money(LeadSettings.THRESHOLD, d.get(LeadSettings.THRESHOLD)).between(0.0, null)
                        .describedAs("Budget threshold", "A budget at or above this amount of the shop currency meets Money."),
                SettingField.text(LeadSettings.BAND_ATTRIBUTE, d.get(LeadSettings.BAND_ATTRIBUTE))
                        .describedAs("Band attribute", "Optional: customer attribute holding an income or company-size"
                                + " band (e.g. companySize). A listed band meets Money even without a budget."),
                SettingField.text(LeadSettings.BAND_VALUES, d.get(LeadSettings.BAND_VALUES))
                        .describedAs("Bands that meet Money", "Comma-separated, case-insensitive, e.g. large, enterprise."),
                SettingField.text(LeadSettings.ROLE_ATTRIBUTE, d.get(LeadSettings.ROLE_ATTRIBUTE))
                        .describedAs("Role attribute", "Customer attribute holding the contact's role. Blank: Authority"
                                + " is judged by the decision-maker flag alone."),
                SettingField.text(LeadSettings.ROLES, d.get(LeadSettings.ROLES))
                        .describedAs("Roles with authority", "Comma-separated, case-insensitive, e.g. owner, director,"
                                + " purchasing manager."),
                SettingField.text(LeadSettings.DECISION_MAKER_ATTRIBUTE, d.get(LeadSettings.DECISION_MAKER_ATTRIBUTE))
                        .describedAs("Decision-maker attribute", "Customer attribute that is true (or yes, 1) when the"
                                + " contact decides purchases. Blank: not used."),
                SettingField.text(LeadSettings.NEED_ATTRIBUTE, d.get(LeadSettings.NEED_ATTRIBUTE))
                        .describedAs("Need attribute", "Customer attribute holding the stated need; any text meets Need."),
                SettingField.text(LeadSettings.INQUIRED_AT_ATTRIBUTE, d.get(LeadSettings.INQUIRED_AT_ATTRIBUTE))
                        .describedAs("Inquiry date attribute", "Customer attribute holding the last inquiry's date"
                                + " (YYYY-MM-DD, shop time zone). A recent inquiry meets Need; it also orders the queue."),
                SettingField.wholeNumber(LeadSettings.INQUIRY_DAYS, Long.parseLong(d.get(LeadSettings.INQUIRY_DAYS)))
                        .between(0.0, maxDays)
                        .describedAs("Inquiry window (days)", "An inquiry at most this many days before the scoring"
                                + " date meets Need (0: the same day only)."),
                SettingField.text(LeadSettings.TIMELINE_ATTRIBUTE, d.get(LeadSettings.TIMELINE_ATTRIBUTE))
                        .describedAs("Purchase date attribute (BANT)", "Customer attribute holding the planned purchase"
                                + " date (YYYY-MM-DD). Used in BANT mode only."),
                SettingField.wholeNumber(LeadSettings.TIMELINE_DAYS, Long.parseLong(d.get(LeadSettings.TIMELINE_DAYS)))
                        .between(0.0, maxDays)
                        .describedAs("Timeline window (days, BANT)", "A purchase date from the scoring date up to this"
                                + " many days later meets Timeline."));
    }

    @Override
    public List<String> validate(Map<String, String> values) {
        return LeadSettings.problems(values);
    }
}
