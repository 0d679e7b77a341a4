package dev.patron.api.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A new order was stored (never sent for a retry of an order already stored).
 *
 * @param amountMinor order total in minor units of the shop currency
 * @param source where it came from: {@code api}, {@code import} or {@code demo}
 */
public record OrderPlaced(String orderId, String customerId, Instant placedAt, long amountMinor, String channel,
                          String source) {

    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
    }
}
