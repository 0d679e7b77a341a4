package dev.patron.host.shop;

/** One line of an order: {@code quantity} units of {@code sku} at {@code unitPriceMinor} each. */
public record OrderLine(String sku, long quantity, long unitPriceMinor) {
}
