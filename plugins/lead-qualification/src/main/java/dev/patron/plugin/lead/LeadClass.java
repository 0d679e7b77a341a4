package dev.patron.plugin.lead;

import java.util.List;
import java.util.Locale;

/**
 * The class a lead is sorted into, the label of the {@code class} score. Codes are lower case
 * so they work unchanged as query values ({@code GET .../leads?class=potential}).
 */
enum LeadClass {
    QUALIFIED("qualified", "Qualified prospect", "highest priority: follow up now"),
    POTENTIAL("potential", "Potential", "medium priority: nurture and develop"),
    LEAD("lead", "Lead", "low priority: automated nurture, keep in touch"),
    NOT_TARGET("not_target", "Not a target", "no active follow-up"),
    CONVERTED("converted", "Converted", "bought: now a customer, out of the lead follow-up queue");

    /** The classes still in the follow-up queue: the default of {@code GET .../leads}. */
    static final List<LeadClass> OPEN = List.of(QUALIFIED, POTENTIAL, LEAD, NOT_TARGET);

    private final String code;
    private final String title;
    private final String action;

    LeadClass(String code, String title, String action) {
        this.code = code;
        this.title = title;
        this.action = action;
    }

    /** The label of the {@code class} score, e.g. {@code not_target}. */
    String code() {
        return code;
    }

    /** The English name used in explanations, e.g. {@code Qualified prospect}. */
    String title() {
        return title;
    }

    /** What sales should do with leads of this class. */
    String action() {
        return action;
    }

    /** The class with this code ({@code not-target} is accepted for {@code not_target}), or null. */
    static LeadClass fromCode(String code) {
        if (code == null) {
            return null;
        }
        String normalised = code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (LeadClass leadClass : values()) {
            if (leadClass.code.equals(normalised)) {
                return leadClass;
            }
        }
        return null;
    }

    /** Every code, in order, for messages listing the allowed values. */
    static List<String> codes() {
        return java.util.Arrays.stream(values()).map(LeadClass::code).toList();
    }
}
