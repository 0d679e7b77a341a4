package dev.patron.plugin.clv;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting your customers the easy way": while
 * active, a customer buys at Poisson rate lambda, which is Gamma(r, alpha) across customers; after
 * each repeat purchase they drop out with probability p, which is Beta(a, b) across customers.
 *
 * <p>A customer is summarised by x (repeat purchases), t_x (time of the last purchase since the
 * first) and T (time from the first purchase to the end of observation), all in the fitting unit,
 * in which alpha is also expressed. Every formula is evaluated in log space.
 *
 * @param r shape of the purchase-rate distribution (> 0)
 * @param alpha scale of the purchase-rate distribution, in the fitting unit (> 0)
 * @param a first shape of the dropout-probability distribution (> 0)
 * @param b second shape of the dropout-probability distribution (> 0)
 */
record BgNbd(double r, double alpha, double a, double b) {

    /** Within this distance of 1, {@link #expectedPurchases} averages a = 1 +- this, where its formula is 0/0. */
    static final double A_NEAR_ONE = 1e-4;

    BgNbd {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || Double.isInfinite(r + alpha + a + b)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive and finite: r=" + r + ", alpha=" + alpha
                    + ", a=" + a + ", b=" + b);
        }
    }

    /** The same customers with time in a unit {@code factor} times longer: only alpha changes (divided by factor). */
    BgNbd rescaledTime(double factor) {
        return new BgNbd(r, alpha / factor, a, b);
    }

    /**
     * One customer's log-likelihood:
     * {@code ln[ B(a,b+x)/B(a,b) Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
     *   + [x>0] B(a+1,b+x-1)/B(a,b) Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)) ]}.
     */
    double logLikelihood(int x, double tx, double bigT) {
        double logCommon = SpecialFunctions.logGamma(r + x) - SpecialFunctions.logGamma(r) + r * Math.log(alpha)
                + SpecialFunctions.logGamma(a + b) + SpecialFunctions.logGamma(b + x) - SpecialFunctions.logGamma(b)
                - SpecialFunctions.logGamma(a + b + x);
        double alive = -(r + x) * Math.log(alpha + bigT);
        if (x == 0) {
            return logCommon + alive;
        }
        double dropped = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        return logCommon + SpecialFunctions.logSumExp(alive, dropped);
    }

    /**
     * ln of the odds of having dropped out after the last purchase:
     * {@code ln[a / (b+x-1)] + (r+x) ln[(α+T) / (α+t_x)]}; minus infinity when x = 0.
     */
    double logDropoutOdds(int x, double tx, double bigT) {
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + bigT) - Math.log(alpha + tx));
    }

    /**
     * P(alive | x, t_x, T) = 1 / (1 + [x>0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x)). Exactly 1 when x = 0:
     * in BG/NBD a customer can only drop out right after a repeat purchase.
     */
    double probabilityAlive(int x, double tx, double bigT) {
        if (x == 0) {
            return 1.0;
        }
        return Math.exp(-SpecialFunctions.log1pExp(logDropoutOdds(x, tx, bigT)));
    }

    /**
     * E[Y(t) | x, t_x, T], the expected number of purchases in the next t units (Fader, Hardie and
     * Lee 2005):
     * {@code (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))] / (1 + [x>0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x))}.
     *
     * <p>The bracket tends to 0 as a tends to 1 (the hypergeometric factor becomes
     * (1-z)^-(r+x)), where the formula is 0/0; within {@link #A_NEAR_ONE} of 1 the value is the
     * mean of a = 1 - {@value #A_NEAR_ONE} and a = 1 + {@value #A_NEAR_ONE}, exact to O(1e-8).
     */
    double expectedPurchases(int x, double tx, double bigT, double t) {
        if (t <= 0) {
            return 0;
        }
        if (Math.abs(a - 1) < A_NEAR_ONE) {
            return 0.5 * (expectedPurchases(1 - A_NEAR_ONE, x, tx, bigT, t) + expectedPurchases(1 + A_NEAR_ONE, x, tx, bigT, t));
        }
        return expectedPurchases(a, x, tx, bigT, t);
    }

    /** {@link #expectedPurchases(int, double, double, double)} with {@code aa} in place of a (aa != 1). */
    private double expectedPurchases(double aa, int x, double tx, double bigT, double t) {
        double rx = r + x;
        double z = t / (alpha + bigT + t);
        double logPower = rx * (Math.log(alpha + bigT) - Math.log(alpha + bigT + t));
        double logF = SpecialFunctions.logHyp2f1(rx, b + x, aa + b + x - 1, z);
        double bracket = -Math.expm1(logPower + logF);
        double numerator = (aa + b + x - 1) / (aa - 1) * bracket;
        double denominator = x == 0 ? 1
                : 1 + Math.exp(Math.log(aa) - Math.log(b + x - 1) + rx * (Math.log(alpha + bigT) - Math.log(alpha + tx)));
        return Math.max(0, numerator / denominator);
    }

    /**
     * E[X(t)] for a new customer (no history): {@code (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))]}.
     */
    double expectedPurchasesOfNewCustomer(double t) {
        return expectedPurchases(0, 0, 0, t);
    }
}
