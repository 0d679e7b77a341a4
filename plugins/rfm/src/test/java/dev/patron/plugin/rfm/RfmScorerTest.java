package dev.patron.plugin.rfm;

import static dev.patron.plugin.rfm.Customers.at;
import static dev.patron.plugin.rfm.Customers.buyer;
import static dev.patron.plugin.rfm.Customers.customer;
import static dev.patron.plugin.rfm.Customers.withoutOrders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RfmScorerTest {

    private static final Map<String, String> EVEN_TIERS = Map.of(
            "tiers.platinumPercent", "20", "tiers.goldPercent", "20", "tiers.ironPercent", "20");

    // Hand-computed population, as of 2024-06-30 (n = 5 buyers, so each score holds one buyer):
    //        days  orders  net       R F M  rfm  segment             tier (20/20/20)
    //   A       2       5  1,000.00  5 5 5  555  Champions           Platinum
    //   B      10       3    500.00  4 3 4  434  Potential Loyalist  Gold
    //   C      30       2    150.00  3 2 2  322  About To Sleep      Lead
    //   D      90       1     80.00  2 1 1  211  Hibernating         Lead
    //   E     200       4    300.00  1 4 3  143  At Risk             Iron
    //   F      no orders: no scores
    private static final CustomerSummary A = buyer("A", 2, 5, 100_000);
    private static final CustomerSummary B = buyer("B", 10, 3, 50_000);
    private static final CustomerSummary C = customer("C").order(at(40), 12_000).order(at(30), 8_000)
            .refund(at(25), 5_000).build();
    private static final CustomerSummary D = buyer("D", 90, 1, 8_000);
    private static final CustomerSummary E = buyer("E", 200, 4, 30_000);
    private static final CustomerSummary F = withoutOrders("F");
    private static final TestPopulation SHOP = TestPopulation.of(List.of(A, B, C, D, E, F));

    private static Map<String, Score> scoresByName(RfmScorer scorer, CustomerSummary customer, Model model) {
        return scorer.score(customer, model).stream().collect(Collectors.toMap(Score::name, s -> s));
    }

    private static String summary(Map<String, Score> scores) {
        return scores.get("recency").value().intValue() + " " + scores.get("frequency").value().intValue() + " "
                + scores.get("monetary").value().intValue() + " " + scores.get("rfm").label() + " "
                + scores.get("segment").label() + " / " + scores.get("tier").label();
    }

    /** The model as the host might hand it back after storing it as JSON: equal, not the same object. */
    private static Model copyOf(Model model) {
        Model.Builder copy = Model.builder();
        model.numbers().forEach(copy::number);
        model.arrays().forEach(copy::array);
        model.texts().forEach(copy::text);
        return copy.build();
    }

    @Test
    void scoresAHandComputedShopEndToEnd() {
        RfmScorer scorer = new RfmScorer(TestContext.withSettings(EVEN_TIERS));
        Model model = scorer.fit(SHOP);

        assertThat(summary(scoresByName(scorer, A, model))).isEqualTo("5 5 5 555 Champions / Platinum");
        assertThat(summary(scoresByName(scorer, B, model))).isEqualTo("4 3 4 434 Potential Loyalist / Gold");
        assertThat(summary(scoresByName(scorer, C, model))).isEqualTo("3 2 2 322 About To Sleep / Lead");
        assertThat(summary(scoresByName(scorer, D, model))).isEqualTo("2 1 1 211 Hibernating / Lead");
        assertThat(summary(scoresByName(scorer, E, model))).isEqualTo("1 4 3 143 At Risk / Iron");
        assertThat(scorer.score(F, model)).isEmpty();
    }

    @Test
    void storesTheCutPointsThresholdsAndSettingsInTheModel() {
        Model model = new RfmScorer(TestContext.withSettings(EVEN_TIERS)).fit(SHOP);

        assertThat(model.number(RfmModel.PARTICIPANTS)).isEqualTo(5);
        assertThat(model.array(RfmModel.RECENCY_CUTS)).containsExactly(200, 90, 30, 10);
        assertThat(model.array(RfmModel.FREQUENCY_CUTS)).containsExactly(1, 2, 3, 4);
        assertThat(model.array(RfmModel.MONETARY_CUTS)).containsExactly(8_000, 15_000, 30_000, 50_000);
        assertThat(model.array(RfmModel.RECENCY_COUNTS)).containsExactly(1, 1, 1, 1, 1);
        assertThat(model.array(RfmModel.TIER_THRESHOLDS)).containsExactly(100_000, 50_000, 30_000);
        assertThat(model.number(RfmModel.PLATINUM_PERCENT)).isEqualTo(20);
        assertThat(model.text(RfmModel.MONETARY_MODE)).isEqualTo("total");
        assertThat(model.text(RfmModel.SEGMENTS)).isEqualTo(SegmentTable.defaults().toText());
    }

    @Test
    void scoresEveryCustomerInTheOneOrderTheHostExpects() {
        RfmScorer scorer = new RfmScorer(TestContext.defaults());
        Model model = scorer.fit(SHOP);
        assertThat(scorer.score(A, model)).extracting(Score::name)
                .containsExactly("recency", "frequency", "monetary", "rfm", "segment", "tier");
        Score rfm = scorer.score(B, model).get(3);
        assertThat(rfm.value()).isEqualTo(434.0);
        assertThat(rfm.label()).isEqualTo("434");
    }

    @Test
    void explanationsMentionTheCustomersActualValues() {
        RfmScorer scorer = new RfmScorer(TestContext.withSettings(EVEN_TIERS));
        Model model = scorer.fit(SHOP);
        Map<String, Score> a = scoresByName(scorer, A, model);
        Map<String, Score> b = scoresByName(scorer, B, model);
        Map<String, Score> c = scoresByName(scorer, C, model);
        Map<String, Score> d = scoresByName(scorer, D, model);
        Map<String, Score> e = scoresByName(scorer, E, model);

        assertThat(a.get("recency").explanation()).isEqualTo("R5: last order 2 days ago (most recent 20% of customers)");
        assertThat(e.get("recency").explanation()).isEqualTo("R1: last order 200 days ago (least recent 20% of customers)");
        assertThat(b.get("frequency").explanation()).isEqualTo("F3: 3 orders (middle 20% by number of orders)");
        assertThat(e.get("frequency").explanation()).isEqualTo("F4: 4 orders (top 40% by number of orders)");
        assertThat(d.get("frequency").explanation()).isEqualTo("F1: 1 order (bottom 20% by number of orders)");
        assertThat(c.get("monetary").explanation()).isEqualTo("M2: spent 150.00 net of refunds (bottom 40% by spend)");
        assertThat(a.get("monetary").explanation()).isEqualTo("M5: spent 1,000.00 net of refunds (top 20% by spend)");
        assertThat(e.get("rfm").explanation())
                .isEqualTo("R1 F4 M3: recency 1, frequency 4, monetary 3 (each from 1 to 5, 5 is best)");
        assertThat(a.get("segment").explanation()).isEqualTo("Champions (R5 F5 M5): bought very recently and buy often");
        assertThat(e.get("segment").explanation())
                .isEqualTo("At Risk (R1 F4 M3): used to buy regularly but have not ordered for a long time");
        assertThat(b.get("tier").explanation())
                .isEqualTo("Gold: spent 500.00 net of refunds, in the top 40% by spend (Gold from 500.00)");
        assertThat(d.get("tier").explanation())
                .isEqualTo("Lead: spent 80.00 net of refunds, outside the top 60% by spend (Iron from 300.00)");
    }

    @Test
    void theMostRecentBuyersGetRecencyFive() {
        List<CustomerSummary> customers = new ArrayList<>();
        for (int days = 0; days < 5; days++) {
            customers.add(buyer("c" + days, days, 1, 1_000));
        }
        RfmScorer scorer = new RfmScorer(TestContext.defaults());
        Model model = scorer.fit(TestPopulation.of(customers));

        assertThat(customers).extracting(c -> scoresByName(scorer, c, model).get("recency").value())
                .containsExactly(5.0, 4.0, 3.0, 2.0, 1.0);
        assertThat(scoresByName(scorer, customers.get(0), model).get("recency").explanation())
                .isEqualTo("R5: last order today (most recent 20% of customers)");
        assertThat(scoresByName(scorer, customers.get(1), model).get("recency").explanation())
                .startsWith("R4: last order 1 day ago");
    }

    @Test
    void customersWithEqualValuesGetEqualScores() {
        List<CustomerSummary> customers = List.of(
                buyer("a", 7, 2, 5_000), buyer("b", 7, 2, 5_000), buyer("c", 1, 9, 90_000),
                buyer("d", 30, 1, 1_000), buyer("e", 7, 2, 5_000), buyer("f", 60, 1, 800));
        RfmScorer scorer = new RfmScorer(TestContext.defaults());
        Model model = scorer.fit(TestPopulation.of(customers));

        List<Score> a = scorer.score(customers.get(0), model);
        assertThat(scorer.score(customers.get(1), model)).isEqualTo(a);
        assertThat(scorer.score(customers.get(4), model)).isEqualTo(a);
    }

    @Test
    void heavyTiesAreWordedWithTheRealShareOfCustomers() {
        List<CustomerSummary> customers = new ArrayList<>();
        int[] orders = {1, 1, 1, 1, 1, 1, 2, 2, 3, 7}; // cuts 1, 1, 1, 2: six customers on F1, F2 and F3 empty
        for (int i = 0; i < orders.length; i++) {
            customers.add(buyer("c" + i, i, orders[i], 1_000L * (i + 1)));
        }
        RfmScorer scorer = new RfmScorer(TestContext.defaults());
        Model model = scorer.fit(TestPopulation.of(customers));

        assertThat(scoresByName(scorer, customers.get(0), model).get("frequency").explanation())
                .isEqualTo("F1: 1 order (bottom 60% by number of orders)");
        assertThat(scoresByName(scorer, customers.get(6), model).get("frequency").explanation())
                .isEqualTo("F4: 2 orders (top 40% by number of orders)");
        assertThat(scoresByName(scorer, customers.get(9), model).get("frequency").explanation())
                .isEqualTo("F5: 7 orders (top 20% by number of orders)");
    }

    @Test
    void averageModeRanksNetSpendPerOrder() {
        // averages: X 200.00, Y 250.00, Z 100.00, W 50.00, V 200.00 -> sorted 50, 100, 200, 200, 250
        // cuts 50, 100, 200, 200: W M1, Z M2, X and V M3 (tie), Y M5 (M4 skipped)
        List<CustomerSummary> customers = List.of(
                customer("X").order(at(3), 10_000).order(at(2), 30_000).build(),
                buyer("Y", 5, 1, 25_000),
                buyer("Z", 5, 4, 40_000),
                buyer("W", 5, 1, 5_000),
                buyer("V", 5, 5, 100_000));
        RfmScorer scorer = new RfmScorer(TestContext.withSettings(Map.of("monetary", "average")));
        Model model = scorer.fit(TestPopulation.of(customers));

        assertThat(model.text(RfmModel.MONETARY_MODE)).isEqualTo("average");
        assertThat(customers).extracting(c -> scoresByName(scorer, c, model).get("monetary").value())
                .containsExactly(3.0, 5.0, 2.0, 1.0, 3.0);
        assertThat(scoresByName(scorer, customers.get(1), model).get("monetary").explanation())
                .isEqualTo("M5: spends 250.00 per order on average, net of refunds (top 20% by average spend)");
        assertThat(scoresByName(scorer, customers.get(1), model).get("tier").explanation())
                .isEqualTo("Platinum: spends 250.00 per order on average, net of refunds,"
                        + " in the top 1% by average spend (Platinum from 250.00)");
    }

    @Test
    void averageModeCountsRefundsAndFractionsOfAMinorUnit() {
        CustomerSummary refunded = customer("R").order(at(5), 6_000).order(at(4), 4_000).order(at(3), 2_000)
                .refund(at(2), 2_000).build(); // 10,000 net over 3 orders = 3,333.33 minor units
        RfmScorer scorer = new RfmScorer(TestContext.withSettings(Map.of("monetary", " Average ")));
        Model model = scorer.fit(TestPopulation.of(List.of(refunded, buyer("S", 1, 1, 1_000))));

        // n = 2: cuts sorted[0], sorted[0], sorted[1], sorted[1], so the larger of two values scores 3
        assertThat(scoresByName(scorer, refunded, model).get("monetary").explanation())
                .isEqualTo("M3: spends 33.33 per order on average, net of refunds (middle 50% by average spend)");
    }

    @Test
    void customersWithoutOrdersNeitherTakePartNorGetScores() {
        RfmScorer scorer = new RfmScorer(TestContext.defaults());
        Model withNonBuyers = scorer.fit(SHOP);
        Model buyersOnly = new RfmScorer(TestContext.defaults()).fit(TestPopulation.of(List.of(A, B, C, D, E)));

        assertThat(withNonBuyers).isEqualTo(buyersOnly);
        assertThat(scorer.score(F, withNonBuyers)).isEmpty();
    }

    @Test
    void aShopWithoutAnyOrderFitsTheEmptyModel() {
        RfmScorer scorer = new RfmScorer(TestContext.defaults());
        assertThat(scorer.fit(TestPopulation.of(List.of(F, withoutOrders("G"))))).isEqualTo(Model.EMPTY);
        assertThat(scorer.fit(TestPopulation.of(List.of()))).isEqualTo(Model.EMPTY);
    }

    @Test
    void anUnfittedModelGivesNoScores() {
        assertThat(new RfmScorer(TestContext.defaults()).score(A, Model.EMPTY)).isEmpty();
    }

    @Test
    void aNewCustomerIsScoredFromTheStoredModelAlone() {
        Model model = new RfmScorer(TestContext.withSettings(EVEN_TIERS)).fit(SHOP);
        RfmScorer freshScorer = new RfmScorer(TestContext.withSettings(Map.of("monetary", "average")));
        CustomerSummary newcomer = buyer("G", 0, 6, 200_000);
        CustomerSummary middling = buyer("H", 50, 3, 35_000);

        // settings of the fresh scorer do not matter: scoring reads only the model
        assertThat(summary(scoresByName(freshScorer, newcomer, copyOf(model))))
                .isEqualTo("5 5 5 555 Champions / Platinum");
        assertThat(summary(scoresByName(freshScorer, middling, copyOf(model))))
                .isEqualTo("3 3 4 334 Need Attention / Iron");
        assertThat(scoresByName(freshScorer, middling, model).get("monetary").explanation())
                .isEqualTo("M4: spent 350.00 net of refunds (top 40% by spend)");
    }

    @Test
    void aBestEverValueAfterTheFitIsWordedAgainstTheLastRun() {
        RfmScorer scorer = new RfmScorer(TestContext.defaults());
        Model model = scorer.fit(TestPopulation.of(List.of(buyer("only", 5, 2, 1_000))));
        Map<String, Score> only = scoresByName(scorer, buyer("only", 5, 2, 1_000), model);
        Map<String, Score> better = scoresByName(scorer, buyer("new", 1, 3, 5_000), model);

        assertThat(summary(only)).isEqualTo("1 1 1 111 Lost / Platinum");
        assertThat(only.get("frequency").explanation()).isEqualTo("F1: 2 orders (all customers share this score)");
        assertThat(better.get("frequency").explanation())
                .isEqualTo("F5: 3 orders (more orders than any customer at the last full scoring run)");
    }

    @Test
    void aCustomSegmentTableFromTheSettingsIsUsedAndStored() {
        String table = """
                # two segments only
                Repeat buyers | 1-5 | 2-5 | 1-5 | came back at least once
                One-timers    | 1-5 | 1   | 1-5
                """;
        RfmScorer scorer = new RfmScorer(TestContext.withSettings(Map.of("segments", table)));
        Model model = scorer.fit(SHOP);

        assertThat(model.text(RfmModel.SEGMENTS))
                .isEqualTo("Repeat buyers | 1-5 | 2-5 | 1-5 | came back at least once\nOne-timers | 1-5 | 1 | 1-5");
        assertThat(scoresByName(scorer, A, model).get("segment").explanation())
                .isEqualTo("Repeat buyers (R5 F5 M5): came back at least once");
        assertThat(scoresByName(scorer, D, model).get("segment").explanation())
                .isEqualTo("One-timers: the segment table's segment for R2 F1 M1");
    }

    @Test
    void aBlankSegmentsSettingMeansTheBuiltInTable() {
        Model model = new RfmScorer(TestContext.withSettings(Map.of("segments", "  \n "))).fit(SHOP);
        assertThat(model.text(RfmModel.SEGMENTS)).isEqualTo(SegmentTable.defaults().toText());
    }

    @Test
    void withDefaultTiersOnlyTheTopCustomerOfASmallShopIsAboveLead() {
        RfmScorer scorer = new RfmScorer(TestContext.defaults());
        Model model = scorer.fit(SHOP);
        Map<String, String> tiers = new HashMap<>();
        for (CustomerSummary c : List.of(A, B, C, D, E)) {
            tiers.put(c.id(), scoresByName(scorer, c, model).get("tier").label());
        }
        assertThat(tiers).containsExactlyInAnyOrderEntriesOf(
                Map.of("A", "Platinum", "B", "Lead", "C", "Lead", "D", "Lead", "E", "Lead"));
        assertThat(scoresByName(scorer, B, model).get("tier").explanation())
                .isEqualTo("Lead: spent 500.00 net of refunds, outside the top 20% by spend (Iron from 1,000.00)");
    }

    @Test
    void noTierSharesPutsEveryoneInLead() {
        RfmScorer scorer = new RfmScorer(TestContext.withSettings(Map.of(
                "tiers.platinumPercent", "0", "tiers.goldPercent", "0", "tiers.ironPercent", "0")));
        Model model = scorer.fit(SHOP);
        assertThat(scoresByName(scorer, A, model).get("tier").explanation())
                .isEqualTo("Lead: spent 1,000.00 net of refunds; no higher tier is set up (all tier shares are 0)");
    }

    @Test
    void fitsALargePopulationIntoEvenQuintiles() {
        int n = 200_000;
        List<CustomerSummary> customers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            customers.add(customer("c" + i).order(at(i % 1000 + 1), 1_000L + i).build());
        }
        RfmScorer scorer = new RfmScorer(TestContext.defaults());
        Model model = scorer.fit(TestPopulation.of(customers));

        assertThat(model.array(RfmModel.MONETARY_COUNTS)).containsExactly(40_000, 40_000, 40_000, 40_000, 40_000);
        assertThat(model.array(RfmModel.RECENCY_COUNTS)).containsExactly(40_000, 40_000, 40_000, 40_000, 40_000);
        assertThat(model.array(RfmModel.FREQUENCY_COUNTS)).containsExactly(200_000, 0, 0, 0, 0);
        assertThat(model.array(RfmModel.TIER_THRESHOLDS)).containsExactly(
                1_000 + n - 2_000, 1_000 + n - 10_000, 1_000 + n - 40_000);
    }

    @Nested
    class RejectsAtFitTime {

        private void assertFitFails(Map<String, String> settings, String... messageParts) {
            RfmScorer scorer = new RfmScorer(TestContext.withSettings(settings));
            assertThatThrownBy(() -> scorer.fit(SHOP))
                    .isInstanceOf(PatronPluginException.class)
                    .hasMessageContainingAll(messageParts);
        }

        @Test
        void anUnknownMonetaryMode() {
            assertFitFails(Map.of("monetary", "mean"),
                    "setting 'monetary' must be 'total' or 'average', but is 'mean'; set it to total");
        }

        @Test
        void aTierShareAboveOneHundred() {
            assertFitFails(Map.of("tiers.goldPercent", "140"),
                    "setting 'tiers.goldPercent' must be a percentage from 0 to 100, but is '140'", "(default 4)");
        }

        @Test
        void aNegativeTierShare() {
            assertFitFails(Map.of("tiers.platinumPercent", "-1"), "setting 'tiers.platinumPercent'", "'-1'");
        }

        @Test
        void aTierShareThatIsNotANumber() {
            assertFitFails(Map.of("tiers.ironPercent", "lots"), "setting 'tiers.ironPercent' must be a number");
        }

        @Test
        void tierSharesAddingUpToMoreThanOneHundred() {
            assertFitFails(Map.of("tiers.platinumPercent", "10", "tiers.goldPercent", "40", "tiers.ironPercent", "60.5"),
                    "settings 'tiers.platinumPercent' (10), 'tiers.goldPercent' (40) and 'tiers.ironPercent' (60.5)"
                            + " add up to 110.5%, more than 100%; lower them");
        }

        @Test
        void anInvalidSegmentTable() {
            assertFitFails(Map.of("segments", "Everyone | 1-5 | 1-5 | 1-4"),
                    "setting 'segments': the segment table leaves 25 cells without a segment: R1F1M5, R1F2M5");
        }

        @Test
        void evenWhenNoCustomerHasOrdered() {
            RfmScorer scorer = new RfmScorer(TestContext.withSettings(Map.of("monetary", "median")));
            assertThatThrownBy(() -> scorer.fit(TestPopulation.of(List.of(F))))
                    .isInstanceOf(PatronPluginException.class);
        }

        @Test
        void aStoredModelThatIsIncomplete() {
            Model model = new RfmScorer(TestContext.defaults()).fit(SHOP);
            Model.Builder damaged = Model.builder();
            model.numbers().forEach(damaged::number);
            model.texts().forEach(damaged::text);
            assertThatThrownBy(() -> new RfmScorer(TestContext.defaults()).score(A, damaged.build()))
                    .isInstanceOf(PatronPluginException.class)
                    .hasMessageContaining("the stored RFM model has no array")
                    .hasMessageContaining("run a full scoring run");
        }
    }
}
