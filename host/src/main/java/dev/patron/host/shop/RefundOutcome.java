package dev.patron.host.shop;

/**
 * What a refund write did, and the facts of the order it refunds.
 *
 * @param orderAmountMinor the order's total
 * @param refundedBeforeMinor what earlier refunds of the order returned
 */
public record RefundOutcome(OrderOutcome outcome, String customerId, long orderAmountMinor, long refundedBeforeMinor) {
}
