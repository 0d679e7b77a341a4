package com.example.basketsize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.testkit.GeneratedShop;
import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasketSizeScorerTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @TempDir
    Path dir;

    /** Four buyers, one per tier, and a lead. */
    private static void shop(PluginTestbed bed) {
        bed.customer("c-1", Map.of("role", "owner"));
        bed.customer("c-2");
        bed.customer("c-3", Map.of("need", "gift boxes"));
        bed.customer("c-4");
        bed.customer("c-5");
        bed.order("o-1", "c-1", "2026-01-02T10:00:00Z", 129_90);
        bed.order("o-2", "c-1", "2026-02-03T10:00:00Z", 250_00);
        bed.refund("r-1", "o-1", 20_00, "2026-01-05T09:00:00Z");
        bed.order("o-3", "c-2", "2026-03-01T10:00:00Z", 20_00);
        bed.order("o-4", "c-4", "2026-04-01T10:00:00Z", 600_00);
        bed.order("o-5", "c-5", "2026-05-01T10:00:00Z", 75_00);
    }

    private static Map<String, String> labels(Map<String, List<Score>> scores) {
        Map<String, String> labels = new java.util.TreeMap<>();
        scores.forEach((id, list) -> list.stream().filter(s -> s.name().equals(BasketSizeScorer.TIER))
                .forEach(s -> labels.put(id, s.label())));
        return labels;
    }

    @Test
    void classifiesByAverageOrderValueNetOfRefunds() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            shop(bed);
            Map<String, List<Score>> scores = bed.score(bed.extension(BasketSizeScorer.class), AS_OF);

            assertEquals(Map.of("c-1", "Large", "c-2", "Small", "c-4", "Premium", "c-5", "Medium"), labels(scores));
            assertEquals(List.of(
                    Score.labelled("basket_tier", "Large", "Large: average order 179.95 net of refunds over 2 orders"
                            + " (Large from 150.00, Premium from 500.00; 25% of buyers)"),
                    Score.numeric("average_order_value", 179.95, "Average order 179.95 USD: net spend 359.90 over 2 orders")),
                    scores.get("c-1"));
            assertEquals("Small: average order 20.00 net of refunds over 1 order (Medium from 50.00; 25% of buyers)",
                    scores.get("c-2").get(0).explanation());
            assertEquals("Premium: average order 600.00 net of refunds over 1 order (Premium from 500.00; 25% of buyers)",
                    scores.get("c-4").get(0).explanation());
            assertEquals(List.of(), scores.get("c-3"), "a customer without orders gets no scores");
        }
    }

    @Test
    void leavesOutOrdersAfterTheScoringDate() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            shop(bed);
            Map<String, List<Score>> scores = bed.score(bed.extension(BasketSizeScorer.class), LocalDate.parse("2026-01-31"));
            // Only o-1 (129.90) and its refund (20.00) are known by the end of January.
            assertEquals(Map.of("c-1", "Medium"), labels(scores));
            assertEquals(109.90, scores.get("c-1").get(1).value());
        }
    }

    @Test
    void aFullyRefundedCustomerIsSmall() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            bed.customer("c-1").order("o-1", "c-1", "2026-01-02T10:00:00Z", 300_00).refund("r-1", "o-1", 300_00,
                    "2026-01-03T10:00:00Z");
            List<Score> scores = bed.score(bed.extension(BasketSizeScorer.class), AS_OF).get("c-1");
            assertEquals("Small", scores.get(0).label());
            assertEquals(0.0, scores.get(1).value());
        }
    }

    @Test
    void thresholdsComeFromTheSettingsInForceAtTheLastFit() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").setting("tiers.large", "100.00").start(dir)) {
            shop(bed);
            BasketSizeScorer scorer = bed.extension(BasketSizeScorer.class);
            Model model = bed.fit(scorer, AS_OF);
            assertEquals(10_000.0, model.number("threshold.large"));

            bed.settings(Map.of("tiers.large", "400.00"));
            bed.order("o-6", "c-2", "2026-06-30T09:00:00Z", 230_00); // c-2: (20.00 + 230.00) / 2 = 125.00
            assertEquals("Large", bed.rescore(scorer, model, "c-2").get(0).label(), "re-scoring keeps the fitted thresholds");
            assertEquals("Medium", bed.score(scorer, AS_OF).get("c-2").get(0).label(), "a new full run applies the new ones");
        }
    }

    @Test
    void beforeTheFirstRunTheCurrentSettingsApply() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            shop(bed);
            Map<String, List<Score>> scores = bed.score(bed.extension(BasketSizeScorer.class), Model.EMPTY, AS_OF);
            assertEquals("Large: average order 179.95 net of refunds over 2 orders (Large from 150.00, Premium from 500.00)",
                    scores.get("c-1").get(0).explanation());
        }
    }

    @Test
    void formatsAmountsInTheShopCurrency() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").currency("JPY")
                .settings(Map.of("tiers.medium", "5000", "tiers.large", "15000", "tiers.premium", "50000")).start(dir)) {
            bed.customer("c-1").order("o-1", "c-1", "2026-01-02T10:00:00Z", 12_345);
            List<Score> scores = bed.score(bed.extension(BasketSizeScorer.class), AS_OF).get("c-1");
            assertEquals("Medium: average order 12,345 net of refunds over 1 order (Medium from 5,000, Large from 15,000;"
                    + " 100% of buyers)", scores.get(0).explanation());
            assertEquals(12_345.0, scores.get(1).value());
        }
    }

    @Test
    void refusesThresholdsOutOfOrderAtFitTime() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size")
                .settings(Map.of("tiers.medium", "200.00", "tiers.large", "150.00")).start(dir)) {
            shop(bed);
            PatronPluginException e = assertThrows(PatronPluginException.class,
                    () -> bed.fit(bed.extension(BasketSizeScorer.class), AS_OF));
            assertTrue(e.getMessage().contains("must ascend"), e.getMessage());
        }
    }

    @Test
    void scoresEveryBuyerOfTheDemoShop() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            GeneratedShop shop = bed.demoShop(300, 3);
            Map<String, List<Score>> scores = bed.score(bed.extension(BasketSizeScorer.class));
            assertEquals(shop.customers(), scores.size());
            long buyers = 0;
            for (CustomerSummary customer : bed.population()) {
                buyers += customer.hasOrders() ? 1 : 0;
            }
            assertTrue(buyers > 0 && buyers < shop.customers(), "the demo shop has buyers and leads");
            assertEquals(buyers, scores.values().stream().filter(s -> !s.isEmpty()).count());
            Set<String> tiers = Set.of("Small", "Medium", "Large", "Premium");
            scores.values().stream().filter(s -> !s.isEmpty()).forEach(s -> {
                assertEquals(2, s.size());
                assertTrue(tiers.contains(s.get(0).label()), s.get(0).label());
            });
            assertEquals(buyers, (long) bed.queryOne("SELECT COUNT(*) AS n FROM scores WHERE plugin_id = 'basket-size'"
                    + " AND name = 'basket_tier'", row -> row.whole("n")).orElseThrow());
        }
    }
}
