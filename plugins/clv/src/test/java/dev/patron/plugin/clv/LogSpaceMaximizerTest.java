package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class LogSpaceMaximizerTest {

    @Test
    void findsTheMaximumOfASmoothFunctionOfPositiveParameters() {
        // A gamma log-likelihood: shape k, rate l, fitted to mean 4 and mean log 1.2 over 1,000 draws.
        double n = 1_000;
        double meanX = 4;
        double meanLogX = 1.2;
        LogSpaceMaximizer.Result result = LogSpaceMaximizer.maximize(v -> n * (v[0] * Math.log(v[1])
                - SpecialFunctions.logGamma(v[0]) + (v[0] - 1) * meanLogX - v[1] * meanX), new double[] {1, 1});
        assertThat(result.converged()).isTrue();
        assertThat(result.atBound()).isFalse();
        // At the maximum: ln k - digamma(k) = ln(meanX) - meanLogX, and l = k / meanX.
        double k = result.parameters()[0];
        assertThat(result.parameters()[1]).isCloseTo(k / meanX, withinPercentage(1e-4));
        assertThat(Math.log(k) - digamma(k)).isCloseTo(Math.log(meanX) - meanLogX, within(1e-7));
        assertThat(result.evaluations()).isBetween(20, 400);
        assertThat(result.iterations()).isPositive().isLessThan(result.evaluations());
        assertThat(result.gradient()).isLessThan(1e-2);
    }

    @Test
    void convergesOnAnIllConditionedProblem() {
        // Curvatures 1e6 and 1 along the two axes of log-space.
        LogSpaceMaximizer.Result result = LogSpaceMaximizer.maximize(v -> {
            double a = Math.log(v[0]) - 1;
            double b = Math.log(v[1]) + 2;
            return -(1e6 * (a + b) * (a + b) + (a - b) * (a - b));
        }, new double[] {1, 1});
        assertThat(result.converged()).isTrue();
        assertThat(result.parameters()[0]).isCloseTo(Math.E, withinPercentage(1e-3));
        assertThat(result.parameters()[1]).isCloseTo(Math.exp(-2), withinPercentage(1e-3));
    }

    @Test
    void reportsAnOptimumAtTheEdgeOfTheSearchBox() {
        LogSpaceMaximizer.Result result = LogSpaceMaximizer.maximize(v -> -v[0] - (v[1] - 2) * (v[1] - 2), new double[] {1, 1});
        assertThat(result.atBound()).isTrue();
        assertThat(result.converged()).isTrue(); // as far as the search box allows
        assertThat(result.parameters()[0]).isLessThan(1e-7);
        // -LL is flat to 1e-9 within 2e-5 of 2: that is all the log-likelihood can tell.
        assertThat(result.parameters()[1]).isCloseTo(2, within(1e-4));
    }

    @Test
    void aFunctionThatIsNowhereFiniteDoesNotConverge() {
        LogSpaceMaximizer.Result result = LogSpaceMaximizer.maximize(v -> Double.NaN, new double[] {1, 1, 1});
        assertThat(result.converged()).isFalse();
    }

    @Test
    void refusesStartsThatAreNotPositive() {
        assertThatThrownBy(() -> LogSpaceMaximizer.maximize(v -> 0, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double digamma(double x) {
        return org.apache.commons.math3.special.Gamma.digamma(x);
    }
}
