package dev.patron.plugin.churn;

import dev.patron.api.PluginContext;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.ShopEventHandler;
import dev.patron.plugin.churn.ChurnStore.OpenAlert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * A customer who orders again is back: their unresolved churn alerts (every rule, open or
 * acknowledged) are resolved inside the order's transaction, so the alert closes exactly when the
 * order is stored. If a later run finds the condition again, the inbox opens a new alert.
 *
 * <p>Only an order that is the customer's newest counts. An order imported from the past (placed
 * before another stored order of theirs) says nothing about the customer coming back and leaves
 * the alerts alone.
 *
 * <p>A whole batch (an API request, an import chunk) takes two set-based queries: the batch's
 * customers with unresolved alerts, and those customers' newest order. Nothing is read for
 * customers without alerts, which are most.
 */
@Extension
public final class ReturnResolver implements ShopEventHandler {

    private final PluginContext context;

    public ReturnResolver(PluginContext context) {
        this.context = context;
    }

    @Override
    public void orderPlaced(OrderPlaced event, PluginDatabase db) {
        ordersPlaced(List.of(event), db);
    }

    @Override
    public void ordersPlaced(List<OrderPlaced> events, PluginDatabase db) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Long> newestInBatch = new HashMap<>();
        for (OrderPlaced event : events) {
            newestInBatch.merge(event.customerId(), event.placedAt().toEpochMilli(), Math::max);
        }
        List<OpenAlert> open = ChurnStore.openAlertsOf(db, context.pluginId(), newestInBatch.keySet());
        if (open.isEmpty()) {
            return;
        }
        Set<String> withAlerts = new HashSet<>();
        open.forEach(a -> withAlerts.add(a.customerId()));
        Map<String, Long> newestStored = ChurnStore.lastOrderMillis(db, withAlerts);
        List<String> keys = new ArrayList<>();
        for (OpenAlert alert : open) {
            long placed = newestInBatch.get(alert.customerId());
            Long newest = newestStored.get(alert.customerId());
            if (newest == null || placed >= newest) {
                keys.add(alert.dedupKey());
            }
        }
        if (!keys.isEmpty()) {
            int resolved = context.alerts().resolve(keys, db);
            context.logger().debug("resolved {} churn alert(s) of returning customers", resolved);
        }
    }
}
