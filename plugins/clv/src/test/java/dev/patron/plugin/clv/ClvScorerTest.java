package dev.patron.plugin.clv;

import static dev.patron.plugin.clv.Customers.AS_OF;
import static dev.patron.plugin.clv.Customers.buyer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.plugin.clv.support.FixedContext;
import dev.patron.plugin.clv.support.ListPopulation;
import dev.patron.plugin.clv.support.Simulation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClvScorerTest {

    private static ListPopulation population;
    private static ClvScorer scorer;
    private static Model model;
    private static ClvModel fitted;

    @BeforeAll
    static void fit() {
        population = new ListPopulation(AS_OF, Simulation.TYPICAL.customers(3_000, AS_OF, 730, 5));
        scorer = new ClvScorer(FixedContext.defaults());
        model = scorer.fit(population);
        fitted = ClvModel.from(model);
    }

    @Test
    void scoresEveryBuyerWithFourNumbers() {
        CustomerSummary regular = buyer("regular", 40_00, 300, 200, 120, 60, 21);
        Map<String, Score> scores = byName(scorer.score(regular, model));
        assertThat(scores).containsOnlyKeys("clv", "p_alive", "expected_purchases_365d", "expected_order_value");
        scores.values().forEach(s -> assertThat(s.label()).isNull());

        ClvEngine.Value v = new ClvEngine(fitted, 100).value(regular, new PurchaseHistory());
        assertThat(scores.get("p_alive").value()).isEqualTo(v.pAlive()).isBetween(0.0, 1.0);
        assertThat(scores.get("expected_purchases_365d").value()).isEqualTo(v.expectedPurchases());
        // Money in major units, rounded to the cent; CLV = margin x expected order value x discounted purchases.
        assertThat(scores.get("expected_order_value").value()).isCloseTo(v.expectedOrderValue(), within(0.005));
        assertThat(scores.get("clv").value()).isCloseTo(0.3 * v.expectedOrderValue() * v.discountedPurchases(), within(0.005));
        assertThat(scores.get("clv").value() * 100).isCloseTo(Math.rint(scores.get("clv").value() * 100), within(1e-6));
    }

    @Test
    void explanationsCarryTheNumbers() {
        CustomerSummary regular = buyer("regular", 40_00, 310, 200, 120, 60, 40, 21);
        Map<String, Score> scores = byName(scorer.score(regular, model));
        String pAlive = Decimals.fixed(scores.get("p_alive").value(), 2);
        assertThat(scores.get("p_alive").explanation())
                .isEqualTo("P(alive) " + pAlive + ": 6 purchase days, the last 21 days ago, over 310 days since the first");
        assertThat(scores.get("expected_purchases_365d").explanation()).isEqualTo(
                Decimals.fixed(scores.get("expected_purchases_365d").value(), 2) + " purchase days expected in the next 365 days"
                        + " (BG/NBD: P(alive) " + pAlive + ", 6 purchase days over 310 days)");
        assertThat(scores.get("expected_order_value").explanation()).isEqualTo("Expected order value "
                + Decimals.fixed(scores.get("expected_order_value").value(), 2) + ": 5 repeat purchase days averaging 40.00,"
                + " weighed with the shop-wide " + Decimals.fixed(fitted.gammaGammaParameters().meanOrderValue(), 2)
                + " (Gamma-Gamma)");
        assertThat(scores.get("clv").explanation()).startsWith("CLV " + Decimals.fixed(scores.get("clv").value(), 2)
                + " over the next 365 days: ").endsWith(" × 30% margin, discounted at 10% a year");

        Map<String, Score> once = byName(scorer.score(buyer("once", 25_00, 45), model));
        assertThat(once.get("p_alive").value()).isEqualTo(1.0);
        assertThat(once.get("p_alive").explanation()).isEqualTo("P(alive) 1.00: a single purchase day, 45 days ago (BG/NBD"
                + " counts a customer as active until their first repeat purchase)");
        assertThat(once.get("expected_order_value").explanation()).endsWith(
                ": the shop-wide expected value, as there is no repeat purchase yet (Gamma-Gamma)");
        assertThat(once.get("expected_order_value").value()).isCloseTo(fitted.gammaGammaParameters().meanOrderValue(), within(0.005));
    }

    @Test
    void theHorizonNamesTheExpectedPurchases() {
        ClvScorer twoYears = new ClvScorer(FixedContext.withSettings(Map.of(ClvSettings.HORIZON_DAYS, "730")));
        Model longer = twoYears.fit(population);
        CustomerSummary regular = buyer("regular", 40_00, 300, 200, 120, 60, 21);
        Map<String, Score> scores = byName(twoYears.score(regular, longer));
        assertThat(scores).containsKey("expected_purchases_730d");
        assertThat(scores.get("expected_purchases_730d").value())
                .isGreaterThan(byName(scorer.score(regular, model)).get("expected_purchases_365d").value());
    }

    @Test
    void zeroDiscountValuesTheUndiscountedPurchases() {
        ClvScorer undiscounted = new ClvScorer(FixedContext.withSettings(Map.of(ClvSettings.DISCOUNT_RATE_PERCENT, "0")));
        Model plain = undiscounted.fit(population);
        CustomerSummary regular = buyer("regular", 40_00, 300, 200, 120, 60, 21);
        Map<String, Score> scores = byName(undiscounted.score(regular, plain));
        double expected = 0.3 * scores.get("expected_order_value").value() * scores.get("expected_purchases_365d").value();
        assertThat(scores.get("clv").value()).isCloseTo(expected, within(0.01));
        assertThat(scores.get("clv").explanation()).endsWith("× 30% margin, undiscounted");
        assertThat(scores.get("clv").value()).isGreaterThan(byName(scorer.score(regular, model)).get("clv").value());
    }

    @Test
    void ignoresCustomersWithoutOrdersAndAnUnfittedModel() {
        assertThat(scorer.score(Customers.customer("lead").build(), model)).isEmpty();
        assertThat(scorer.score(buyer("regular", 40_00, 30, 20), Model.EMPTY)).isEmpty();
    }

    @Test
    void scoresFromAModelReadBackFromStorage() {
        Model copy = StoredModels.parse(ModelJsonForTests.toJson(model));
        assertThat(copy).isEqualTo(model);
        ClvScorer fresh = new ClvScorer(FixedContext.defaults()); // no cache: compiles the stored model
        CustomerSummary regular = buyer("regular", 40_00, 300, 200, 120, 60, 21);
        assertThat(fresh.score(regular, copy)).isEqualTo(scorer.score(regular, model));
    }

    @Test
    void aDamagedModelAsksForAFullRun() {
        Model damaged = Model.builder().number("version", 1).text("method", "probabilistic").build();
        assertThatThrownBy(() -> new ClvScorer(FixedContext.defaults()).score(buyer("x", 10_00, 3), damaged))
                .isInstanceOf(PatronPluginException.class)
                .hasMessageEndingWith("; run a full scoring run so the clv plugin fits a new model");
        Model otherVersion = Model.builder().number("version", 2).build();
        assertThatThrownBy(() -> new ClvScorer(FixedContext.defaults()).score(buyer("x", 10_00, 3), otherVersion))
                .hasMessageContaining("has layout version 2.0 instead of 1");
    }

    @Test
    void theModelHoldsBothFitsAndTheSettings() {
        assertThat(model.text("method")).isEqualTo("probabilistic");
        assertThat(model.text("unit")).isEqualTo("weeks");
        assertThat(model.text("asOf")).isEqualTo("2026-06-30");
        assertThat(model.text("calibrationEnd")).isEqualTo("2026-06-30");
        assertThat(model.text("bgnbd.status")).isEqualTo("fitted");
        assertThat(model.text("gg.status")).isEqualTo("fitted");
        for (String key : List.of("bgnbd.r", "bgnbd.alpha", "bgnbd.a", "bgnbd.b", "bgnbd.logLikelihood", "bgnbd.customers",
                "bgnbd.iterations", "bgnbd.evaluations", "bgnbd.converged", "gg.p", "gg.q", "gg.gamma", "gg.logLikelihood",
                "gg.customers", "gg.iterations", "gg.evaluations", "gg.converged", "gg.correlation", "gg.meanOrderValue",
                "settings.marginPercent", "settings.discountRatePercent", "settings.horizonDays", "settings.lifespanYears",
                "clv.mean", "clv.median", "fit.millis")) {
            assertThat(model.number(key)).as(key).isNotNull();
        }
        assertThat(model.number("bgnbd.customers")).isEqualTo(3_000.0);
        assertThat(model.number("bgnbd.converged")).isEqualTo(1.0);
        assertThat(model.array("clv.histogram.edges")).hasSize(21);
        assertThat(model.array("clv.histogram.counts")).hasSize(20);
        assertThat(java.util.Arrays.stream(model.array("clv.histogram.counts")).sum()).isEqualTo(3_000.0);
        assertThat(model.text("fallback")).isNull();
        assertThat(ClvModel.from(model).toModel()).usingRecursiveComparison().ignoringFields("numbers")
                .isEqualTo(model);
    }

    private static Map<String, Score> byName(List<Score> scores) {
        Map<String, Score> map = new LinkedHashMap<>();
        scores.forEach(s -> map.put(s.name(), s));
        return map;
    }
}
