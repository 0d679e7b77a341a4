package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GammaGammaTest {

    /** The CDNOW sample's estimates (dollars). */
    static final GammaGamma CDNOW = new GammaGamma(6.24957291, 3.74422452, 15.44351881);

    @Test
    void expectedOrderValueShrinksTheCustomerMeanTowardsThePopulationMean() {
        double population = CDNOW.meanOrderValue();
        assertThat(population).isCloseTo(CDNOW.p() * CDNOW.gamma() / (CDNOW.q() - 1), within(1e-12));
        assertThat(CDNOW.expectedOrderValue(0, 999)).isEqualTo(population);
        double one = CDNOW.expectedOrderValue(1, 100);
        double many = CDNOW.expectedOrderValue(20, 100);
        assertThat(one).isBetween(population, 100.0);
        assertThat(many).isBetween(one, 100.0);
        assertThat(CDNOW.expectedOrderValue(3, 50)).isCloseTo(CDNOW.p() * (CDNOW.gamma() + 3 * 50) / (CDNOW.p() * 3 + CDNOW.q() - 1),
                within(1e-12));
        assertThat(CDNOW.hasFiniteMean()).isTrue();
        assertThat(new GammaGamma(1, 0.9, 10).hasFiniteMean()).isFalse();
    }

    @Test
    void theGroupedLikelihoodIsTheSumOverCustomers() {
        SpendData.Builder builder = new SpendData.Builder();
        double[][] customers = {{1, 20}, {1, 20}, {1, 35.5}, {2, 40}, {2, 61}, {5, 100}, {5, 100}, {9, 512.25}};
        double sum = 0;
        for (double[] c : customers) {
            builder.add((int) c[0], c[1]);
            sum += CDNOW.logLikelihood((int) c[0], c[1] / c[0]);
        }
        SpendData data = builder.build();
        assertThat(data.customers).isEqualTo(customers.length);
        assertThat(data.xs).containsExactly(1, 2, 5, 9);
        assertThat(data.totals).hasSize(6);
        assertThat(new GammaGammaLikelihood(data).logLikelihood(CDNOW.p(), CDNOW.q(), CDNOW.gamma())).isCloseTo(sum, within(1e-9));
    }

    @Test
    void measuresTheCorrelationOfFrequencyAndSpend() {
        SpendData.Builder correlated = new SpendData.Builder();
        for (int x = 1; x <= 10; x++) {
            correlated.add(x, x * (10.0 * x)); // mean value 10x grows with x
        }
        assertThat(correlated.build().correlation).isCloseTo(1.0, within(1e-12));
        SpendData.Builder flat = new SpendData.Builder();
        for (int x = 1; x <= 10; x++) {
            flat.add(x, x * 25.0);
        }
        SpendData same = flat.build();
        assertThat(same.correlation).isNaN();
        assertThat(same.variationOfMeans).isCloseTo(0, within(1e-12));
    }
}
