package dev.patron.plugin.clv;

import dev.patron.api.scoring.CustomerSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * One customer's purchase history up to a cut-off day, in the terms of the models: purchase days
 * (all orders on one shop-zone calendar day count as one purchase, their amounts summed), the
 * first and last of them, and spend net of refunds.
 *
 * <p>Refunds are not tied to orders in a summary, so spend is made net by the share of the money
 * kept: every purchase day's amount is multiplied by {@code max(0, gross - refunded) / gross},
 * gross and refunds counted up to the cut-off. A reader is reused for customer after customer
 * (no allocation per customer); it is not thread-safe.
 */
final class PurchaseHistory {

    private ZoneId zone;
    private ZoneRules rules;
    private int fixedOffset;
    private boolean fixed;

    private int purchaseDays;
    private long firstDay;
    private long lastDay;
    private long grossMinor;
    private long firstDayMinor;
    private long refundedMinor;

    /**
     * Reads {@code customer}'s orders and refunds on or before {@code cutoffDay} (inclusive, in
     * the customer's shop zone). Returns false, leaving no purchase, when there is none by then.
     */
    boolean read(CustomerSummary customer, long cutoffDay) {
        useZone(customer.zone());
        purchaseDays = 0;
        grossMinor = 0;
        firstDayMinor = 0;
        refundedMinor = 0;
        int orders = customer.orderCount();
        for (int i = 0; i < orders; i++) {
            long day = day(customer.orderPlacedAt(i));
            if (day > cutoffDay) {
                break; // orders are sorted by time
            }
            long amount = customer.orderAmountMinor(i);
            if (purchaseDays == 0) {
                firstDay = day;
                lastDay = day;
                purchaseDays = 1;
            } else if (day != lastDay) {
                lastDay = day;
                purchaseDays++;
            }
            if (day == firstDay) {
                firstDayMinor += amount;
            }
            grossMinor += amount;
        }
        if (purchaseDays == 0) {
            return false;
        }
        for (int i = 0; i < customer.refundCount(); i++) {
            if (day(customer.refundedAt(i)) <= cutoffDay) {
                refundedMinor += customer.refundAmountMinor(i);
            }
        }
        return true;
    }

    /** Distinct purchase days, at least 1. */
    int purchaseDays() {
        return purchaseDays;
    }

    /** x: repeat purchase days, the purchase days after the first. */
    int repeatDays() {
        return purchaseDays - 1;
    }

    long firstDay() {
        return firstDay;
    }

    long lastDay() {
        return lastDay;
    }

    /** t_x in days: from the first purchase day to the last. */
    long lastPurchaseAfterFirstDays() {
        return lastDay - firstDay;
    }

    /** The share of order value not refunded, in [0, 1]. */
    double keptShare() {
        if (grossMinor <= 0) {
            return 1.0;
        }
        return Math.max(0, grossMinor - refundedMinor) / (double) grossMinor;
    }

    /** Net spend on all purchase days, in minor units. */
    double netMinor() {
        return grossMinor * keptShare();
    }

    /** Net spend on the repeat purchase days (all but the first), in minor units. */
    double repeatNetMinor() {
        return (grossMinor - firstDayMinor) * keptShare();
    }

    /** Net spend per purchase day, in minor units: the average order value of the margin model. */
    double averageNetMinor() {
        return netMinor() / purchaseDays;
    }

    /** Mean net value of the repeat purchase days (m_x), in minor units; 0 without repeat purchases. */
    double repeatMeanNetMinor() {
        return purchaseDays > 1 ? repeatNetMinor() / (purchaseDays - 1) : 0;
    }

    private void useZone(ZoneId customerZone) {
        if (customerZone.equals(zone)) {
            return;
        }
        zone = customerZone;
        rules = customerZone.getRules();
        fixed = rules.isFixedOffset();
        fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    private long day(Instant instant) {
        long seconds = instant.getEpochSecond();
        int offset = fixed ? fixedOffset : offsetAt(instant);
        return Math.floorDiv(seconds + offset, 86_400L);
    }

    private int offsetAt(Instant instant) {
        ZoneOffset offset = rules.getOffset(instant);
        return offset.getTotalSeconds();
    }
}
