package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Formulas against an independent evaluation (scipy) and the model's analytic properties. */
class BgNbdTest {

    /** The CDNOW sample's maximum-likelihood estimates, in weeks. */
    static final BgNbd CDNOW = new BgNbd(0.24259453, 4.41360239, 0.79292205, 2.42590692);

    @Test
    void matchesAnIndependentEvaluation() {
        // Fader, Hardie and Lee's worked customer: x = 2, t_x = 30.43, T = 38.86 weeks; E[Y(39)] about 1.226.
        assertThat(CDNOW.expectedPurchases(2, 30.43, 38.86, 39)).isCloseTo(1.2259068289634167, within(1e-10));
        assertThat(CDNOW.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.7266091633288377, within(1e-12));
        assertThat(CDNOW.logLikelihood(2, 30.43, 38.86)).isCloseTo(-9.459692181544806, within(1e-11));
        assertThat(CDNOW.expectedPurchases(0, 0, 20, 39)).isCloseTo(0.32214598332727756, within(1e-10));
        assertThat(CDNOW.expectedPurchases(7, 35.1, 38.0, 52)).isCloseTo(5.743102304457071, within(1e-9));
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsAlive() {
        assertThat(CDNOW.probabilityAlive(0, 0, 0)).isEqualTo(1.0);
        assertThat(CDNOW.probabilityAlive(0, 0, 52)).isEqualTo(1.0);
        assertThat(CDNOW.probabilityAlive(0, 0, 5_000)).isEqualTo(1.0);
    }

    @Test
    void aLongSilenceLowersTheProbabilityOfBeingAlive() {
        double recent = CDNOW.probabilityAlive(5, 38, 39);
        double quiet = CDNOW.probabilityAlive(5, 10, 39);
        assertThat(recent).isGreaterThan(quiet);
        assertThat(quiet).isBetween(0.0, 1.0);
        // With the last purchase at the end of observation the dropout term is a/(b+x-1).
        assertThat(CDNOW.probabilityAlive(5, 39, 39)).isCloseTo(1 / (1 + CDNOW.a() / (CDNOW.b() + 4)), within(1e-14));
    }

    @Test
    void expectedPurchasesGrowWithTheHorizon() {
        for (int x : new int[] {0, 1, 3, 20}) {
            double previous = 0;
            for (double t = 1; t <= 520; t += 7) {
                double e = CDNOW.expectedPurchases(x, Math.min(x, 30), 38.86, t);
                assertThat(e).as("x=%d t=%s", x, t).isGreaterThan(previous);
                previous = e;
            }
        }
        assertThat(CDNOW.expectedPurchases(3, 20, 38, 0)).isZero();
    }

    @Test
    void staysFiniteForACustomerWhoBuysEveryDay() {
        BgNbd days = CDNOW.rescaledTime(1.0 / 7);
        int x = 3_000; // bought every day for about eight years, last yesterday
        double pAlive = days.probabilityAlive(x, 3_000, 3_001);
        double expected = days.expectedPurchases(x, 3_000, 3_001, 365);
        assertThat(pAlive).isBetween(0.9, 1.0);
        assertThat(expected).isFinite().isBetween(300.0, 365.0);
        assertThat(days.logLikelihood(x, 3_000, 3_001)).isFinite();
        // and one who stopped years ago is almost surely gone
        assertThat(days.probabilityAlive(x, 3_000, 6_000)).isLessThan(1e-100);
        assertThat(days.expectedPurchases(x, 3_000, 6_000, 365)).isLessThan(1e-90);
    }

    @Test
    void aNearOneIsContinuous() {
        double below = new BgNbd(0.24259453, 4.41360239, 0.999, 2.42590692).expectedPurchases(2, 30.43, 38.86, 39);
        double at = new BgNbd(0.24259453, 4.41360239, 1.0, 2.42590692).expectedPurchases(2, 30.43, 38.86, 39);
        double above = new BgNbd(0.24259453, 4.41360239, 1.001, 2.42590692).expectedPurchases(2, 30.43, 38.86, 39);
        // scipy: 1.1025349137651925 at a = 0.999, 1.101442661644867 at a = 1.001, 1.10198853 at a = 1 + 1e-7
        assertThat(below).isCloseTo(1.1025349137651925, within(1e-9));
        assertThat(above).isCloseTo(1.101442661644867, within(1e-9));
        assertThat(at).isCloseTo(1.10198853, within(1e-6));
    }

    @Test
    void predictionsDoNotDependOnTheTimeUnit() {
        BgNbd days = CDNOW.rescaledTime(1.0 / 7); // alpha in days is 7 times alpha in weeks
        assertThat(days.alpha()).isCloseTo(7 * CDNOW.alpha(), within(1e-12));
        assertThat(days.probabilityAlive(2, 7 * 30.43, 7 * 38.86)).isCloseTo(CDNOW.probabilityAlive(2, 30.43, 38.86),
                within(1e-13));
        assertThat(days.expectedPurchases(2, 7 * 30.43, 7 * 38.86, 7 * 39)).isCloseTo(
                CDNOW.expectedPurchases(2, 30.43, 38.86, 39), within(1e-10));
        // The likelihood of the times differs by the Jacobian, x ln 7, only.
        assertThat(days.logLikelihood(2, 7 * 30.43, 7 * 38.86)).isCloseTo(CDNOW.logLikelihood(2, 30.43, 38.86) - 2 * Math.log(7),
                within(1e-10));
    }

    @Test
    void aNewCustomerExpectsTheUnconditionalMean() {
        // E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]
        double t = 52;
        double z = t / (CDNOW.alpha() + t);
        double expected = (CDNOW.a() + CDNOW.b() - 1) / (CDNOW.a() - 1) * (1 - Math.pow(CDNOW.alpha() / (CDNOW.alpha() + t),
                CDNOW.r()) * Math.exp(SpecialFunctions.logHyp2f1(CDNOW.r(), CDNOW.b(), CDNOW.a() + CDNOW.b() - 1, z)));
        assertThat(CDNOW.expectedPurchasesOfNewCustomer(t)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void theLikelihoodOfTriplesIsTheSumOverCustomers() {
        Triples.Builder builder = new Triples.Builder();
        int[][] customers = {{0, 0, 30}, {0, 0, 30}, {1, 7, 30}, {3, 20, 25}, {3, 20, 25}, {3, 20, 25}, {0, 0, 0}, {12, 200, 210}};
        double sum = 0;
        for (int[] c : customers) {
            builder.add(c[0], c[1], c[2]);
            sum += CDNOW.logLikelihood(c[0], c[1] / 7.0, c[2] / 7.0);
        }
        Triples triples = builder.build();
        assertThat(triples.size()).isEqualTo(5);
        assertThat(triples.customers).isEqualTo(customers.length);
        assertThat(triples.repeatCustomers()).isEqualTo(5);
        assertThat(triples.repeatPurchases()).isEqualTo(1 + 9 + 12);
        double aggregated = new BgNbdLikelihood(triples, FitUnit.WEEKS).logLikelihood(CDNOW.r(), CDNOW.alpha(), CDNOW.a(), CDNOW.b());
        assertThat(aggregated).isCloseTo(sum, within(1e-9));
    }

    @Test
    void refusesParametersThatAreNotPositive() {
        assertThatThrownBy(() -> new BgNbd(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BgNbd(1, Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Triples.Builder().add(1, 10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
