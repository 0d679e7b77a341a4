package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.testkit.EventDeliveryException;
import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing of the ledger lives in memory. The testkit opens a fresh database for every testbed, so a
 * restart is played here the way the host does it on one store: the plugin stops, new plugin and
 * extension instances are built over the same database, and the migrations are not applied again.
 */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void aRestartKeepsEveryPointAndEveryPromise() {
        PluginTestbed bed = PluginTestbed.forPlugin("loyalty").settings(Map.of("refundPolicy", "clamp")).start(dir);
        try (bed) {
            Shop before = Shop.open(bed);
            LoyaltyPlugin plugin = bed.plugin(LoyaltyPlugin.class);
            before.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 300_00).order("o-2", "c-1", "2026-06-02T10:00:00Z", 100_00);
            before.redeem("c-1", 350, "k-1");
            before.refund("r-1", "o-1", 300_00, "2026-06-03T10:00:00Z");
            Map<String, Object> account = before.account("c-1");
            List<String> ledger = bed.query("SELECT id, kind, points, balance_after FROM loyalty_entries ORDER BY id",
                    r -> r.whole("id") + " " + r.text("kind") + " " + r.whole("points") + " " + r.whole("balance_after"));
            plugin.stop();

            assertThat(bed.migrate()).as("migrations are applied once").isZero();
            bed.plugin(LoyaltyPlugin.class);
            Shop after = Shop.open(bed);

            assertThat(after.account("c-1")).isEqualTo(account);
            assertThat(account).containsEntry("balance", 0L).containsEntry("owed", 250L);
            assertThat(bed.query("SELECT id, kind, points, balance_after FROM loyalty_entries ORDER BY id",
                    r -> r.whole("id") + " " + r.text("kind") + " " + r.whole("points") + " " + r.whole("balance_after")))
                    .isEqualTo(ledger);
            // The same redemption key still answers with the original result, ids go on, debts are still collected.
            assertThat(((Map<?, ?>) after.redeem("c-1", 350, "k-1").body()).get("replayed")).isEqualTo(true);
            after.order("o-3", "c-1", "2026-06-04T10:00:00Z", 400_00);
            assertThat(after.balance("c-1")).isEqualTo(150);
            LedgerInvariants.check(bed);
        }
    }

    @Test
    void eventsAHandlerFailedOnAreEarnedOnceWhenReplayed() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1");
            shop.bed.settings(Map.of("tiers", "Gold 100 x2"));  // stored behind the validator's back: earning must refuse
            shop.bed.order("o-1", "c-1", "2026-06-01T10:00:00Z", 50_00);
            List<Object> backlog = shop.bed.pendingEvents();

            assertThatThrownBy(() -> shop.bed.deliver(shop.events)).isInstanceOf(EventDeliveryException.class)
                    .hasMessageContaining("tiers line 1");
            assertThat(shop.ledgerSum("c-1")).as("the failed call wrote nothing").isZero();

            shop.bed.settings(Map.of());
            shop.replay(backlog);
            shop.replay(backlog);
            assertThat(shop.balance("c-1")).isEqualTo(50);
        }
    }
}
