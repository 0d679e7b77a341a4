package dev.patron.plugin.clv;

import java.util.Arrays;

/**
 * The sufficient statistics of the BG/NBD likelihood: the distinct (x, t_x, T) triples of a
 * population, with how many customers share each. Times are whole days here (purchase days are
 * shop-zone calendar days); the likelihood converts them to the fitting unit. Many customers
 * share a triple (every one-time buyer of a day has (0, 0, T)), so fitting on the triples instead
 * of the customers is what keeps a fit of a million customers within seconds.
 *
 * <p>Triples are sorted by x, then t_x, then T, so equal inputs always give equal arrays.
 */
final class Triples {

    private static final int X_BITS = 20;
    private static final int DAY_BITS = 21;
    private static final long DAY_MASK = (1L << DAY_BITS) - 1;
    /** The largest x and day count the packing holds: about a million purchase days, 5,700 years. */
    static final int MAX_X = (1 << X_BITS) - 1;
    static final int MAX_DAYS = (int) DAY_MASK;

    final int[] x;
    final int[] txDays;
    final int[] tDays;
    final int[] count;
    final int customers;
    final int maxDays;

    private Triples(int[] x, int[] txDays, int[] tDays, int[] count, int customers, int maxDays) {
        this.x = x;
        this.txDays = txDays;
        this.tDays = tDays;
        this.count = count;
        this.customers = customers;
        this.maxDays = maxDays;
    }

    int size() {
        return x.length;
    }

    /** Customers with x > 0. */
    int repeatCustomers() {
        int repeat = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                repeat += count[i];
            }
        }
        return repeat;
    }

    /** Total repeat purchases, the sum of x over customers. */
    long repeatPurchases() {
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (long) x[i] * count[i];
        }
        return sum;
    }

    /** Total observation time, the sum of T over customers, in days. */
    long observedDays() {
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (long) tDays[i] * count[i];
        }
        return sum;
    }

    /** Collects one triple per customer, then sorts and counts them. Not thread-safe. */
    static final class Builder {
        private long[] packed = new long[1024];
        private int n;

        /** Adds a customer with x repeat purchase days, the last t_x days and the observation end T days after the first. */
        void add(int x, long txDays, long tDays) {
            if (x < 0 || x > MAX_X || txDays < 0 || tDays < txDays || tDays > MAX_DAYS) {
                throw new IllegalArgumentException("customer history out of range: x=" + x + ", t_x=" + txDays + " days, T="
                        + tDays + " days");
            }
            if (n == packed.length) {
                packed = Arrays.copyOf(packed, n * 2);
            }
            packed[n++] = ((long) x << (2 * DAY_BITS)) | (txDays << DAY_BITS) | tDays;
        }

        int customers() {
            return n;
        }

        Triples build() {
            long[] sorted = Arrays.copyOf(packed, n);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            int[] x = new int[distinct];
            int[] tx = new int[distinct];
            int[] t = new int[distinct];
            int[] count = new int[distinct];
            int k = -1;
            int maxDays = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    k++;
                    x[k] = (int) (sorted[i] >>> (2 * DAY_BITS));
                    tx[k] = (int) ((sorted[i] >>> DAY_BITS) & DAY_MASK);
                    t[k] = (int) (sorted[i] & DAY_MASK);
                    maxDays = Math.max(maxDays, t[k]);
                }
                count[k]++;
            }
            return new Triples(x, tx, t, count, n, maxDays);
        }
    }
}
