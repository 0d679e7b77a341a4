package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.plugin.clv.support.Cdnow;
import dev.patron.plugin.clv.support.FixedContext;
import dev.patron.plugin.clv.support.ListPopulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW 1/10 sample (2,357 customers; Fader, Hardie and Lee 2005) with the published set-up:
 * calibration period 1997-01-01 to 1997-09-30, weeks, repeat purchases counted per distinct day.
 *
 * <p>Published BG/NBD estimates: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
 * Published Gamma-Gamma estimates on the same calibration data (946 repeat buyers; the
 * {@code lifetimes} library's reproduction): p = 6.25, q = 3.74, gamma = 15.44.
 */
class CdnowFitTest {

    private static ListPopulation sample;
    private static ClvModel model;

    @BeforeAll
    static void fit() {
        sample = Cdnow.sample(Cdnow.END);
        ClvScorer scorer = new ClvScorer(FixedContext.withSettings(Map.of(
                ClvSettings.CALIBRATION_END, Cdnow.CALIBRATION_END.toString(), ClvSettings.FIT_UNIT, "weeks")));
        model = ClvModel.from(scorer.fit(sample));
    }

    @Test
    void theSampleHasThePublishedShape() {
        assertThat(sample.size()).isEqualTo(2_357);
        assertThat(model.buyers).isEqualTo(2_357);
        assertThat(model.repeatCustomers).isEqualTo(946);
        assertThat(model.bgnbd.customers()).isEqualTo(2_357);
        assertThat(model.gammaGamma.customers()).isEqualTo(946);
        assertThat(model.calibrationEnd()).isEqualTo(Cdnow.CALIBRATION_END);
        assertThat(model.unit()).isEqualTo(FitUnit.WEEKS);
    }

    @Test
    void bgNbdConvergesToThePublishedEstimates() {
        assertThat(model.bgnbd.converged()).isTrue();
        assertThat(model.bgnbd.usable()).isTrue();
        assertThat(model.bgnbd.parameter("r")).isCloseTo(0.243, withinPercentage(0.5));
        assertThat(model.bgnbd.parameter("alpha")).isCloseTo(4.414, withinPercentage(0.5));
        assertThat(model.bgnbd.parameter("a")).isCloseTo(0.793, withinPercentage(0.5));
        assertThat(model.bgnbd.parameter("b")).isCloseTo(2.426, withinPercentage(0.5));
        assertThat(model.bgnbd.logLikelihood()).isCloseTo(-9582.4, offset(0.05));
        // An independent fit (scipy, Nelder-Mead to 1e-10): 0.24259453, 4.41360239, 0.79292205, 2.42590692, -9582.429207.
        assertThat(model.bgnbd.parameter("r")).isCloseTo(0.24259453, withinPercentage(0.01));
        assertThat(model.bgnbd.parameter("alpha")).isCloseTo(4.41360239, withinPercentage(0.01));
        assertThat(model.bgnbd.parameter("a")).isCloseTo(0.79292205, withinPercentage(0.01));
        assertThat(model.bgnbd.parameter("b")).isCloseTo(2.42590692, withinPercentage(0.01));
        assertThat(model.bgnbd.logLikelihood()).isCloseTo(-9582.429207, offset(1e-5));
    }

    @Test
    void gammaGammaOnTheSameCalibrationDataMatchesThePublishedEstimates() {
        assertThat(model.gammaGamma.converged()).isTrue();
        assertThat(model.gammaGamma.parameter("p")).isCloseTo(6.25, withinPercentage(0.5));
        assertThat(model.gammaGamma.parameter("q")).isCloseTo(3.74, withinPercentage(0.5));
        assertThat(model.gammaGamma.parameter("gamma")).isCloseTo(15.44, withinPercentage(0.5));
        // scipy on the same aggregation: 6.24957291, 3.74422452, 15.44351881, LL -4055.917695
        assertThat(model.gammaGamma.logLikelihood()).isCloseTo(-4055.917695, offset(1e-4));
        assertThat(model.correlation).isCloseTo(0.1139, offset(1e-3)); // below the 0.3 warning threshold
        assertThat(model.warnings).isEmpty();
        assertThat(model.method).isEqualTo(Method.PROBABILISTIC);
        assertThat(model.fallback).isNull();
    }

    @Test
    void theFitIsStableAcrossStartingPoints() {
        Triples.Builder builder = new Triples.Builder();
        PurchaseHistory history = new PurchaseHistory();
        long end = Cdnow.CALIBRATION_END.toEpochDay();
        for (CustomerSummary customer : sample) {
            if (history.read(customer, end)) {
                builder.add(history.repeatDays(), history.lastPurchaseAfterFirstDays(), end - history.firstDay());
            }
        }
        BgNbdLikelihood likelihood = new BgNbdLikelihood(builder.build(), FitUnit.WEEKS);
        double[][] starts = {{1, 1, 1, 1}, {0.01, 100, 5, 0.1}, {10, 0.1, 0.05, 20}, {0.2, 4, 0.8, 2.4}, {3, 30, 10, 10}};
        for (double[] start : starts) {
            LogSpaceMaximizer.Result result = LogSpaceMaximizer.maximize(
                    v -> likelihood.logLikelihood(v[0], v[1], v[2], v[3]), start);
            assertThat(result.converged()).as("from %s", java.util.Arrays.toString(start)).isTrue();
            assertThat(result.logLikelihood()).isCloseTo(-9582.429207, offset(1e-5));
            assertThat(result.parameters()[0]).isCloseTo(0.24259453, withinPercentage(0.01));
            assertThat(result.parameters()[1]).isCloseTo(4.41360239, withinPercentage(0.01));
            assertThat(result.parameters()[2]).isCloseTo(0.79292205, withinPercentage(0.01));
            assertThat(result.parameters()[3]).isCloseTo(2.42590692, withinPercentage(0.01));
        }
    }

    @Test
    void conditionalExpectationsOverTheHoldoutMatchAnIndependentEvaluation() {
        // Sum over the 2,357 customers of E[Y(39 weeks) | x, t_x, T] at the calibration end: scipy gives 1653.41.
        // The sample's actual repeat purchase days from 1997-10-01 to 1998-06-30 number 1,882.
        ClvScorer scorer = new ClvScorer(FixedContext.withSettings(Map.of(ClvSettings.HORIZON_DAYS, "273")));
        ListPopulation calibration = Cdnow.sample(Cdnow.CALIBRATION_END);
        Model fitted = scorer.fit(calibration);
        double total = 0;
        for (CustomerSummary customer : calibration) {
            total += scorer.score(customer, fitted).stream().filter(s -> s.name().equals("expected_purchases_273d"))
                    .findFirst().orElseThrow().value();
        }
        assertThat(total).isCloseTo(1653.41, offset(0.1));
    }

    @Test
    void scoresTheWorkedCustomer() {
        // Sample customer 0001 (master 00004): orders 1997-01-01, 01-18, 08-02, 12-12. As of the
        // calibration end: x = 2, t_x = 30.43 weeks, T = 38.86 weeks, as in Fader, Hardie and Lee's example.
        ClvScorer scorer = new ClvScorer(FixedContext.withSettings(Map.of(
                ClvSettings.CALIBRATION_END, Cdnow.CALIBRATION_END.toString(), ClvSettings.HORIZON_DAYS, "273",
                ClvSettings.DISCOUNT_RATE_PERCENT, "0")));
        ListPopulation calibration = Cdnow.sample(Cdnow.CALIBRATION_END);
        Model fitted = scorer.fit(calibration);
        CustomerSummary first = calibration.customers().stream().filter(c -> c.id().equals("00004")).findFirst().orElseThrow();
        List<Score> scores = scorer.score(first, fitted);
        Map<String, Score> byName = new java.util.HashMap<>();
        scores.forEach(s -> byName.put(s.name(), s));
        assertThat(byName.get("p_alive").value()).isCloseTo(0.7266, within(1e-3));
        // 273 days = 39 weeks: E[Y(39)] = 1.226
        assertThat(byName.get("expected_purchases_273d").value()).isCloseTo(1.226, within(1e-3));
        assertThat(byName.get("p_alive").explanation())
                .isEqualTo("P(alive) 0.73: 3 purchase days, the last 59 days ago, over 272 days since the first");
        assertThat(byName.get("expected_order_value").explanation())
                .startsWith("Expected order value ").contains("2 repeat purchase days averaging 22.35").endsWith("(Gamma-Gamma)");
    }
}
