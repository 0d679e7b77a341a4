package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    @Test
    void hypergeometricMatchesClosedForms() {
        for (double z : new double[] {0.01, 0.3, 0.5, 0.9, 0.99}) {
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z
            assertThat(Math.exp(SpecialFunctions.logHyp2f1(1, 1, 2, z))).isCloseTo(-Math.log1p(-z) / z, within(1e-12));
            // 2F1(a, b; b; z) = (1 - z)^-a
            assertThat(SpecialFunctions.logHyp2f1(2.7, 3.1, 3.1, z)).isCloseTo(-2.7 * Math.log1p(-z), within(1e-11));
        }
        assertThat(SpecialFunctions.logHyp2f1(5, 7, 9, 0)).isZero();
    }

    @Test
    void hypergeometricMatchesAnIndependentReference() {
        // scipy.special.hyp2f1(2.243, 4.426, 4.219, 0.5) and (0.243, 2.426, 2.219, 0.7)
        assertThat(Math.exp(SpecialFunctions.logHyp2f1(2.243, 4.426, 4.219, 0.5))).isCloseTo(5.161693901383611, within(1e-11));
        assertThat(Math.exp(SpecialFunctions.logHyp2f1(0.243, 2.426, 2.219, 0.7))).isCloseTo(1.3952294210928715, within(1e-11));
    }

    @Test
    void hypergeometricStaysFiniteForCustomersWithHundredsOfPurchases() {
        // 2F1(a, b; b; z) = (1 - z)^-a: ln is -a ln(1 - z), far beyond the double range when exponentiated.
        double log = SpecialFunctions.logHyp2f1(2_000.5, 2_002.5, 2_002.5, 0.9);
        assertThat(log).isCloseTo(-2_000.5 * Math.log(0.1), within(1e-7 * 4_600));
    }

    @Test
    void hypergeometricAcceptsANegativeC() {
        // x = 0 with a + b < 1 makes c = a + b - 1 negative; compare with the term-by-term sum.
        double a = 0.3;
        double b = 0.4;
        double c = -0.3;
        double z = 0.4;
        double sum = 1;
        double term = 1;
        for (int n = 0; n < 200; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
        }
        assertThat(Math.exp(SpecialFunctions.logHyp2f1(a, b, c, z))).isCloseTo(sum, within(1e-12));
    }

    @Test
    void hypergeometricRefusesZOutsideTheDisc() {
        assertThatThrownBy(() -> SpecialFunctions.logHyp2f1(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecialFunctions.logHyp2f1(1, 1, 2, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logSumExpAndLog1pExpAvoidOverflow() {
        assertThat(SpecialFunctions.logSumExp(1000, 1000)).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(SpecialFunctions.logSumExp(-1000, Double.NEGATIVE_INFINITY)).isEqualTo(-1000);
        assertThat(SpecialFunctions.logSumExp(Double.NEGATIVE_INFINITY, 3)).isEqualTo(3);
        assertThat(SpecialFunctions.log1pExp(800)).isCloseTo(800, within(1e-12));
        assertThat(SpecialFunctions.log1pExp(-800)).isCloseTo(0, within(1e-300));
        assertThat(SpecialFunctions.log1pExp(0)).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void logGammaIsAccurate() {
        assertThat(SpecialFunctions.logGamma(1)).isCloseTo(0, within(1e-15));
        assertThat(SpecialFunctions.logGamma(10)).isCloseTo(Math.log(362_880), within(1e-12));
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    }
}
