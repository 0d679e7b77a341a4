package dev.patron.plugin.clv;

import static dev.patron.plugin.clv.Customers.AS_OF;
import static dev.patron.plugin.clv.Customers.buyer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.plugin.clv.support.FixedContext;
import dev.patron.plugin.clv.support.ListPopulation;
import dev.patron.plugin.clv.support.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Populations the probabilistic models cannot learn from fall back to the margin model and say why. */
class DegeneratePopulationTest {

    private final ClvScorer scorer = new ClvScorer(FixedContext.defaults());

    @Test
    void everyoneBoughtOnce() {
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            customers.add(buyer("c" + i, 25_00, i % 300));
        }
        ClvModel model = fit(customers);
        assertThat(model.method).isEqualTo(Method.MARGIN);
        assertThat(model.fallback).isEqualTo("BG/NBD not fitted: every one of the 200 customers bought on one day only by"
                + " the calibration end 2026-06-30, so there is no repeat purchase to learn from");
        assertThat(model.bgnbd.attempted()).isFalse();
        assertThat(model.gammaGamma.status()).isEqualTo("not fitted: the BG/NBD model is not available");
    }

    @Test
    void severalOrdersOnOneDayAreOnePurchase() {
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            customers.add(Customers.customer("c" + i).order(Customers.at(10), 10_00).order(Customers.at(10) + 3_600, 5_00).build());
        }
        assertThat(fit(customers).fallback).contains("every one of the 100 customers bought on one day only");
    }

    @Test
    void aHandfulOfCustomers() {
        List<CustomerSummary> customers = List.of(buyer("a", 10_00, 90, 30, 3), buyer("b", 20_00, 50, 2), buyer("c", 5_00, 7));
        ClvModel model = fit(customers);
        assertThat(model.method).isEqualTo(Method.MARGIN);
        assertThat(model.fallback).isEqualTo("BG/NBD not fitted: only 3 customers bought by the calibration end 2026-06-30;"
                + " BG/NBD needs at least 30");
        // The margin model still values them.
        List<Score> scores = scorer.score(customers.get(0), model.toModel());
        assertThat(scores).extracting(Score::name).containsExactly("clv", "expected_purchases_365d", "expected_order_value");
    }

    @Test
    void tooFewRepeatBuyers() {
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            customers.add(i < 4 ? buyer("c" + i, 25_00, 100, 20) : buyer("c" + i, 25_00, i));
        }
        assertThat(fit(customers).fallback).isEqualTo("BG/NBD not fitted: only 4 of 100 customers made a repeat purchase by the"
                + " calibration end 2026-06-30; BG/NBD needs at least 10");
    }

    @Test
    void nobodyHasOrders() {
        List<CustomerSummary> customers = List.of(Customers.customer("lead-1").build(), Customers.customer("lead-2").build());
        Model model = scorer.fit(new ListPopulation(AS_OF, customers));
        ClvModel clv = ClvModel.from(model);
        assertThat(clv.method).isEqualTo(Method.MARGIN);
        assertThat(clv.fallback).isEqualTo("BG/NBD not fitted: no customer bought by the calibration end 2026-06-30");
        assertThat(clv.distribution.sampled()).isZero();
        assertThat(scorer.score(customers.get(0), model)).isEmpty();
        // A customer re-scored after a first order is valued by the margin model.
        assertThat(scorer.score(buyer("new", 40_00, 0), model)).extracting(Score::name).contains("clv");
    }

    @Test
    void zeroValueOrders() {
        Simulation zero = Simulation.TYPICAL;
        List<CustomerSummary> simulated = zero.customers(2_000, AS_OF, 730, 7);
        List<CustomerSummary> free = new ArrayList<>();
        for (CustomerSummary c : simulated) {
            CustomerSummary.Builder builder = Customers.customer(c.id());
            for (int i = 0; i < c.orderCount(); i++) {
                builder.order(c.orderPlacedAt(i), 0);
            }
            free.add(builder.build());
        }
        ClvModel model = fit(free);
        assertThat(model.bgnbd.usable()).isTrue();
        assertThat(model.method).isEqualTo(Method.MARGIN);
        assertThat(model.fallback).isEqualTo("Gamma-Gamma not fitted: no repeat purchase has a value above zero net of refunds");
        assertThat(model.warnings).anyMatch(w -> w.endsWith("repeat purchases have no value net of refunds; the Gamma-Gamma"
                + " model left them out."));
        Map<String, Score> scores = byName(scorer.score(free.get(0), model.toModel()));
        assertThat(scores.get("clv").value()).isZero();
        assertThat(scores).doesNotContainKey("p_alive");
    }

    @Test
    void identicalSpendEverywhere() {
        List<CustomerSummary> simulated = Simulation.TYPICAL.customers(2_000, AS_OF, 730, 8);
        List<CustomerSummary> flat = new ArrayList<>();
        for (CustomerSummary c : simulated) {
            CustomerSummary.Builder builder = Customers.customer(c.id());
            for (int i = 0; i < c.orderCount(); i++) {
                if (i == 0 || !c.orderDay(i).equals(c.orderDay(i - 1))) { // one order per day: every purchase day is 19.99
                    builder.order(c.orderPlacedAt(i), 19_99);
                }
            }
            flat.add(builder.build());
        }
        ClvModel model = fit(flat);
        assertThat(model.method).isEqualTo(Method.MARGIN);
        assertThat(model.fallback).isEqualTo("Gamma-Gamma not fitted: every repeat buyer spent the same on average (19.99),"
                + " so spend cannot be modelled");
    }

    @Test
    void theMarginMethodCanBeAskedFor() {
        List<CustomerSummary> customers = Simulation.TYPICAL.customers(500, AS_OF, 730, 9);
        ClvScorer margin = new ClvScorer(FixedContext.withSettings(Map.of(ClvSettings.METHOD, "margin")));
        ClvModel model = ClvModel.from(margin.fit(new ListPopulation(AS_OF, customers)));
        assertThat(model.method).isEqualTo(Method.MARGIN);
        assertThat(model.fallback).isNull();
        assertThat(model.bgnbd.usable()).isTrue(); // still fitted and shown, just not used
    }

    @Test
    void aCalibrationEndAfterTheRunIsClampedWithAWarning() {
        List<CustomerSummary> customers = Simulation.TYPICAL.customers(500, AS_OF, 730, 10);
        ClvScorer future = new ClvScorer(FixedContext.withSettings(Map.of(ClvSettings.CALIBRATION_END, "2030-01-01")));
        ClvModel model = ClvModel.from(future.fit(new ListPopulation(AS_OF, customers)));
        assertThat(model.calibrationEnd()).isEqualTo(AS_OF);
        assertThat(model.warnings).contains("The calibration end 2030-01-01 is after the scoring date 2026-06-30; the models"
                + " were fitted on all orders up to 2026-06-30.");
    }

    @Test
    void warnsWhenSpendFollowsFrequency() {
        List<CustomerSummary> simulated = Simulation.TYPICAL.customers(3_000, AS_OF, 730, 11);
        List<CustomerSummary> correlated = new ArrayList<>();
        for (CustomerSummary c : simulated) {
            CustomerSummary.Builder builder = Customers.customer(c.id());
            for (int i = 0; i < c.orderCount(); i++) {
                builder.order(c.orderPlacedAt(i), c.orderAmountMinor(i) * c.orderCount()); // frequent buyers spend more
            }
            correlated.add(builder.build());
        }
        ClvModel model = fit(correlated);
        assertThat(model.correlation).isGreaterThan(0.3);
        assertThat(model.warnings).anyMatch(w -> w.startsWith("Spend and purchase frequency are correlated (Pearson r = ")
                && w.contains("above the warning threshold 0.3"));
        assertThat(model.method).isEqualTo(Method.PROBABILISTIC); // a warning, not a fallback
    }

    private ClvModel fit(List<CustomerSummary> customers) {
        return ClvModel.from(scorer.fit(new ListPopulation(AS_OF, customers)));
    }

    private static Map<String, Score> byName(List<Score> scores) {
        Map<String, Score> map = new java.util.LinkedHashMap<>();
        scores.forEach(s -> map.put(s.name(), s));
        return map;
    }
}
