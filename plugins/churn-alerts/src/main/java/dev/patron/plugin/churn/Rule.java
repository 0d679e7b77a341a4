package dev.patron.plugin.churn;

/**
 * The four churn rules. Each has a stable id: it is the alert's {@code rule}, the first part of the
 * alert's dedup key ({@code <rule>:<customer id>}), the prefix of its settings and a part of the
 * {@code churn_risk} label.
 */
enum Rule {
    /** Days since the last purchase exceed k times the customer's own mean gap between purchase days. */
    OVERDUE("overdue", "Overdue customer"),
    /** The clv plugin's probability that the customer is still active is below a threshold. */
    P_ALIVE("p_alive", "Low probability alive"),
    /** Net spend in the last W days fell by at least X% against the W days before. */
    SPEND_DECLINE("spend_decline", "Spend decline"),
    /** A customer with one purchase day has not come back within N days. */
    ONE_TIME("one_time", "One-time buyer not back");

    private final String id;
    private final String title;

    Rule(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The rule id used in alerts, dedup keys and labels, e.g. {@code spend_decline}. */
    String id() {
        return id;
    }

    /** The English title of its alerts (the inbox is not localised). */
    String title() {
        return title;
    }

    /** The alert's dedup key for a customer: one unresolved alert per customer and rule. */
    String dedupKey(String customerId) {
        return id + ":" + customerId;
    }

    /** Whether the scorer decides this rule from the customer summary (all but {@link #P_ALIVE}). */
    boolean fromSummary() {
        return this != P_ALIVE;
    }

    /** The rule with this id, or null. */
    static Rule fromId(String id) {
        for (Rule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        return null;
    }
}
