package dev.patron.api.events;

import dev.patron.api.data.PluginDatabase;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Reacts to shop events INSIDE the database transaction that stores them: what the handler
 * writes through {@code db} commits with the order, or not at all. An order therefore can never
 * earn points twice nor lose them.
 *
 * <p>Each call runs under a savepoint and a time limit. If a handler throws or overruns, only its
 * own writes are undone, the order is still stored, the event is kept for the plugin to catch up
 * on, and the plugin is marked failed with the error shown to staff. Bulk imports deliver events
 * in batches through the {@code ...s} methods, whose defaults loop over the single-event ones.
 */
public interface ShopEventHandler extends ExtensionPoint {

    default void orderPlaced(OrderPlaced event, PluginDatabase db) {
    }

    default void orderRefunded(OrderRefunded event, PluginDatabase db) {
    }

    default void customerUpserted(CustomerUpserted event, PluginDatabase db) {
    }

    default void ordersPlaced(List<OrderPlaced> events, PluginDatabase db) {
        for (OrderPlaced event : events) {
            orderPlaced(event, db);
        }
    }

    default void ordersRefunded(List<OrderRefunded> events, PluginDatabase db) {
        for (OrderRefunded event : events) {
            orderRefunded(event, db);
        }
    }

    default void customersUpserted(List<CustomerUpserted> events, PluginDatabase db) {
        for (CustomerUpserted event : events) {
            customerUpserted(event, db);
        }
    }
}
