package dev.patron.plugin.loyalty;

import dev.patron.api.PluginContext;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.api.events.ShopEventHandler;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Earns and reverses points inside the transaction that stores the order or refund: the points
 * commit with it or not at all. A single order is a batch of one; an import chunk is one batch,
 * handled with a few grouped queries and batched inserts. Replays (the backlog after a failure, a
 * batch delivered twice) change nothing: an order earns once and a refund reverses once.
 * Stateless; the host calls it from several threads.
 */
@Extension
public final class LoyaltyEvents implements ShopEventHandler {

    private final PluginContext context;

    public LoyaltyEvents(PluginContext context) {
        this.context = context;
    }

    @Override
    public void orderPlaced(OrderPlaced event, PluginDatabase db) {
        ordersPlaced(List.of(event), db);
    }

    @Override
    public void orderRefunded(OrderRefunded event, PluginDatabase db) {
        ordersRefunded(List.of(event), db);
    }

    @Override
    public void ordersPlaced(List<OrderPlaced> events, PluginDatabase db) {
        if (events.isEmpty()) {
            return;
        }
        Posting posting = posting(db);
        Set<String> customers = Earnings.earnAll(posting, events);
        // Qualifying points are read from the ledger, so the new entries go in before tiers are checked.
        posting.flush();
        TierStanding.upgrade(posting, customers);
        posting.flush();
    }

    @Override
    public void ordersRefunded(List<OrderRefunded> events, PluginDatabase db) {
        if (events.isEmpty()) {
            return;
        }
        Posting posting = posting(db);
        Reversals.reverseAll(posting, events);
        posting.flush();
    }

    private Posting posting(PluginDatabase db) {
        LoyaltySettings settings = LoyaltySettings.read(context.settings(), context.currency());
        return new Posting(db, settings, context.shopZone(), context.clock().instant());
    }
}
