package dev.patron.testkit;

import dev.patron.api.PluginContext;
import dev.patron.api.alerts.AlertRequest;
import dev.patron.api.alerts.Severity;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.api.events.ShopEventHandler;
import java.util.List;
import org.pf4j.Extension;

/** A tiny event handler: records every event in testkit_demo_seen and raises an alert for big orders. */
@Extension
public class SeenRecorder implements ShopEventHandler {

    static final long BIG_ORDER = 100_00;

    private final PluginContext context;

    public SeenRecorder(PluginContext context) {
        this.context = context;
    }

    @Override
    public void orderPlaced(OrderPlaced event, PluginDatabase db) {
        db.update("INSERT INTO testkit_demo_seen (event_id, kind, customer_id, amount) VALUES (?, ?, ?, ?)",
                event.orderId(), "order", event.customerId(), event.amountMinor());
        if (event.amountMinor() >= BIG_ORDER) {
            context.alerts().raise(new AlertRequest("big:" + event.customerId(), event.customerId(), "big-order",
                    Severity.INFO, "Big order from " + event.customerId(), "order " + event.orderId() + " of "
                    + event.amountMinor()), db);
        }
    }

    @Override
    public void orderRefunded(OrderRefunded event, PluginDatabase db) {
        db.update("INSERT INTO testkit_demo_seen (event_id, kind, customer_id, amount) VALUES (?, ?, ?, ?)",
                event.refundId(), "refund:" + event.refundedBeforeMinor() + "/" + event.orderAmountMinor(), event.customerId(),
                event.amountMinor());
    }

    @Override
    public void customersUpserted(List<CustomerUpserted> events, PluginDatabase db) {
        for (CustomerUpserted event : events) {
            db.update("INSERT INTO testkit_demo_seen (event_id, kind, customer_id, amount) VALUES (?, ?, ?, ?)",
                    "customer:" + event.customerId() + ":" + event.created(), event.created() ? "created" : "updated",
                    event.customerId(), event.attributes().size());
        }
    }
}
