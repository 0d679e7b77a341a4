package com.example.basketsize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patron.api.alerts.Severity;
import dev.patron.testkit.PluginTestbed;
import dev.patron.testkit.RaisedAlert;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PremiumBasketAlertsTest {

    @TempDir
    Path dir;

    private static List<String> premiumOrders(PluginTestbed bed) {
        return bed.query("SELECT order_id, amount_minor, refunded_minor FROM basket_size_premium_orders ORDER BY order_id",
                row -> row.text("order_id") + " " + row.whole("amount_minor") + " -" + row.whole("refunded_minor"));
    }

    @Test
    void recordsPremiumOrdersAndRaisesAnAlert() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            assertEquals(1, bed.migrate());
            bed.customer("c-1").customer("c-2");
            bed.order("o-1", "c-1", "2026-01-02T10:00:00Z", 499_99);
            bed.order("o-2", "c-2", "2026-01-03T10:00:00Z", 812_00);

            assertEquals(4, bed.deliver(bed.extension(PremiumBasketAlerts.class)));

            assertEquals(List.of("o-2 81200 -0"), premiumOrders(bed));
            List<RaisedAlert> alerts = bed.alerts();
            assertEquals(1, alerts.size());
            RaisedAlert alert = alerts.get(0);
            assertEquals("premium-order:o-2", alert.dedupKey());
            assertEquals("c-2", alert.customerId());
            assertEquals(Severity.INFO, alert.severity());
            assertEquals("Premium order o-2 from c-2: 812.00", alert.title());
            assertEquals("Order of 812.00 USD reached the Premium threshold of 500.00", alert.detail());
        }
    }

    @Test
    void aRefundBelowTheThresholdResolvesTheAlert() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").start(dir)) {
            bed.migrate();
            PremiumBasketAlerts handler = bed.extension(PremiumBasketAlerts.class);
            bed.customer("c-1").order("o-1", "c-1", "2026-01-02T10:00:00Z", 700_00);
            bed.deliver(handler);

            bed.refund("r-1", "o-1", 100_00, "2026-01-03T10:00:00Z"); // 600.00 kept: still premium
            bed.deliver(handler);
            assertTrue(bed.alerts().get(0).isOpen());

            bed.refund("r-2", "o-1", 150_00, "2026-01-04T10:00:00Z"); // 450.00 kept
            bed.deliver(handler);
            assertFalse(bed.alerts().get(0).isOpen());
            assertEquals(List.of("o-1 70000 -25000"), premiumOrders(bed));
        }
    }

    @Test
    void alertsCanBeSwitchedOff() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size")
                .settings(Map.of("alerts.premiumOrders", "false", "tiers.premium", "300.00")).start(dir)) {
            bed.migrate();
            bed.customer("c-1").order("o-1", "c-1", "2026-01-02T10:00:00Z", 300_00);
            bed.deliver(bed.extension(PremiumBasketAlerts.class));
            assertEquals(List.of("o-1 30000 -0"), premiumOrders(bed));
            assertEquals(List.of(), bed.alerts());
        }
    }

    @Test
    void thePluginClassStartsWithItsContext() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").version("1.0.0").start(dir)) {
            BasketSizePlugin plugin = bed.plugin(BasketSizePlugin.class);
            assertEquals("basket-size", plugin.context().pluginId());
        }
    }
}
