package dev.patron.host.shop;

import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.host.events.EventDispatcher;
import dev.patron.host.events.EventDispatcher.Failures;
import dev.patron.host.scoring.ScoringEngine;
import dev.patron.host.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every write of shop data: stores it in one transaction together with what the plugins' event
 * handlers write for it, then re-scores the customers it touched. Blocking; the web layer calls it
 * on a worker thread.
 */
public final class ShopService {

    private final Store store;
    private final ShopRepository repository;
    private final EventDispatcher events;
    private final ScoringEngine engine;
    private final Clock clock;

    public ShopService(Store store, ShopRepository repository, EventDispatcher events, ScoringEngine engine, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.events = events;
        this.engine = engine;
        this.clock = clock;
    }

    /** Creates or replaces a customer and re-scores them with the last fitted models; returns true when created. */
    public boolean upsertCustomer(Customer customer) {
        long now = clock.millis();
        Failures[] failures = new Failures[1];
        boolean created = store.inTransaction(c -> {
            boolean isNew = repository.upsertCustomer(c, customer, now);
            failures[0] = events.customersUpserted(c, List.of(new CustomerUpserted(customer.id(), text(customer.attributes()), isNew)));
            return isNew;
        });
        events.afterCommit(failures[0]);
        // Profile-based scores (lead qualification) change with the attributes, not only with orders.
        engine.rescore(Set.of(customer.id()));
        return created;
    }

    /**
     * Stores orders all or nothing (see {@link ShopRepository#placeOrders}), delivers
     * {@link OrderPlaced} for the new ones in the same transaction, and re-scores their customers.
     */
    public List<OrderOutcome> placeOrders(List<Order> orders, String path, String source) {
        long now = clock.millis();
        Failures[] failures = new Failures[1];
        List<OrderOutcome> outcomes = store.inTransaction(c -> {
            List<OrderOutcome> result = repository.placeOrders(c, orders, path, now);
            List<OrderPlaced> placed = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                if (result.get(i) == OrderOutcome.CREATED) {
                    Order o = orders.get(i);
                    placed.add(new OrderPlaced(o.id(), o.customerId(), o.placedAt(), o.amountMinor(), o.channel(), source));
                }
            }
            failures[0] = events.ordersPlaced(c, placed);
            return result;
        });
        events.afterCommit(failures[0]);
        Set<String> customers = new LinkedHashSet<>();
        for (int i = 0; i < orders.size(); i++) {
            if (outcomes.get(i) == OrderOutcome.CREATED) {
                customers.add(orders.get(i).customerId());
            }
        }
        engine.rescore(customers);
        return outcomes;
    }

    /** Stores a refund, delivers {@link OrderRefunded} in the same transaction, and re-scores the customer. */
    public RefundOutcome addRefund(Refund refund) {
        long now = clock.millis();
        Failures[] failures = new Failures[1];
        RefundOutcome outcome = store.inTransaction(c -> {
            RefundOutcome result = repository.addRefund(c, refund, now);
            failures[0] = result.outcome() == OrderOutcome.CREATED
                    ? events.ordersRefunded(c, List.of(new OrderRefunded(refund.id(), refund.orderId(), result.customerId(),
                            refund.amountMinor(), result.orderAmountMinor(), result.refundedBeforeMinor(), refund.refundedAt())))
                    : new Failures();
            return result;
        });
        events.afterCommit(failures[0]);
        if (outcome.outcome() == OrderOutcome.CREATED) {
            engine.rescore(Set.of(outcome.customerId()));
        }
        return outcome;
    }

    /**
     * Delivers the events of one bulk write (an import chunk) to the plugins inside the writer's
     * open transaction {@code c}: customers first, then orders, then refunds. Unlike the writes
     * above it re-scores nobody: a bulk writer leaves that to one scoring run afterwards instead of
     * one re-scoring per customer. Call {@link #afterBulkCommit} once the transaction committed.
     *
     * @return the plugins whose handlers failed, each with its first error
     */
    public Failures deliverBulk(java.sql.Connection c, List<CustomerUpserted> customers, List<OrderPlaced> orders,
                                List<OrderRefunded> refunds) throws java.sql.SQLException {
        Failures failures = events.customersUpserted(c, customers);
        events.ordersPlaced(c, orders).byPlugin().forEach(failures.byPlugin()::putIfAbsent);
        events.ordersRefunded(c, refunds).byPlugin().forEach(failures.byPlugin()::putIfAbsent);
        return failures;
    }

    /** Reports the handlers that failed in a committed bulk write (see {@link #deliverBulk}). */
    public void afterBulkCommit(Failures failures) {
        events.afterCommit(failures);
    }

    static Map<String, String> text(Map<String, Object> attributes) {
        Map<String, String> text = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (v != null) {
                text.put(k, String.valueOf(v));
            }
        });
        return text;
    }
}
