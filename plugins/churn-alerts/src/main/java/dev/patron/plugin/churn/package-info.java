/**
 * The churn-alerts plugin: four churn rules (overdue, probability alive, spend decline, one-time
 * buyer) raised as alerts in the host's inbox, one per customer and rule.
 *
 * <p>{@link dev.patron.plugin.churn.ChurnScorer} decides the three rules that need only the order
 * history, during the scoring run, and explains each as a score. After the run,
 * {@link dev.patron.plugin.churn.ChurnRunListener} reads those scores together with the clv
 * plugin's {@code p_alive} and the rfm plugin's {@code tier} in pages of customers, raises and
 * resolves alerts, and records what it did. {@link dev.patron.plugin.churn.ReturnResolver} resolves
 * a customer's alerts in the transaction of their next order. See {@code docs/churn-alerts.md}.
 */
package dev.patron.plugin.churn;
