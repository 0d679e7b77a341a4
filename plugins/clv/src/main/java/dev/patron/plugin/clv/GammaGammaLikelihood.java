package dev.patron.plugin.clv;

import java.util.stream.IntStream;

/**
 * The Gamma-Gamma log-likelihood of the customers in a {@link SpendData}. Terms that depend on x
 * alone are computed once per distinct x; the one log per distinct (x, s) is summed in a fixed
 * number of slices, in parallel for large populations, added in slice order (deterministic).
 */
final class GammaGammaLikelihood {

    private static final int PARALLEL_FROM = 20_000;
    private static final int SLICES = 16;

    private final SpendData data;

    GammaGammaLikelihood(SpendData data) {
        this.data = data;
    }

    SpendData data() {
        return data;
    }

    /**
     * The log-likelihood at (p, q, γ): per distinct x, n_x [lnΓ(px+q) - lnΓ(px) - lnΓ(q) + q ln γ + px ln x]
     * + (px - 1) Σ ln m_x, minus Σ (px+q) ln(γ + s) over customers, with s = x m_x.
     */
    double logLikelihood(double p, double q, double gamma) {
        double lgQ = SpecialFunctions.logGamma(q);
        double qLogGamma = q * Math.log(gamma);
        double total = 0;
        for (int g = 0; g < data.xs.length; g++) {
            int x = data.xs[g];
            double px = p * x;
            total += data.customersPerX[g] * (SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - lgQ
                    + qLogGamma + px * Math.log(x)) + (px - 1) * data.sumLogMean[g];
        }
        int n = data.totals.length;
        if (n < PARALLEL_FROM) {
            return total - sum(0, n, p, q, gamma);
        }
        double[] parts = new double[SLICES];
        IntStream.range(0, SLICES).parallel().forEach(s -> parts[s] = sum((int) ((long) n * s / SLICES),
                (int) ((long) n * (s + 1) / SLICES), p, q, gamma));
        for (double part : parts) {
            total -= part;
        }
        return total;
    }

    private double sum(int from, int to, double p, double q, double gamma) {
        double[] totals = data.totals;
        int[] counts = data.totalCounts;
        int[] xs = data.totalX;
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += counts[i] * (p * xs[i] + q) * Math.log(gamma + totals[i]);
        }
        return sum;
    }
}
