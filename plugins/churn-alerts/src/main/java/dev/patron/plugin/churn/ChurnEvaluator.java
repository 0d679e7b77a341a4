package dev.patron.plugin.churn;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Score;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies the three summary rules to one customer and writes the scores. Pure: the result depends
 * only on the summary and the rules.
 *
 * <p>Purchases are counted as distinct shop-zone <em>purchase days</em>, not orders: two orders on
 * one day (a split basket, a forgotten item) are one visit. Counting them as two would put a gap
 * of 0 days into the mean and make the customer look overdue far too early, and would turn a
 * one-visit customer into a "regular".
 */
final class ChurnEvaluator {

    static final String OVERDUE_RATIO = "overdue_ratio";
    static final String SPEND_CHANGE = "spend_change";
    static final String ONE_TIME_DAYS = "one_time_days";
    static final String CHURN_RISK = "churn_risk";
    /** The {@code churn_risk} label when no rule fires. */
    static final String NONE = "none";
    /** The {@code churn_risk} label of a customer gone longer than the lost horizon: no rule judges them. */
    static final String LOST = "lost";
    /** Separates rule ids in the {@code churn_risk} label, e.g. {@code overdue+spend_decline}. */
    static final String SEPARATOR = "+";

    private final ScoringRules rules;
    private final Money money;

    ChurnEvaluator(ScoringRules rules, Money money) {
        this.rules = rules;
        this.money = money;
    }

    /** The customer's churn scores; empty for a customer without orders. */
    List<Score> score(CustomerSummary customer) {
        if (!customer.hasOrders()) {
            return List.of();
        }
        long since = customer.daysSinceLastOrder();
        if (since > rules.lostAfterDays()) {
            return List.of(Score.labelled(CHURN_RISK, LOST, "Last order " + since + " days ago, beyond the " + rules.lostAfterDays()
                    + "-day horizon: counted as lost, not at risk, so no rule judges this customer and no alert is raised"));
        }
        List<Score> scores = new ArrayList<>(4);
        List<String> firing = new ArrayList<>(3);
        List<String> reasons = new ArrayList<>(3);
        int purchaseDays = customer.purchaseDayCount();
        if (purchaseDays >= 2) {
            overdue(customer, purchaseDays, scores, firing, reasons);
            spendChange(customer, scores, firing, reasons);
        } else {
            // A single visit has nothing to decline from but itself: the one-time rule owns these customers.
            oneTime(customer, scores, firing, reasons);
        }
        if (firing.isEmpty()) {
            scores.add(Score.labelled(CHURN_RISK, NONE, "No churn rule fires on the order history"
                    + " (probability alive, from the clv plugin, is checked after each full scoring run)"));
        } else {
            scores.add(Score.labelled(CHURN_RISK, String.join(SEPARATOR, firing), "Fires: " + String.join("; ", reasons)));
        }
        return scores;
    }

    /** Overdue: days since the last purchase day against k times the mean gap between purchase days. */
    private void overdue(CustomerSummary customer, int purchaseDays, List<Score> scores, List<String> firing,
                         List<String> reasons) {
        long span = ChronoUnit.DAYS.between(customer.orderDay(0), customer.orderDay(customer.orderCount() - 1));
        int gaps = purchaseDays - 1;
        double meanGap = (double) span / gaps; // at least 1: purchase days are distinct
        long since = customer.daysSinceLastOrder();
        double ratio = since / meanGap;
        // since > k * span / gaps, kept in whole-number products so the boundary is exact.
        boolean beyond = since * (double) gaps > rules.gapMultiple() * span;
        boolean fires = rules.overdueOn() && beyond && since >= rules.overdueMinDays();
        String rule = "overdue above " + ChurnSettings.plain(rules.gapMultiple()) + "×"
                + (rules.overdueMinDays() > 0 ? " and from " + rules.overdueMinDays() + " days" : "")
                + (rules.overdueOn() ? "" : "; rule off");
        String text = String.format(Locale.ROOT, "Last order %d days ago, %.2f× the usual gap of %.1f days between %d purchase"
                + " days (%s)", since, ratio, meanGap, purchaseDays, rule);
        scores.add(Score.numeric(OVERDUE_RATIO, round(ratio, 100), text));
        if (fires) {
            firing.add(Rule.OVERDUE.id());
            reasons.add(String.format(Locale.ROOT, "overdue, %d days since the last order is %.2f× the usual gap of %.1f days",
                    since, ratio, meanGap));
        }
    }

