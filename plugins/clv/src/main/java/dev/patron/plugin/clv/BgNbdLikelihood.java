package dev.patron.plugin.clv;

import java.util.stream.IntStream;

/**
 * The BG/NBD log-likelihood of a whole population, summed over its distinct (x, t_x, T) triples
 * weighted by how many customers share each.
 *
 * <p>Per evaluation, every term that depends on x alone (four log-gammas) is computed once per
 * distinct x, and ln(α + d) once per day count d up to the longest observation, so each triple
 * costs one exp and one log1p. Large populations are summed in a fixed number of slices in
 * parallel; slice sums are added in slice order, so the result does not depend on scheduling.
 */
final class BgNbdLikelihood {

    /** Below this many distinct triples the sum runs on the calling thread. */
    static final int PARALLEL_FROM = 20_000;
    private static final int SLICES = 16;

    private final Triples triples;
    private final double unitDays;
    private final int[] xValues;
    private final int[] xIndex;

    BgNbdLikelihood(Triples triples, FitUnit unit) {
        this.triples = triples;
        this.unitDays = unit.days();
        int maxX = 0;
        for (int value : triples.x) {
            maxX = Math.max(maxX, value);
        }
        int[] slot = new int[maxX + 1];
        java.util.Arrays.fill(slot, -1);
        int distinct = 0;
        for (int value : triples.x) {
            if (slot[value] < 0) {
                slot[value] = distinct++;
            }
        }
        this.xValues = new int[distinct];
        for (int value = 0; value <= maxX; value++) {
            if (slot[value] >= 0) {
                xValues[slot[value]] = value;
            }
        }
        this.xIndex = new int[triples.size()];
        for (int i = 0; i < xIndex.length; i++) {
            xIndex[i] = slot[triples.x[i]];
        }
    }

    Triples triples() {
        return triples;
    }

    /** The log-likelihood at (r, α, a, b), α in the fitting unit; NaN or -infinity where it is undefined. */
    double logLikelihood(double r, double alpha, double a, double b) {
        int xs = xValues.length;
        double[] common = new double[xs];
        double[] rx = new double[xs];
        double[] logRatio = new double[xs];
        double lgR = SpecialFunctions.logGamma(r);
        double lgB = SpecialFunctions.logGamma(b);
        double lgAb = SpecialFunctions.logGamma(a + b);
        double logA = Math.log(a);
        double rLogAlpha = r * Math.log(alpha);
        for (int k = 0; k < xs; k++) {
            int x = xValues[k];
            rx[k] = r + x;
            common[k] = SpecialFunctions.logGamma(r + x) - lgR + rLogAlpha + lgAb + SpecialFunctions.logGamma(b + x) - lgB
                    - SpecialFunctions.logGamma(a + b + x);
            logRatio[k] = x == 0 ? Double.NEGATIVE_INFINITY : logA - Math.log(b + x - 1);
        }
        double[] logAlphaPlus = new double[triples.maxDays + 1];
        for (int d = 0; d < logAlphaPlus.length; d++) {
            logAlphaPlus[d] = Math.log(alpha + d / unitDays);
        }
        int n = triples.size();
        if (n < PARALLEL_FROM) {
            return sum(0, n, common, rx, logRatio, logAlphaPlus);
        }
        double[] parts = new double[SLICES];
        IntStream.range(0, SLICES).parallel().forEach(s -> parts[s] = sum((int) ((long) n * s / SLICES),
                (int) ((long) n * (s + 1) / SLICES), common, rx, logRatio, logAlphaPlus));
        double total = 0;
        for (double part : parts) {
            total += part;
        }
        return total;
    }

    private double sum(int from, int to, double[] common, double[] rx, double[] logRatio, double[] logAlphaPlus) {
        int[] x = triples.x;
        int[] tx = triples.txDays;
        int[] t = triples.tDays;
        int[] count = triples.count;
        double total = 0;
        for (int i = from; i < to; i++) {
            int k = xIndex[i];
            double logT = logAlphaPlus[t[i]];
            double ll = common[k] - rx[k] * logT;
            if (x[i] > 0) {
                // ln(1 + e^y) with the intrinsic log and exp: an absolute error of about 1e-16 per
                // customer, nothing next to the sum, and several times faster than log1p.
                double y = logRatio[k] + rx[k] * (logT - logAlphaPlus[tx[i]]);
                ll += y > 0 ? y + Math.log(1 + Math.exp(-y)) : Math.log(1 + Math.exp(y));
            }
            total += count[i] * ll;
        }
        return total;
    }
}
