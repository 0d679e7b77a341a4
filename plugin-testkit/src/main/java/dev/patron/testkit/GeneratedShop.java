package dev.patron.testkit;

/** What {@link PluginTestbed#demoShop} wrote: numbers of customers, orders and refunds. */
public record GeneratedShop(int customers, int orders, int refunds) {
}
