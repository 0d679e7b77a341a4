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

    public DemoLoader(Store store) {
        this.store = store;
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
            store.inTransaction(c -> {
                shop.insertCustomers(c, customerChunk, now);
                shop.insertOrders(c, orderChunk, now);
                shop.insertRefunds(c, refundChunk, customerByOrder, now);
                return null;
            });
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
