package dev.patron.plugin.clv;

import static dev.patron.plugin.clv.Customers.AS_OF;
import static dev.patron.plugin.clv.Customers.buyer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.plugin.clv.support.FixedContext;
import dev.patron.plugin.clv.support.ListPopulation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarginModelTest {

    /** Four purchase days of 50.00 over exactly two years (730.5 days): 2 a year. */
    private static final CustomerSummary TWO_A_YEAR = buyer("m", 50_00, 730, 500, 200, 10);

    @Test
    void valuesAverageOrderTimesRateTimesYearsTimesMargin() {
        Map<String, Score> scores = score(Map.of(ClvSettings.DISCOUNT_RATE_PERCENT, "0"), TWO_A_YEAR);
        double perYear = 4 / (730 / 365.25);
        assertThat(scores.get("expected_order_value").value()).isEqualTo(50.0);
        assertThat(scores.get("expected_purchases_365d").value()).isCloseTo(perYear * 365 / 365.25, within(1e-12));
        assertThat(scores.get("clv").value()).isCloseTo(0.3 * 50 * perYear * 365 / 365.25, within(0.005));
        assertThat(scores).doesNotContainKey("p_alive");
        assertThat(scores.get("clv").explanation()).isEqualTo("CLV 30.00 over the next 365 days (margin model): 50.00 per"
                + " purchase day × 2.00 purchase days × 30% margin, undiscounted");
        assertThat(scores.get("expected_order_value").explanation())
                .isEqualTo("Average order value 50.00: 200.00 net of refunds over 4 purchase days (margin model)");
        assertThat(scores.get("expected_purchases_365d").explanation()).isEqualTo("2.00 purchase days expected in the next 365"
                + " days at 2.00 a year for up to 3 years (margin model: 4 purchase days since the first 730 days ago)");
    }

    @Test
    void theLifespanCapsTheHorizon() {
        Map<String, String> settings = Map.of(ClvSettings.DISCOUNT_RATE_PERCENT, "0", ClvSettings.HORIZON_DAYS, "3650",
                ClvSettings.LIFESPAN_YEARS, "2.5");
        Map<String, Score> scores = score(settings, TWO_A_YEAR);
        double perYear = 4 / (730 / 365.25);
        assertThat(scores.get("expected_purchases_3650d").value()).isCloseTo(perYear * 2.5, within(1e-9));
        assertThat(scores.get("clv").value()).isCloseTo(0.3 * 50 * perYear * 2.5, within(0.005));
    }

    @Test
    void discountsMonthly() {
        Map<String, Score> plain = score(Map.of(ClvSettings.DISCOUNT_RATE_PERCENT, "0", ClvSettings.HORIZON_DAYS, "730"),
                TWO_A_YEAR);
        Map<String, Score> discounted = score(Map.of(ClvSettings.DISCOUNT_RATE_PERCENT, "10", ClvSettings.HORIZON_DAYS, "730"),
                TWO_A_YEAR);
        double perYear = 4 / (730 / 365.25);
        double expected = new DiscountSchedule(730, 0.1).apply(t -> perYear * t / 365.25).discounted() * 0.3 * 50;
        assertThat(discounted.get("clv").value()).isCloseTo(expected, within(0.005)).isLessThan(plain.get("clv").value());
    }

    @Test
    void aNewCustomerIsCountedOverAtLeastAYear() {
        Map<String, Score> scores = score(Map.of(ClvSettings.DISCOUNT_RATE_PERCENT, "0"), buyer("new", 80_00, 20, 5));
        assertThat(scores.get("expected_purchases_365d").value()).isCloseTo(2 * 365 / 365.25, within(1e-12));
    }

    @Test
    void refundsLowerTheAverageOrder() {
        CustomerSummary refunded = Customers.customer("r").order(Customers.at(100), 100_00).order(Customers.at(50), 100_00)
                .refund(Customers.at(49), 50_00).build();
        Map<String, Score> scores = score(Map.of(), refunded);
        assertThat(scores.get("expected_order_value").value()).isEqualTo(75.0);
    }

    private static Map<String, Score> score(Map<String, String> settings, CustomerSummary customer) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put(ClvSettings.METHOD, "margin");
        ClvScorer scorer = new ClvScorer(FixedContext.withSettings(all));
        Model model = scorer.fit(new ListPopulation(AS_OF, List.of(customer)));
        Map<String, Score> byName = new LinkedHashMap<>();
        scorer.score(customer, model).forEach(s -> byName.put(s.name(), s));
        return byName;
    }
}
