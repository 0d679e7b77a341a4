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
import org.junit.jupiter.api.Test;

/** Fitting in days instead of weeks multiplies alpha by 7 and changes nothing customers see. */
class FitUnitInvarianceTest {

    @Test
    void daysRescaleAlphaBySevenAndLeaveTheRestUnchanged() {
        ListPopulation population = Cdnow.sample(Cdnow.CALIBRATION_END);
        ClvScorer weeks = new ClvScorer(FixedContext.withSettings(Map.of(ClvSettings.FIT_UNIT, "weeks")));
        ClvScorer days = new ClvScorer(FixedContext.withSettings(Map.of(ClvSettings.FIT_UNIT, "days")));
        Model inWeeks = weeks.fit(population);
        Model inDays = days.fit(population);
        ClvModel w = ClvModel.from(inWeeks);
        ClvModel d = ClvModel.from(inDays);

        assertThat(d.unit()).isEqualTo(FitUnit.DAYS);
        assertThat(d.bgnbd.parameter("alpha")).isCloseTo(7 * w.bgnbd.parameter("alpha"), withinPercentage(0.01));
        for (String name : List.of("r", "a", "b")) {
            assertThat(d.bgnbd.parameter(name)).as(name).isCloseTo(w.bgnbd.parameter(name), withinPercentage(0.01));
        }
        // The log-likelihood of purchase times shifts by the Jacobian: sum of x times ln 7.
        long repeatPurchases = 2_457 - 0; // sum of x over the sample's calibration period
        assertThat(d.bgnbd.logLikelihood()).isCloseTo(w.bgnbd.logLikelihood() - repeatPurchases * Math.log(7), offset(1e-4));
        // Gamma-Gamma does not involve time at all.
        assertThat(d.gammaGamma.parameter("p")).isCloseTo(w.gammaGamma.parameter("p"), withinPercentage(1e-6));

        for (CustomerSummary customer : population.customers().subList(0, 50)) {
            List<Score> a = weeks.score(customer, inWeeks);
            List<Score> b = days.score(customer, inDays);
            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).name()).isEqualTo(a.get(i).name());
                assertThat(b.get(i).value()).as(customer.id() + " " + a.get(i).name())
                        .isCloseTo(a.get(i).value(), within(1e-4 * Math.max(1, Math.abs(a.get(i).value()))));
            }
        }
    }
}