    /** One-time buyer: a single purchase day, no return within N days. */
    private void oneTime(CustomerSummary customer, List<Score> scores, List<String> firing, List<String> reasons) {
        long since = customer.daysSinceFirstOrder();
        boolean fires = rules.oneTimeOn() && since >= rules.oneTimeDays();
        LocalDate day = customer.orderDay(0);
        String orders = customer.orderCount() == 1 ? "" : " (" + customer.orderCount() + " orders)";
        String text = "One purchase day, " + day + orders + ", " + since + " days ago, no return yet (alert from "
                + rules.oneTimeDays() + " days" + (rules.oneTimeOn() ? "" : "; rule off") + ")";
        scores.add(Score.numeric(ONE_TIME_DAYS, since, text));
        if (fires) {
            firing.add(Rule.ONE_TIME.id());
            reasons.add("one-time buyer, no return in " + since + " days since " + day);
        }
    }

    /**
     * Spend decline: net spend in the last W days (ending on the scoring date) against the W days
     * before. Net spend in a window is the orders placed in it less the refunds made in it, at
     * least 0 (the summary does not tie a refund to its order, so refunds count when they happen).
     * Without earlier spend there is nothing to decline from and no score.
     */
    private void spendChange(CustomerSummary customer, List<Score> scores, List<String> firing, List<String> reasons) {
        long window = rules.spendWindowDays();
        LocalDate asOf = customer.asOf();
        LocalDate recentFrom = asOf.minusDays(window - 1);
        LocalDate earlierFrom = asOf.minusDays(2 * window - 1);
        long recent = 0;
        long earlier = 0;
        for (int i = 0; i < customer.orderCount(); i++) {
            LocalDate day = customer.orderDay(i);
            if (!day.isBefore(recentFrom)) {
                recent += customer.orderAmountMinor(i);
            } else if (!day.isBefore(earlierFrom)) {
                earlier += customer.orderAmountMinor(i);
            }
        }
        for (int i = 0; i < customer.refundCount(); i++) {
            LocalDate day = LocalDate.ofInstant(customer.refundedAt(i), customer.zone());
            if (day.isAfter(asOf)) {
                continue;
            }
            if (!day.isBefore(recentFrom)) {
                recent -= customer.refundAmountMinor(i);
            } else if (!day.isBefore(earlierFrom)) {
                earlier -= customer.refundAmountMinor(i);
            }
        }
        recent = Math.max(0, recent);
        earlier = Math.max(0, earlier);
        if (earlier == 0) {
            return;
        }
        double change = (recent - earlier) * 100.0 / earlier;
        boolean enough = earlier >= rules.minEarlierSpendMinor();
        // (earlier - recent) / earlier >= X%, multiplied out so "exactly X%" fires.
        boolean declined = (earlier - recent) * 100.0 >= rules.spendDeclinePercent() * earlier;
        boolean fires = rules.spendDeclineOn() && enough && declined;
        String text = String.format(Locale.ROOT, "Net spend %s in the last %d days vs %s in the %d days before: %+.1f%%"
                        + " (alert at a fall of %s%% or more%s)%s",
                money.minor(recent), window, money.minor(earlier), window, change,
                ChurnSettings.plain(rules.spendDeclinePercent()),
                rules.spendDeclineOn() ? "" : "; rule off",
                enough ? "" : "; earlier spend is below the " + money.minor(rules.minEarlierSpendMinor()) + " minimum, not judged");
        scores.add(Score.numeric(SPEND_CHANGE, round(change, 10), text));
        if (fires) {
            firing.add(Rule.SPEND_DECLINE.id());
            reasons.add(String.format(Locale.ROOT, "spend decline, %s in the last %d days vs %s before (%+.1f%%)",
                    money.minor(recent), window, money.minor(earlier), change));
        }
    }

    /** The rules named in a {@code churn_risk} label; empty for {@code none} or null. */
    static List<Rule> rulesIn(String label) {
        List<Rule> result = new ArrayList<>(3);
        if (label == null || label.equals(NONE) || label.equals(LOST)) {
            return result;
        }
        for (String id : label.split("\\+")) {
            Rule rule = Rule.fromId(id.trim());
            if (rule != null && rule.fromSummary()) {
                result.add(rule);
            }
        }
        return result;
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
