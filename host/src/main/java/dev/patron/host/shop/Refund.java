package dev.patron.host.shop;

import java.time.Instant;
import java.util.Objects;

/** Money returned to a customer against one order; {@code amountMinor} > 0. Its id is its idempotency key. */
public record Refund(String id, String orderId, long amountMinor, Instant refundedAt) {

    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }
}
