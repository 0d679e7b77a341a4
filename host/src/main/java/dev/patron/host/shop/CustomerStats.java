package dev.patron.host.shop;

import java.time.Instant;

/** Totals over one customer's orders and refunds; instants are null without orders. */
public record CustomerStats(long orderCount, Instant firstOrderAt, Instant lastOrderAt, long grossMinor,
                            long refundCount, long refundedMinor) {

    public long netMinor() {
        return grossMinor - refundedMinor;
    }
}
