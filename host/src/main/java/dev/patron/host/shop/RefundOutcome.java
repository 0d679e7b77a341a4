package dev.patron.host.shop;

/** What a refund write did, and the customer whose order it refunds. */
public record RefundOutcome(OrderOutcome outcome, String customerId) {
}
