package dev.patron.api.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Money was returned against an order.
 *
 * @param amountMinor this refund, in minor units
 * @param orderAmountMinor the order's original total, so handlers can reverse proportionally
 * @param refundedBeforeMinor what earlier refunds of the same order already returned
 */
public record OrderRefunded(String refundId, String orderId, String customerId, long amountMinor, long orderAmountMinor,
                            long refundedBeforeMinor, Instant refundedAt) {

    public OrderRefunded {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }
}
