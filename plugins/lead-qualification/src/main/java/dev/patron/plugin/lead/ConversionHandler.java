package dev.patron.plugin.lead;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginContext;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.ShopEventHandler;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Marks a lead converted when they place an order, inside the transaction that stores the order:
 * the pipeline shows {@code converted} exactly when the order exists. The change is recorded in
 * the follow-up history (actor {@code system}, source {@code order}, with the order id).
 *
 * <p>A customer counts as a lead when the pipeline already has a row for them, the last scoring
 * gave them a lead class, or their profile holds one of the attributes the rule reads (so a lead
 * who buys before any scoring run still converts). Anyone else's orders are ignored, and a lead
 * already converted is left alone, so replays and later orders change nothing. Refunds do not
 * undo a conversion.
 */
@Extension
public final class ConversionHandler implements ShopEventHandler {

    private final PluginContext context;

    public ConversionHandler(PluginContext context) {
        this.context = context;
    }

    @Override
    public void orderPlaced(OrderPlaced event, PluginDatabase db) {
        ordersPlaced(List.of(event), db);
    }

    /** Looks at each customer once, with their earliest order of the batch (imports deliver thousands). */
    @Override
    public void ordersPlaced(List<OrderPlaced> events, PluginDatabase db) {
        Map<String, OrderPlaced> earliest = new LinkedHashMap<>();
        Comparator<OrderPlaced> order = Comparator.comparing(OrderPlaced::placedAt).thenComparing(OrderPlaced::orderId);
        for (OrderPlaced event : events) {
            earliest.merge(event.customerId(), event, (a, b) -> order.compare(a, b) <= 0 ? a : b);
        }
        Qualifier rule = rule();
        for (OrderPlaced event : earliest.values()) {
            convert(event, db, rule);
        }
    }

    /** Converts the customer of {@code event} if they are an unconverted lead; returns whether it did. */
    boolean convert(OrderPlaced event, PluginDatabase db, Qualifier rule) {
        String customerId = event.customerId();
        Optional<Pipeline.State> state = Pipeline.state(db, customerId);
        if (state.isPresent() && state.get().status() == FollowUpStatus.CONVERTED) {
            return false;
        }
        boolean lead = state.isPresent()
                || Pipeline.scoredClass(db, context.pluginId(), customerId).isPresent()
                || Pipeline.attributes(db, customerId).map(rule::isLead).orElse(false);
        if (!lead) {
            return false;
        }
        FollowUpStatus previous = state.map(Pipeline.State::status).orElse(FollowUpStatus.NEW);
        LocalDate day = LocalDate.ofInstant(event.placedAt(), context.shopZone());
        BigDecimal amount = BigDecimal.valueOf(event.amountMinor(), Math.max(0, context.currency().getDefaultFractionDigits()));
        String note = "order " + event.orderId() + " of " + new Amounts(context.currency()).format(amount) + " placed on " + day;
        Pipeline.change(db, customerId, previous, FollowUpStatus.CONVERTED, note, Pipeline.SYSTEM_ACTOR, Pipeline.SOURCE_ORDER,
                event.orderId(), event.placedAt().toEpochMilli(), context.clock().millis());
        return true;
    }

    /** The rule in force; the defaults if the stored settings cannot be read, so an order never fails on them. */
    private Qualifier rule() {
        LeadSettings settings;
        try {
            settings = LeadSettings.read(context.settings());
        } catch (PatronPluginException e) {
            context.logger().warn("lead-qualification settings are invalid ({}); judging leads by the default attributes",
                    e.getMessage());
            settings = LeadSettings.defaultSettings();
        }
        return new Qualifier(settings, context.currency());
    }
}
