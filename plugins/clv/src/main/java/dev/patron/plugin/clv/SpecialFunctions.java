package dev.patron.plugin.clv;

import org.apache.commons.math3.special.Gamma;

/**
 * The special functions the models need, all in log space so that customers with many purchases
 * neither overflow nor lose every digit to cancellation.
 */
final class SpecialFunctions {

    /** Relative size of the series tail at which {@link #logHyp2f1} stops. */
    static final double SERIES_TOLERANCE = 1e-15;
    /** Terms after which {@link #logHyp2f1} gives up; far beyond what any horizon up to ten years needs. */
    static final int SERIES_MAX_TERMS = 1_000_000;

    private static final double RESCALE_ABOVE = 1e250;
    private static final double RESCALE_BY = 1e-250;
    private static final double LOG_RESCALE = 250 * Math.log(10);

    private SpecialFunctions() {
    }

    /** ln Γ(x) for x > 0 (commons-math3's implementation, accurate to a few ulps). */
    static double logGamma(double x) {
        return Gamma.logGamma(x);
    }

    /** ln(1 + e^y) without overflow for large y or loss of precision for very negative y. */
    static double log1pExp(double y) {
        return y > 0 ? y + Math.log1p(Math.exp(-y)) : Math.log1p(Math.exp(y));
    }

    /** ln(e^u + e^v). */
    static double logSumExp(double u, double v) {
        if (u == Double.NEGATIVE_INFINITY) {
            return v;
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return u;
        }
        return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
    }

    /**
     * ln of the Gauss hypergeometric function 2F1(a, b; c; z) for a, b > 0 and 0 <= z < 1, by its
     * power series {@code sum (a)_n (b)_n / ((c)_n n!) z^n}.
     *
     * <p>Convergence control: the ratio of consecutive terms is
     * {@code rho_n = (a+n)(b+n) / ((c+n)(n+1)) z}, which tends to z. Once the terms shrink, the
     * remaining tail is at most {@code |t_n| rho / (1 - rho)} with {@code rho = max(rho_n, z)}
     * (the ratios approach z monotonically from one side), and the series stops when that bound is
     * below {@link #SERIES_TOLERANCE} times the sum. The partial sum is rescaled when it grows past
     * 1e250, so large a and b (customers with hundreds of purchases) cannot overflow. c may be
     * negative but not a non-positive integer.
     *
     * @throws ArithmeticException if the series has not converged after {@link #SERIES_MAX_TERMS}
     *     terms or the sum is not positive
     */
    static double logHyp2f1(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, not " + z);
        }
        if (z == 0) {
            return 0;
        }
        double sum = 1;
        double term = 1;
        double logScale = 0;
        for (int n = 0; n < SERIES_MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            if (Math.abs(sum) > RESCALE_ABOVE) {
                sum *= RESCALE_BY;
                term *= RESCALE_BY;
                logScale += LOG_RESCALE;
            }
            double bound = Math.max(Math.abs(ratio), z);
            if (n > -c && bound < 1 && Math.abs(term) * bound / (1 - bound) <= SERIES_TOLERANCE * Math.abs(sum)) {
                if (!(sum > 0)) {
                    throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") series sum is " + sum);
                }
                return Math.log(sum) + logScale;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") series did not converge in "
                + SERIES_MAX_TERMS + " terms");
    }
}
