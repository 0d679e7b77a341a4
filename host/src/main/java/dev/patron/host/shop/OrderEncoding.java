package dev.patron.host.shop;

/**
 * What the orders table stores beside an order's own fields: its {@link Fingerprint} and the JSON
 * of its lines (null without lines). Bulk writers compute it where they read, off the writing thread.
 */
public record OrderEncoding(String fingerprint, String linesJson) {

    public static OrderEncoding of(Order order) {
        return new OrderEncoding(Fingerprint.of(order), order.lines().isEmpty() ? null : ShopRepository.linesJson(order.lines()));
    }
}
