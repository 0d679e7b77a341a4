package dev.patron.plugin.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The qualification rule: a pure function of a customer's profile attributes, the scoring date
 * and whether (since when) the customer has bought. Immutable and safe to share between threads.
 *
 * <ul>
 *   <li><b>Money</b>: the budget attribute is at or above the threshold, or the band attribute
 *       (income or company size) is one of the listed bands.</li>
 *   <li><b>Authority</b>: the role is one of the listed roles (case-insensitive, spaces trimmed
 *       and collapsed), or the decision-maker flag reads yes.</li>
 *   <li><b>Need</b>: a need is stated (not blank), or the last inquiry was at most N days
 *       before the scoring date (0 = the same day).</li>
 *   <li><b>Timeline</b> (BANT only): the planned purchase date is from the scoring date to at
 *       most N days after it.</li>
 * </ul>
 * Only customers with at least one of the configured attributes are leads; everyone else gets no
 * lead scores at all. A lead who has bought is {@link LeadClass#CONVERTED}.
 */
final class Qualifier {

    private static final int MAX_QUOTED = 60;

    private final LeadSettings settings;
    private final Amounts amounts;
    private final String thresholdText;
    private final String rolesText;
    private final String bandsText;

    Qualifier(LeadSettings settings, Currency currency) {
        this.settings = settings;
        this.amounts = new Amounts(currency);
        this.thresholdText = amounts.format(settings.threshold());
        this.rolesText = "[" + String.join(", ", settings.roles()) + "]";
        this.bandsText = "[" + String.join(", ", settings.bandValues()) + "]";
    }

    LeadSettings settings() {
        return settings;
    }

    /** Whether the profile holds any attribute the rule reads (not blank): only such customers are leads. */
    boolean isLead(Map<String, String> attributes) {
        for (String name : settings.attributeNames()) {
            if (AttributeValues.text(attributes, name) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Qualifies one lead.
     *
     * @param asOf the scoring date; inquiries and purchase dates count from it
     * @param zone the shop's time zone, for attributes given as instants
     * @param firstOrderDay the shop-zone day of the first order up to {@code asOf}, or null when none
     */
    Qualification qualify(Map<String, String> attributes, LocalDate asOf, ZoneId zone, LocalDate firstOrderDay) {
        Mode mode = settings.mode();
        List<Verdict> verdicts = new ArrayList<>(mode.criteria().size());
        int mask = 0;
        for (Criterion criterion : mode.criteria()) {
            Verdict verdict = switch (criterion) {
                case MONEY -> money(attributes);
                case AUTHORITY -> authority(attributes);
                case NEED -> need(attributes, asOf, zone);
                case TIMELINE -> timeline(attributes, asOf, zone);
            };
            verdicts.add(verdict);
            if (verdict.met()) {
                mask |= criterion.bit();
            }
        }
        LeadClass byRule = mode.classOf(mask);
        String label = mode.label(mask);
        String combinationText = combination(mode, verdicts, mask);
        if (firstOrderDay != null) {
            String classText = "Converted: first order on " + firstOrderDay + "; the profile meets " + label + " ("
                    + byRule.title().toLowerCase(Locale.ROOT) + " by the " + mode.name() + " rule)";
            String priorityText = "0: converted on " + firstOrderDay + ", out of the lead follow-up queue";
            return new Qualification(mode, verdicts, mask, LeadClass.CONVERTED, 0, firstOrderDay, classText,
                    combinationText, priorityText);
        }
        int met = Integer.bitCount(mask);
        String classText = byRule.title() + " (" + met + " of " + mode.criteria().size() + " met"
                + (met == 0 ? "" : ": " + label) + "): " + byRule.action();
        return new Qualification(mode, verdicts, mask, byRule, mode.priority(mask), null, classText, combinationText,
                priority(mode, mask, byRule));
    }

    private Verdict money(Map<String, String> attributes) {
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        String budgetName = settings.budgetAttribute();
        if (!budgetName.isEmpty()) {
            String raw = AttributeValues.text(attributes, budgetName);
            BigDecimal budget = AttributeValues.decimal(raw);
            if (raw == null) {
                missed.add(budgetName + " not given");
            } else if (budget == null) {
                missed.add(budgetName + " " + quote(raw) + " is not an amount (use e.g. 50000.00)");
            } else if (budget.compareTo(settings.threshold()) >= 0) {
                met.add(budgetName + " " + amounts.format(budget) + " \u2265 " + thresholdText);
            } else {
                missed.add(budgetName + " " + amounts.format(budget) + " < " + thresholdText);
            }
        }
        String bandName = settings.bandAttribute();
        if (!bandName.isEmpty()) {
            String raw = AttributeValues.text(attributes, bandName);
            if (raw == null) {
                missed.add(bandName + " not given");
            } else if (contains(settings.bandValues(), raw)) {
                met.add(bandName + " " + quote(raw) + " in " + bandsText);
            } else {
                missed.add(bandName + " " + quote(raw) + " not in " + bandsText);
            }
        }
        return verdict(Criterion.MONEY, met, missed);
    }

    private Verdict authority(Map<String, String> attributes) {
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        String roleName = settings.roleAttribute();
        if (!roleName.isEmpty()) {
            String raw = AttributeValues.text(attributes, roleName);
            if (raw == null) {
                missed.add(roleName + " not given");
            } else if (contains(settings.roles(), raw)) {
                met.add(roleName + " " + quote(raw) + " in " + rolesText);
            } else {
                missed.add(roleName + " " + quote(raw) + " not in " + rolesText);
            }
        }
        String flagName = settings.decisionMakerAttribute();
        if (!flagName.isEmpty()) {
            String raw = AttributeValues.text(attributes, flagName);
            if (raw == null) {
                missed.add(flagName + " not given");
            } else if (AttributeValues.truthy(raw)) {
                met.add(flagName + " = " + raw);
            } else {
                missed.add(flagName + " = " + raw);
            }
        }
        return verdict(Criterion.AUTHORITY, met, missed);
    }

    private Verdict need(Map<String, String> attributes, LocalDate asOf, ZoneId zone) {
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        String needName = settings.needAttribute();
        if (!needName.isEmpty()) {
            String raw = AttributeValues.text(attributes, needName);
            if (raw == null) {
                missed.add(needName + " not given");
            } else {
                met.add(needName + " " + quote(raw));
            }
        }
        String inquiredName = settings.inquiredAtAttribute();
        if (!inquiredName.isEmpty()) {
            String raw = AttributeValues.text(attributes, inquiredName);
            LocalDate inquired = AttributeValues.date(raw, zone);
            int window = settings.inquiryDays();
            if (raw == null) {
                missed.add(inquiredName + " not given");
            } else if (inquired == null) {
                missed.add(inquiredName + " " + quote(raw) + " is not a date (use YYYY-MM-DD)");
            } else {
                long days = ChronoUnit.DAYS.between(inquired, asOf);
                if (days < 0) {
                    missed.add(inquiredName + " " + inquired + " is after the scoring date " + asOf);
                } else if (days <= window) {
                    met.add("inquired " + ago(days) + ", on " + inquired + " (within " + days(window) + ")");
                } else {
                    missed.add("inquired " + ago(days) + ", on " + inquired + " (more than " + days(window) + ")");
                }
            }
        }
        return verdict(Criterion.NEED, met, missed);
    }

    private Verdict timeline(Map<String, String> attributes, LocalDate asOf, ZoneId zone) {
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        String name = settings.timelineAttribute();
        String raw = AttributeValues.text(attributes, name);
        LocalDate planned = AttributeValues.date(raw, zone);
        int window = settings.timelineDays();
        if (raw == null) {
            missed.add(name + " not given");
        } else if (planned == null) {
            missed.add(name + " " + quote(raw) + " is not a date (use YYYY-MM-DD)");
        } else {
            long days = ChronoUnit.DAYS.between(asOf, planned);
            if (days < 0) {
                missed.add("purchase date " + planned + " has passed (scoring date " + asOf + ")");
            } else if (days <= window) {
                met.add("purchase planned " + in(days) + ", on " + planned + " (within " + days(window) + ")");
            } else {
                missed.add("purchase planned " + in(days) + ", on " + planned + " (more than " + days(window) + ")");
            }
        }
        return verdict(Criterion.TIMELINE, met, missed);
    }

    private static Verdict verdict(Criterion criterion, List<String> met, List<String> missed) {
        boolean ok = !met.isEmpty();
        String evidence = String.join("; ", ok ? met : missed);
        return new Verdict(criterion, ok, criterion.title() + " " + (ok ? Verdict.MET : Verdict.NOT_MET) + " " + evidence);
    }

    /** E.g. "M+A: Money ✓, Authority ✓, Need ✗ — next: develop the need (demo, samples)". */
    private static String combination(Mode mode, List<Verdict> verdicts, int mask) {
        StringBuilder text = new StringBuilder(mode.label(mask)).append(": ");
        List<String> next = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict verdict = verdicts.get(i);
            text.append(i == 0 ? "" : ", ").append(verdict.criterion().title()).append(' ').append(verdict.mark());
            if (!verdict.met()) {
                next.add(tactic(verdict.criterion()));
            }
        }
        if (next.isEmpty()) {
            return text.append(" \u2014 all criteria met").toString();
        }
        if (next.size() == verdicts.size()) {
            return text.append(" \u2014 no criterion met").toString();
        }
        return text.append(" \u2014 next: ").append(String.join("; ", next)).toString();
    }

    private static String tactic(Criterion missing) {
        return switch (missing) {
            case MONEY -> "confirm the budget (financing or a smaller first order can help)";
            case AUTHORITY -> "find the person who decides";
            case NEED -> "develop the need (demo, samples)";
            case TIMELINE -> "agree a purchase date";
        };
    }

    /** E.g. "80: potential M+A, after M+A+N (100), before A+N (70) in the MAN order". */
    private static String priority(Mode mode, int mask, LeadClass leadClass) {
        List<Integer> ranked = mode.ranked();
        int index = ranked.indexOf(mask);
        String head = mode.priority(mask) + ": " + leadClass.title().toLowerCase(Locale.ROOT) + " " + mode.label(mask);
        if (index == 0) {
            return head + ", the highest priority of the " + mode.name() + " order";
        }
        if (index == ranked.size() - 1) {
            return head + ", the lowest priority of the " + mode.name() + " order";
        }
        int before = ranked.get(index - 1);
        int after = ranked.get(index + 1);
        return head + ", after " + mode.label(before) + " (" + mode.priority(before) + "), before " + mode.label(after)
                + " (" + mode.priority(after) + ") in the " + mode.name() + " order";
    }

    private static boolean contains(List<String> allowed, String raw) {
        String value = AttributeValues.normalise(raw);
        for (String item : allowed) {
            if (item.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String raw) {
        String value = AttributeValues.normalise(raw);
        if (value.length() > MAX_QUOTED) {
            value = value.substring(0, MAX_QUOTED - 1) + "\u2026";
        }
        return "'" + value + "'";
    }

    private static String ago(long days) {
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
    }

    private static String in(long days) {
        return days == 0 ? "today" : days == 1 ? "in 1 day" : "in " + days + " days";
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
