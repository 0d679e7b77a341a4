package dev.patron.plugin.clv;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves";
 * Colombo and Jiang 1999): the value of a customer's purchases is Gamma(p, ν), and ν is
 * Gamma(q, γ) across customers. It is fitted on customers with at least one repeat purchase,
 * from x (repeat purchase days) and m_x (their mean value), and assumes spend does not depend on
 * purchase frequency.
 *
 * @param p shape of a customer's purchase values (> 0)
 * @param q shape of the distribution of ν across customers (> 0)
 * @param gamma scale of the distribution of ν, in major units of the shop currency (> 0)
 */
record GammaGamma(double p, double q, double gamma) {

    GammaGamma {
        if (!(p > 0 && q > 0 && gamma > 0) || Double.isInfinite(p + q + gamma)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive and finite: p=" + p + ", q=" + q
                    + ", gamma=" + gamma);
        }
    }

    /** Whether the population mean order value pγ/(q-1) exists (q > 1). */
    boolean hasFiniteMean() {
        return q > 1;
    }

    /** The population mean order value pγ/(q-1), the expected value of a customer with no repeat purchase. */
    double meanOrderValue() {
        return p * gamma / (q - 1);
    }

    /**
     * E[M | p, q, γ, m_x, x] = p (γ + x m_x) / (p x + q - 1): a weighted average of the population
     * mean and the customer's own mean m_x, leaning on m_x the more repeat purchases there are.
     * For x = 0 it is the population mean.
     */
    double expectedOrderValue(int x, double meanValue) {
        if (x == 0) {
            return meanOrderValue();
        }
        return p * (gamma + x * meanValue) / (p * x + q - 1);
    }

    /**
     * One customer's log-likelihood of mean value m_x over x purchases:
     * {@code lnΓ(px+q) - lnΓ(px) - lnΓ(q) + q ln γ + (px-1) ln m_x + px ln x - (px+q) ln(γ + x m_x)}.
     */
    double logLikelihood(int x, double meanValue) {
        double px = p * x;
        return SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - SpecialFunctions.logGamma(q)
                + q * Math.log(gamma) + (px - 1) * Math.log(meanValue) + px * Math.log(x)
                - (px + q) * Math.log(gamma + x * meanValue);
    }
}
