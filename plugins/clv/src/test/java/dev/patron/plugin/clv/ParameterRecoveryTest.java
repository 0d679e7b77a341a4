package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.patron.plugin.clv.support.FixedContext;
import dev.patron.plugin.clv.support.ListPopulation;
import dev.patron.plugin.clv.support.Simulation;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fits a population simulated from known parameters ({@link Simulation}: 20,000 customers who
 * first bought over two years, seed 20260630) through the whole plugin and recovers every
 * parameter within 15%. At this size the sampling error of a and b is about 7% (other seeds
 * land up to 14% off), and r is biased up by 2-4% when continuous time becomes whole shop-zone days.
 */
class ParameterRecoveryTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final double TOLERANCE_PERCENT = 15;

    @Test
    void recoversBgNbdAndGammaGammaParameters() {
        Simulation truth = Simulation.TYPICAL;
        ListPopulation population = new ListPopulation(AS_OF, truth.customers(20_000, AS_OF, 730, 20260630L));
        ClvModel model = ClvModel.from(new ClvScorer(FixedContext.withSettings(Map.of(ClvSettings.FIT_UNIT, "weeks")))
                .fit(population));

        assertThat(model.method).isEqualTo(Method.PROBABILISTIC);
        assertThat(model.bgnbd.converged()).isTrue();
        assertThat(model.gammaGamma.converged()).isTrue();
        assertThat(model.bgnbd.parameter("r")).isCloseTo(truth.r(), withinPercentage(TOLERANCE_PERCENT));
        assertThat(model.bgnbd.parameter("alpha")).isCloseTo(truth.alphaDays() / 7, withinPercentage(TOLERANCE_PERCENT));
        assertThat(model.bgnbd.parameter("a")).isCloseTo(truth.a(), withinPercentage(TOLERANCE_PERCENT));
        assertThat(model.bgnbd.parameter("b")).isCloseTo(truth.b(), withinPercentage(TOLERANCE_PERCENT));
        assertThat(model.gammaGamma.parameter("p")).isCloseTo(truth.p(), withinPercentage(TOLERANCE_PERCENT));
        assertThat(model.gammaGamma.parameter("q")).isCloseTo(truth.q(), withinPercentage(TOLERANCE_PERCENT));
        assertThat(model.gammaGamma.parameter("gamma")).isCloseTo(truth.gamma(), withinPercentage(TOLERANCE_PERCENT));
        // Spend is simulated independently of frequency: no correlation warning.
        assertThat(Math.abs(model.correlation)).isLessThan(0.1);
        assertThat(model.warnings).isEmpty();
    }
}
