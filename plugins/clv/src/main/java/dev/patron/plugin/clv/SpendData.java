package dev.patron.plugin.clv;

import java.util.Arrays;

/**
 * What the Gamma-Gamma likelihood needs of the customers with a repeat purchase of positive
 * value: grouped by x (repeat purchase days), the number of customers, the sum of ln m_x, and the
 * distinct repeat totals s = x m_x with their counts. With these, one evaluation costs a few
 * log-gammas per distinct x and one log per distinct (x, s).
 *
 * <p>Amounts are major units of the shop currency.
 */
final class SpendData {

    /** Distinct x, ascending. */
    final int[] xs;
    /** Customers per distinct x. */
    final long[] customersPerX;
    /** Sum of ln m_x per distinct x. */
    final double[] sumLogMean;
    /** Where each x's totals start in {@link #totals}; one more entry than {@link #xs}. */
    final int[] groupStart;
    /** Distinct repeat totals s = x m_x, ascending within each x group. */
    final double[] totals;
    /** Customers per distinct total. */
    final int[] totalCounts;
    /** The x of each distinct total. */
    final int[] totalX;
    final int customers;
    /** Pearson correlation between x and m_x over these customers; NaN when either does not vary. */
    final double correlation;
    /** Mean of m_x over these customers. */
    final double meanOfMeans;
    /** Coefficient of variation of m_x; 0 when every customer has the same mean. */
    final double variationOfMeans;

    private SpendData(int[] xs, long[] customersPerX, double[] sumLogMean, int[] groupStart, double[] totals,
                      int[] totalCounts, int[] totalX, int customers, double correlation, double meanOfMeans, double variationOfMeans) {
        this.xs = xs;
        this.customersPerX = customersPerX;
        this.sumLogMean = sumLogMean;
        this.groupStart = groupStart;
        this.totals = totals;
        this.totalCounts = totalCounts;
        this.totalX = totalX;
        this.customers = customers;
        this.correlation = correlation;
        this.meanOfMeans = meanOfMeans;
        this.variationOfMeans = variationOfMeans;
    }

    /** Collects (x, repeat total) per customer. Not thread-safe. */
    static final class Builder {
        private int[] x = new int[256];
        private double[] total = new double[256];
        private int n;

        /** Adds a customer with x >= 1 repeat purchase days worth {@code repeatTotal} > 0 together. */
        void add(int repeatDays, double repeatTotal) {
            if (repeatDays < 1 || !(repeatTotal > 0) || Double.isInfinite(repeatTotal)) {
                throw new IllegalArgumentException("a Gamma-Gamma customer needs x >= 1 and a positive total, not x="
                        + repeatDays + ", total=" + repeatTotal);
            }
            if (n == x.length) {
                x = Arrays.copyOf(x, n * 2);
                total = Arrays.copyOf(total, n * 2);
            }
            x[n] = repeatDays;
            total[n] = repeatTotal;
            n++;
        }

        int customers() {
            return n;
        }

        SpendData build() {
            int maxX = 0;
            for (int i = 0; i < n; i++) {
                maxX = Math.max(maxX, x[i]);
            }
            int[] perX = new int[maxX + 2];
            for (int i = 0; i < n; i++) {
                perX[x[i] + 1]++;
            }
            for (int v = 1; v < perX.length; v++) {
                perX[v] += perX[v - 1];
            }
            double[] byX = new double[n]; // counting sort by x; totals of one x side by side
            int[] next = Arrays.copyOf(perX, perX.length);
            for (int i = 0; i < n; i++) {
                byX[next[x[i]]++] = total[i];
            }
            int groups = 0;
            for (int v = 0; v <= maxX; v++) {
                if (perX[v + 1] > perX[v]) {
                    groups++;
                }
            }
            int[] xs = new int[groups];
            long[] customersPerX = new long[groups];
            double[] sumLogMean = new double[groups];
            int[] groupStart = new int[groups + 1];
            double[] totals = new double[n];
            int[] counts = new int[n];
            int[] totalX = new int[n];
            int g = 0;
            int k = 0;
            double sumX = 0;
            double sumM = 0;
            double sumXx = 0;
            double sumMm = 0;
            double sumXm = 0;
            for (int v = 0; v <= maxX; v++) {
                int from = perX[v];
                int to = perX[v + 1];
                if (to == from) {
                    continue;
                }
                Arrays.sort(byX, from, to);
                xs[g] = v;
                customersPerX[g] = to - from;
                groupStart[g] = k;
                double logs = 0;
                for (int i = from; i < to; i++) {
                    double m = byX[i] / v;
                    logs += Math.log(m);
                    sumX += v;
                    sumM += m;
                    sumXx += (double) v * v;
                    sumMm += m * m;
                    sumXm += v * m;
                    if (i == from || byX[i] != byX[i - 1]) {
                        totals[k] = byX[i];
                        counts[k] = 1;
                        totalX[k] = v;
                        k++;
                    } else {
                        counts[k - 1]++;
                    }
                }
                sumLogMean[g] = logs;
                g++;
            }
            groupStart[groups] = k;
            double meanX = sumX / n;
            double meanM = sumM / n;
            double varX = sumXx / n - meanX * meanX;
            double varM = sumMm / n - meanM * meanM;
            double cov = sumXm / n - meanX * meanM;
            double correlation = varX > 0 && varM > 0 ? cov / Math.sqrt(varX * varM) : Double.NaN;
            double variation = n > 0 && meanM > 0 ? Math.sqrt(Math.max(0, varM)) / meanM : 0;
            return new SpendData(xs, customersPerX, sumLogMean, groupStart, Arrays.copyOf(totals, k), Arrays.copyOf(counts, k),
                    Arrays.copyOf(totalX, k), n, correlation, meanM, variation);
        }
    }
}
