package dev.patron.api.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One customer as the host sees them at a scoring date: profile attributes, every order placed
 * up to the end of {@link #asOf()} and every refund. Built by the host in one streaming pass
 * over the orders (or by the testkit); immutable and safe to share between threads.
 *
 * <p>Amounts are integer minor units of the shop currency (cents, fen). Times are UTC instants;
 * calendar days are counted in {@link #zone()}, the shop's time zone.
 */
public final class CustomerSummary {

    private final String id;
    private final LocalDate asOf;
    private final ZoneId zone;
    private final Map<String, String> attributes;
    private final long[] orderTimes;
    private final long[] orderAmounts;
    private final long[] refundTimes;
    private final long[] refundAmounts;
    private final long grossSpend;
    private final long refunded;

    private CustomerSummary(Builder b) {
        this.id = b.id;
        this.asOf = b.asOf;
        this.zone = b.zone;
        this.attributes = Map.copyOf(b.attributes);
        long[][] orders = sortedByTime(Arrays.copyOf(b.orderTimes, b.orders), Arrays.copyOf(b.orderAmounts, b.orders));
        this.orderTimes = orders[0];
        this.orderAmounts = orders[1];
        long[][] refunds = sortedByTime(Arrays.copyOf(b.refundTimes, b.refunds), Arrays.copyOf(b.refundAmounts, b.refunds));
        this.refundTimes = refunds[0];
        this.refundAmounts = refunds[1];
        this.grossSpend = Arrays.stream(orderAmounts).sum();
        this.refunded = Arrays.stream(refundAmounts).sum();
    }

    /** Starts a summary of customer {@code id} as of the end of day {@code asOf} in {@code zone}. */
    public static Builder builder(String id, LocalDate asOf, ZoneId zone) {
        return new Builder(id, asOf, zone);
    }

    public String id() {
        return id;
    }

    /** The scoring date: the summary holds what was known at the end of this day. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The shop's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Profile attributes (budget, role, decisionMaker, need, inquiredAt, ...), every value as
     * text: JSON numbers and booleans keep their literal spelling. Absent keys are absent.
     */
    public Map<String, String> attributes() {
        return attributes;
    }

    public int orderCount() {
        return orderTimes.length;
    }

    public boolean hasOrders() {
        return orderTimes.length > 0;
    }

    /** When the i-th order (0 = earliest) was placed. */
    public Instant orderPlacedAt(int i) {
        return Instant.ofEpochSecond(orderTimes[i]);
    }

    /** The shop-zone day of the i-th order. */
    public LocalDate orderDay(int i) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(orderTimes[i]), zone);
    }

    /** Amount of the i-th order in minor units, before refunds. */
    public long orderAmountMinor(int i) {
        return orderAmounts[i];
    }

    /** The first order's instant; throws if there are no orders. */
    public Instant firstOrderAt() {
        requireOrders();
        return orderPlacedAt(0);
    }

    /** The last order's instant; throws if there are no orders. */
    public Instant lastOrderAt() {
        requireOrders();
        return orderPlacedAt(orderTimes.length - 1);
    }

    /** Whole days from the last order's shop-zone day to {@link #asOf()}; 0 when bought on that day. */
    public long daysSinceLastOrder() {
        requireOrders();
        return ChronoUnit.DAYS.between(orderDay(orderTimes.length - 1), asOf);
    }

    /** Whole days from the first order's shop-zone day to {@link #asOf()}. */
    public long daysSinceFirstOrder() {
        requireOrders();
        return ChronoUnit.DAYS.between(orderDay(0), asOf);
    }

    /** Number of distinct shop-zone days with at least one order. */
    public int purchaseDayCount() {
        int count = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < orderTimes.length; i++) {
            long day = orderDay(i).toEpochDay();
            if (day != previous) {
                count++;
                previous = day;
            }
        }
        return count;
    }

    /** Sum of order amounts before refunds, in minor units. */
    public long grossSpendMinor() {
        return grossSpend;
    }

    /** Sum of refunds, in minor units. */
    public long refundedMinor() {
        return refunded;
    }

    /** Gross spend less refunds, in minor units; may be 0, never negative unless refunds exceed orders. */
    public long netSpendMinor() {
        return grossSpend - refunded;
    }

    public int refundCount() {
        return refundTimes.length;
    }

    /** When the i-th refund (0 = earliest) was made. */
    public Instant refundedAt(int i) {
        return Instant.ofEpochSecond(refundTimes[i]);
    }

    /** Amount of the i-th refund in minor units. */
    public long refundAmountMinor(int i) {
        return refundAmounts[i];
    }

    private void requireOrders() {
        if (orderTimes.length == 0) {
            throw new IllegalStateException("customer " + id + " has no orders; check hasOrders() first");
        }
    }

    private static long[][] sortedByTime(long[] times, long[] amounts) {
        boolean sorted = true;
        for (int i = 1; i < times.length && sorted; i++) {
            sorted = times[i - 1] <= times[i];
        }
        if (sorted) {
            return new long[][] {times, amounts};
        }
        Integer[] order = new Integer[times.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(times[x], times[y]));
        long[] t = new long[times.length];
        long[] a = new long[times.length];
        for (int i = 0; i < order.length; i++) {
            t[i] = times[order[i]];
            a[i] = amounts[order[i]];
        }
        return new long[][] {t, a};
    }

    @Override
    public String toString() {
        return "CustomerSummary{" + id + ", asOf=" + asOf + ", orders=" + orderTimes.length
                + ", net=" + netSpendMinor() + "}";
    }

    /** Collects one customer's facts. Not thread-safe; build once. */
    public static final class Builder {
        private final String id;
        private final LocalDate asOf;
        private final ZoneId zone;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private long[] orderTimes = new long[4];
        private long[] orderAmounts = new long[4];
        private int orders;
        private long[] refundTimes = new long[0];
        private long[] refundAmounts = new long[0];
        private int refunds;

        private Builder(String id, LocalDate asOf, ZoneId zone) {
            this.id = Objects.requireNonNull(id, "id");
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        public Builder attribute(String key, String value) {
            if (value != null) {
                attributes.put(key, value);
            }
            return this;
        }

        public Builder attributes(Map<String, String> values) {
            values.forEach(this::attribute);
            return this;
        }

        /** Adds an order placed at {@code placedAt} of {@code amountMinor} minor units (>= 0). */
        public Builder order(Instant placedAt, long amountMinor) {
            return order(placedAt.getEpochSecond(), amountMinor);
        }

        /** Adds an order by epoch second; the host's fast path. */
        public Builder order(long placedAtEpochSecond, long amountMinor) {
            if (orders == orderTimes.length) {
                orderTimes = Arrays.copyOf(orderTimes, orders * 2);
                orderAmounts = Arrays.copyOf(orderAmounts, orders * 2);
            }
            orderTimes[orders] = placedAtEpochSecond;
            orderAmounts[orders] = amountMinor;
            orders++;
            return this;
        }

        public Builder refund(Instant refundedAt, long amountMinor) {
            return refund(refundedAt.getEpochSecond(), amountMinor);
        }

        public Builder refund(long refundedAtEpochSecond, long amountMinor) {
            if (refunds == refundTimes.length) {
                refundTimes = Arrays.copyOf(refundTimes, Math.max(2, refunds * 2));
                refundAmounts = Arrays.copyOf(refundAmounts, Math.max(2, refunds * 2));
            }
            refundTimes[refunds] = refundedAtEpochSecond;
            refundAmounts[refunds] = amountMinor;
            refunds++;
            return this;
        }

        public CustomerSummary build() {
            return new CustomerSummary(this);
        }
    }
}
