package dev.patron.host.shop;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One order. Its id is the idempotency key: the same order posted twice is stored once.
 *
 * @param amountMinor order total in minor units of {@code currency} (>= 0)
 * @param lines optional order lines; empty when the shop sends only totals
 */
public record Order(String id, String customerId, Instant placedAt, long amountMinor, String currency,
                    String channel, List<OrderLine> lines) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(currency, "currency");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
