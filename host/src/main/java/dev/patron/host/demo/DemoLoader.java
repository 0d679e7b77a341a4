package dev.patron.host.demo;

import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.Refund;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.Store;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Writes a {@link DemoShop} into an empty store in chunk transactions of a few thousand customers,
 * through the same batched inserts the importer uses.
 */
public final class DemoLoader {

    private static final int CHUNK_CUSTOMERS = 5_000;

    private final Store store;
    private final ShopRepository shop = new ShopRepository();
    private final dev.patron.host.shop.ShopService events;

    /** A loader that only inserts rows (benchmarks, tests). */
    public DemoLoader(Store store) {
        this(store, null);
    }

    /**
     * A loader that also delivers each chunk's events to the plugins inside the chunk's
     * transaction, as an import does, so plugins that keep their own state (loyalty points) see
     * the demo shop too.
     */
    public DemoLoader(Store store, dev.patron.host.shop.ShopService events) {
        this.store = store;
        this.events = events;
    }

    private static java.util.List<dev.patron.api.events.CustomerUpserted> customerEvents(List<Customer> customers) {
        List<dev.patron.api.events.CustomerUpserted> result = new ArrayList<>(customers.size());
        for (Customer customer : customers) {
            Map<String, String> attributes = new HashMap<>();
            customer.attributes().forEach((k, v) -> {
                if (v != null) {
                    attributes.put(k, String.valueOf(v));
                }
            });
            result.add(new dev.patron.api.events.CustomerUpserted(customer.id(), attributes, true));
        }
        return result;
    }

    private static List<dev.patron.api.events.OrderPlaced> orderEvents(List<Order> orders) {
        List<dev.patron.api.events.OrderPlaced> result = new ArrayList<>(orders.size());
        for (Order o : orders) {
            result.add(new dev.patron.api.events.OrderPlaced(o.id(), o.customerId(), o.placedAt(), o.amountMinor(), o.channel(), "demo"));
        }
        return result;
    }

    /** The demo refunds each order at most once, so nothing was refunded before. */
    private static List<dev.patron.api.events.OrderRefunded> refundEvents(List<Refund> refunds, List<Order> orders) {
        Map<String, Order> byId = new HashMap<>();
        orders.forEach(o -> byId.put(o.id(), o));
        List<dev.patron.api.events.OrderRefunded> result = new ArrayList<>(refunds.size());
        for (Refund r : refunds) {
            Order order = byId.get(r.orderId());
            result.add(new dev.patron.api.events.OrderRefunded(r.id(), r.orderId(), order.customerId(), r.amountMinor(),
                    order.amountMinor(), 0, r.refundedAt()));
        }
        return result;
    }

    /** Totals of a generated shop. */
    public record Totals(long customers, long orders, long refunds) {
    }

    /**
     * @param progress receives the number of customers written so far
     * @throws IllegalStateException when the store already holds customers
     */
    public Totals load(int customers, long seed, LocalDate endDate, ZoneId zone, Currency currency, LongConsumer progress) {
        long existing = store.read(shop::countCustomers);
        if (existing > 0) {
            throw new IllegalStateException("demo data fills an empty database, but this one already holds " + existing
                    + " customers; point --db at a new file or delete the database to start over");
        }
        long now = System.currentTimeMillis();
        List<Customer> customerChunk = new ArrayList<>();
        List<Order> orderChunk = new ArrayList<>();
        List<Refund> refundChunk = new ArrayList<>();
        Map<String, String> customerByOrder = new HashMap<>();
        long[] totals = new long[3];
        Runnable flush = () -> {
            dev.patron.host.events.EventDispatcher.Failures failures = store.inTransaction(c -> {
                shop.insertCustomers(c, customerChunk, now);
                shop.insertOrders(c, orderChunk, now);
                shop.insertRefunds(c, refundChunk, customerByOrder, now);
                return events == null ? null : events.deliverBulk(c, customerEvents(customerChunk), orderEvents(orderChunk),
                        refundEvents(refundChunk, orderChunk));
            });
            if (failures != null) {
                events.afterBulkCommit(failures);
            }
            totals[0] += customerChunk.size();
            totals[1] += orderChunk.size();
            totals[2] += refundChunk.size();
            customerChunk.clear();
            orderChunk.clear();
            refundChunk.clear();
            customerByOrder.clear();
            progress.accept(totals[0]);
        };
        new DemoShop(seed, endDate, zone, currency).generate(customers, (customer, orders, refunds) -> {
            customerChunk.add(customer);
            orderChunk.addAll(orders);
            refundChunk.addAll(refunds);
            orders.forEach(o -> customerByOrder.put(o.id(), o.customerId()));
            if (customerChunk.size() == CHUNK_CUSTOMERS) {
                flush.run();
            }
        });
        if (!customerChunk.isEmpty()) {
            flush.run();
        }
        return new Totals(totals[0], totals[1], totals[2]);
    }
}
