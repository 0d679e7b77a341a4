package com.example.basketsize;

import dev.patron.api.PluginContext;
import dev.patron.api.alerts.AlertRequest;
import dev.patron.api.alerts.Severity;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.api.events.ShopEventHandler;
import java.util.List;
import org.pf4j.Extension;

/**
 * Notices single orders that reach the Premium threshold: records them in
 * {@code basket_size_premium_orders} and, unless switched off, raises an INFO alert so staff can
 * thank the customer. A refund that takes the order back below the threshold resolves the alert.
 *
 * <p>Runs inside the transaction that stores the order: what it writes commits with the order or
 * not at all.
 */
@Extension
public class PremiumBasketAlerts implements ShopEventHandler {

    static final String RULE = "premium-order";

    private final PluginContext context;

    public PremiumBasketAlerts(PluginContext context) {
        this.context = context;
    }

    @Override
    public void orderPlaced(OrderPlaced event, PluginDatabase db) {
        Thresholds thresholds = Thresholds.read(context.settings(), context.currency());
        if (event.amountMinor() < thresholds.premium()) {
            return;
        }
        db.update("INSERT INTO basket_size_premium_orders (order_id, customer_id, amount_minor, refunded_minor, placed_at)"
                + " VALUES (?, ?, ?, 0, ?)", event.orderId(), event.customerId(), event.amountMinor(), event.placedAt());
        if (context.settings().bool(BasketSizeSettings.ALERTS, true)) {
            String amount = Thresholds.format(event.amountMinor(), context.currency());
            context.alerts().raise(new AlertRequest(dedupKey(event.orderId()), event.customerId(), RULE, Severity.INFO,
                    "Premium order " + event.orderId() + " from " + event.customerId() + ": " + amount,
                    "Order of " + amount + " " + context.currency().getCurrencyCode() + " reached the Premium threshold of "
                            + Thresholds.format(thresholds.premium(), context.currency())), db);
        }
    }

    @Override
    public void orderRefunded(OrderRefunded event, PluginDatabase db) {
        int updated = db.update("UPDATE basket_size_premium_orders SET refunded_minor = refunded_minor + ? WHERE order_id = ?",
                event.amountMinor(), event.orderId());
        if (updated == 0) {
            return; // not a premium order
        }
        long premium = Thresholds.read(context.settings(), context.currency()).premium();
        long kept = event.orderAmountMinor() - event.refundedBeforeMinor() - event.amountMinor();
        if (kept < premium) {
            context.alerts().resolve(List.of(dedupKey(event.orderId())), db);
        }
    }

    static String dedupKey(String orderId) {
        return RULE + ":" + orderId;
    }
}
