package dev.patron.plugin.churn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.testkit.PluginTestbed;
import dev.patron.testkit.RaisedAlert;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnResolverTest {

    @TempDir
    Path dir;

    @Test
    void anOrderResolvesEveryUnresolvedChurnAlertOfThatCustomerOnlyInsideTheOrdersTransaction() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.migrate();
            Shop.regular(bed, "c-1");
            Shop.regular(bed, "c-2");
            ReturnResolver resolver = bed.extension(ReturnResolver.class);
            bed.deliver(resolver);
            Shop.run(bed);
            Shop.acknowledge(bed, "spend_decline:c-1");
            assertThat(bed.alerts()).hasSize(4).allMatch(RaisedAlert::isOpen);

            bed.order("c-1-new", "c-1", "2026-06-30T09:00:00Z", 10_00);
            bed.deliver(resolver);

            assertThat(bed.alerts()).filteredOn(a -> a.customerId().equals("c-1")).extracting(RaisedAlert::status)
                    .containsOnly("resolved");
            assertThat(bed.alerts()).filteredOn(a -> a.customerId().equals("c-2")).allMatch(RaisedAlert::isOpen);
            assertThat(bed.queryOne("SELECT resolved_by FROM alerts WHERE dedup_key = 'overdue:c-1'", r -> r.text("resolved_by")))
                    .contains("plugin:churn-alerts");
            assertThat(Shop.outbox(bed, "alert.resolved")).isEqualTo(2);
        }
    }

    @Test
    void anOrderFromThePastIsNoReturnAndLeavesTheAlertsOpen() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").start(dir)) {
            bed.migrate();
            Shop.regular(bed, "c-1");
            ReturnResolver resolver = bed.extension(ReturnResolver.class);
            bed.deliver(resolver);
            Shop.run(bed);

            bed.order("c-1-imported", "c-1", "2025-11-20T10:00:00Z", 40_00); // an import of old history
            bed.deliver(resolver);
            assertThat(bed.alerts()).isNotEmpty().allMatch(RaisedAlert::isOpen);
        }
    }

    @Test
    void aBatchResolvesForEveryReturningCustomerAndIgnoresTheRest() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").settings(Map.of("spendDecline.enabled", "false"))
                .start(dir)) {
            bed.migrate();
            for (int i = 1; i <= 3; i++) {
                Shop.regular(bed, "c-" + i);
            }
            bed.customer("new");
            ReturnResolver resolver = bed.extension(ReturnResolver.class);
            bed.deliver(resolver);
            Shop.run(bed);

            bed.order("b-1", "c-1", "2026-06-30T08:00:00Z", 10_00);
            bed.order("b-2", "c-1", "2026-06-30T09:00:00Z", 10_00);
            bed.order("b-3", "c-3", "2026-06-30T08:00:00Z", 10_00);
            bed.order("b-4", "new", "2026-06-30T08:00:00Z", 10_00);
            assertThat(bed.deliver(resolver)).isEqualTo(4); // one ordersPlaced batch

            assertThat(bed.alerts()).extracting(RaisedAlert::dedupKey, RaisedAlert::status).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("overdue:c-1", "resolved"),
                    org.assertj.core.groups.Tuple.tuple("overdue:c-2", "open"),
                    org.assertj.core.groups.Tuple.tuple("overdue:c-3", "resolved"));
        }
    }
}
