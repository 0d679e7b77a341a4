package com.example.basketsize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasketSizeSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreValid() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            assertEquals(List.of(), bed.configure(bed.extension(BasketSizeSettings.class), Map.of()));
            assertEquals("150.00", bed.context().settings().get("tiers.large").orElseThrow());
        }
    }

    @Test
    void storesThresholdsThatAscend() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            BasketSizeSettings schema = bed.extension(BasketSizeSettings.class);
            assertEquals(List.of(), bed.configure(schema, Map.of("tiers.medium", "40", "tiers.large", "90.5")));
            assertEquals("90.5", bed.context().settings().get("tiers.large").orElseThrow());
        }
    }

    @Test
    void refusesThresholdsOutOfOrder() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            List<String> problems = bed.configure(bed.extension(BasketSizeSettings.class), Map.of("tiers.premium", "100.00"));
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).contains("must ascend (Medium below Large below Premium), but are 50.00, 150.00 and 100.00"),
                    problems.get(0));
            assertEquals("500.00", BasketSizeSettings.DEFAULT_PREMIUM);
            assertTrue(bed.context().settings().get("tiers.premium").isEmpty(), "nothing was stored");
        }
    }

    @Test
    void refusesAmountsThatAreNotAmounts() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            List<String> problems = bed.configure(bed.extension(BasketSizeSettings.class),
                    Map.of("tiers.medium", "-5.00", "tiers.large", "lots", "tiers.premium", "500.001"));
            assertEquals(3, problems.size(), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("tiers.medium: ") && p.contains("at least 0")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("tiers.large: ")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("tiers.premium: ")), problems.toString());
        }
    }
}
