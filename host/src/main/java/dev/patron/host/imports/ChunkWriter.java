package dev.patron.host.imports;

import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.host.imports.ImportItem.CancellationItem;
import dev.patron.host.imports.ImportItem.CustomerItem;
import dev.patron.host.imports.ImportItem.OrderItem;
import dev.patron.host.imports.ImportItem.RefundItem;
import dev.patron.host.shop.ConflictException;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.Money;
import dev.patron.host.shop.NotFoundException;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.OrderOutcome;
import dev.patron.host.shop.Refund;
import dev.patron.host.shop.RefundOutcome;
import dev.patron.host.shop.ShopJson;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.ReusedStatements;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes one chunk of validated items on the writer's open transaction, by the API's rules:
 * orders and refunds are idempotent by id (same content: unchanged; other content: the row is
 * rejected as a conflict), refunds never exceed what is left on their order, orders need their
 * customer (or create it when the import may). What the store refuses is reported per row and the
 * rest of the chunk is written. Collects the chunk's events for the plugins.
 */
final class ChunkWriter {

    /** What one chunk wrote and the events to deliver for it. */
    static final class Written {
        final List<CustomerUpserted> customers = new ArrayList<>();
        final List<OrderPlaced> orders = new ArrayList<>();
        final List<OrderRefunded> refunds = new ArrayList<>();
        final ImportTally tally = new ImportTally();
    }

    private static final int KNOWN_CUSTOMERS = 10_000;

    private final ShopRepository shop;
    private final ShopJson json;
    private final ColumnPlan plan;
    private final java.util.Currency currency;
    private final boolean createCustomers;
    private final CancellationMatcher matcher = new CancellationMatcher();
    /** Customers this import already found or created, with the attribute names they are known to have. */
    private final Map<String, Set<String>> knownCustomers = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > KNOWN_CUSTOMERS;
        }
    };

    ChunkWriter(ShopRepository shop, ShopJson json, ColumnPlan plan, java.util.Currency currency, boolean createCustomers) {
        this.shop = shop;
        this.json = json;
        this.plan = plan;
        this.currency = currency;
        this.createCustomers = createCustomers;
    }

    Written write(Connection c, List<ImportItem> items, Consumer<Issue> issues, long now) throws SQLException {
        Written written = new Written();
        // The chunk's customers and orders go first, each kind in one batch. A cancellation refunds
        // only orders placed at or before it, so it sees every such order of the chunk, wherever the
        // file has it.
        List<CustomerItem> customers = new ArrayList<>();
        List<OrderItem> orders = new ArrayList<>();
        for (ImportItem item : items) {
            if (item instanceof OrderItem order) {
                orders.add(order);
            } else if (item instanceof CustomerItem customer) {
                customers.add(customer);
            }
        }
        upsertCustomers(c, customers, written, now);
        placeOrders(c, orders, written, issues, now);
        if (customers.size() + orders.size() == items.size()) {
            return written;
        }
        // Refunds and cancellations are written one at a time, with the same few statements each: prepared once per chunk.
        try (ReusedStatements statements = new ReusedStatements(c)) {
            Connection reused = statements.connection();
            for (ImportItem item : items) {
                if (item instanceof RefundItem refund) {
                    refund(reused, refund, written, issues, now);
                } else if (item instanceof CancellationItem cancellation) {
                    cancel(reused, cancellation, written, issues, now);
                }
            }
        }
        return written;
    }

    /**
     * Creates or replaces the chunk's customer profiles: the stored ones are read a list at a
     * time, then the new ones inserted and the changed ones updated, each in one batch. An id the
     * chunk holds twice counts as it would row by row (created, then updated) and is written once,
     * with its last profile.
     */
    private void upsertCustomers(Connection c, List<CustomerItem> items, Written written, long now) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(item -> ids.add(item.customer().id()));
        Map<String, Customer> stored = shop.findCustomers(c, ids);
        Map<String, Customer> inserts = new LinkedHashMap<>();
        Map<String, Customer> updates = new LinkedHashMap<>();
        for (CustomerItem item : items) {
            Customer customer = item.customer();
            Customer before = stored.get(customer.id());
            if (customer.equals(before)) {
                written.tally.customersUnchanged++;
                continue;
            }
            if (before == null || inserts.containsKey(customer.id())) {
                inserts.put(customer.id(), customer);
            } else {
                updates.put(customer.id(), customer);
            }
            stored.put(customer.id(), customer);
            if (before == null) {
                written.tally.customersCreated++;
            } else {
                written.tally.customersUpdated++;
            }
            written.customers.add(new CustomerUpserted(customer.id(), text(customer.attributes()), before == null));
        }
        shop.insertCustomers(c, inserts.values(), now);
        shop.updateCustomers(c, updates.values(), now);
    }

    private void placeOrders(Connection c, List<OrderItem> items, Written written, Consumer<Issue> issues, long now)
            throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        Map<String, Customer> stored = lookUpCustomers(c, items);
        Map<String, Order> inBatch = new HashMap<>();
        List<OrderItem> candidates = new ArrayList<>();
        for (OrderItem item : items) {
            Order order = item.order();
            if (!customerReady(item, stored, c, written, now)) {
                report(issues, item.lines(), "customerId", order.customerId(), IssueCode.UNKNOWN_CUSTOMER, "customer '"
                        + order.customerId() + "' does not exist; import the customers first (patron import customers),"
                        + " or let the import create them (--create-customers)");
                continue;
            }
            Order earlier = inBatch.putIfAbsent(order.id(), order);
            if (earlier == null) {
                candidates.add(item);
            } else if (earlier.equals(order)) {
                written.tally.ordersUnchanged++;
            } else {
                conflict(issues, item);
            }
        }
        List<Order> orders = candidates.stream().map(OrderItem::order).toList();
        boolean[] inserted = shop.insertNewOrders(c, orders, candidates.stream().map(OrderItem::encoding).toList(), now);
        List<Order> taken = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (!inserted[i]) {
                taken.add(orders.get(i));
            }
        }
        // Only orders whose ids were already stored are compared (their fingerprints read); new ones never are.
        Map<String, Boolean> same = taken.isEmpty() ? Map.of() : shop.storedOrders(c, taken);
        for (int i = 0; i < inserted.length; i++) {
            Order order = orders.get(i);
            if (inserted[i]) {
                written.tally.ordersCreated++;
                written.orders.add(new OrderPlaced(order.id(), order.customerId(), order.placedAt(), order.amountMinor(),
                        order.channel(), "import"));
            } else if (Boolean.TRUE.equals(same.get(order.id()))) {
                written.tally.ordersUnchanged++;
            } else {
                conflict(issues, candidates.get(i));
            }
        }
    }

    private void conflict(Consumer<Issue> issues, OrderItem item) {
        Order order = item.order();
        report(issues, item.lines(), "id", order.id(), IssueCode.ID_CONFLICT, "order " + order.id() + " is already stored"
                + " with other content (the id was used for another order, or the invoice's lines lie too far apart in"
                + " the file); order ids are idempotency keys, so this one was not imported");
    }

    /**
     * The stored customers of {@code items} this import has not seen yet with every attribute their
     * orders bring. Their profiles are read only when an order brings attributes (to merge them);
     * otherwise only whether they exist, from the primary key.
     */
    private Map<String, Customer> lookUpCustomers(Connection c, List<OrderItem> items) throws SQLException {
        Set<String> ids = customersToLookUp(items);
        if (items.stream().anyMatch(item -> !item.customerAttributes().isEmpty())) {
            return shop.findCustomers(c, ids);
        }
        Map<String, Customer> stored = new HashMap<>();
        for (String id : shop.storedCustomerIds(c, ids)) {
            stored.put(id, new Customer(id, null, null, null, Map.of()));
        }
        return stored;
    }

    /** The customers of {@code items} this import has not seen yet with every attribute their orders bring. */
    private Set<String> customersToLookUp(List<OrderItem> items) {
        Set<String> ids = new LinkedHashSet<>();
        for (OrderItem item : items) {
            Set<String> known = knownCustomers.get(item.order().customerId());
            if (known == null || !known.containsAll(item.customerAttributes().keySet())) {
                ids.add(item.order().customerId());
            }
        }
        return ids;
    }

    /**
     * Whether the order's customer exists, creating it (or adding missing attributes) when the
     * import may. {@code stored} holds the customers looked up for the chunk and is kept current.
     */
    private boolean customerReady(OrderItem item, Map<String, Customer> stored, Connection c, Written written, long now)
            throws SQLException {
        String id = item.order().customerId();
        Map<String, Object> attributes = item.customerAttributes();
        Set<String> known = knownCustomers.get(id);
        if (known != null && known.containsAll(attributes.keySet())) {
            return true;
        }
        Customer found = stored.get(id);
        if (found == null && !createCustomers) {
            return false;
        }
        Customer current = found;
        if (found == null) {
            current = new Customer(id, null, null, null, attributes);
            shop.insertCustomers(c, List.of(current), now);
            written.tally.customersCreated++;
            written.customers.add(new CustomerUpserted(id, text(attributes), true));
        } else if (createCustomers && !found.attributes().keySet().containsAll(attributes.keySet())) {
            // Only attributes the customer lacks are added: a profile from the API or a customers file wins.
            Map<String, Object> merged = new LinkedHashMap<>(found.attributes());
            attributes.forEach(merged::putIfAbsent);
            current = new Customer(id, found.name(), found.email(), found.phone(), merged);
            shop.upsertCustomer(c, current, now);
            written.tally.customersUpdated++;
            written.customers.add(new CustomerUpserted(id, text(merged), false));
        } else if (createCustomers) {
            written.tally.customersUnchanged++;
        }
        stored.put(id, current);
        Set<String> names = new java.util.HashSet<>(attributes.keySet());
        names.addAll(current.attributes().keySet());
        knownCustomers.put(id, names);
        return true;
    }

    private void refund(Connection c, RefundItem item, Written written, Consumer<Issue> issues, long now) throws SQLException {
        Refund refund = item.refund();
        long[] line = {item.line()};
        try {
            RefundOutcome outcome = shop.addRefund(c, refund, now);
            count(refund, outcome, written);
        } catch (NotFoundException e) {
            report(issues, line, "orderId", refund.orderId(), IssueCode.UNKNOWN_ORDER, e.getMessage());
        } catch (InvalidInputException e) {
            FieldError error = e.errors().get(0);
            boolean tooMuch = error.field().equals("amount");
            report(issues, line, error.field(), tooMuch ? Money.format(refund.amountMinor(), currency) : refund.refundedAt().toString(),
                    tooMuch ? IssueCode.REFUND_EXCEEDS_ORDER : IssueCode.INVALID, error.field() + " " + error.message());
        } catch (ConflictException e) {
            report(issues, line, "id", refund.id(), IssueCode.ID_CONFLICT, e.getMessage());
        }
    }

    private void cancel(Connection c, CancellationItem item, Written written, Consumer<Issue> issues, long now) throws SQLException {
        long existing = matcher.existingRefunds(c, item.invoiceId());
        if (existing > 0) {
            written.tally.refundsUnchanged += existing;
            return;
        }
        List<Refund> refunds = new ArrayList<>();
        for (CancellationMatcher.Share share : matcher.shares(c, item)) {
            JsonObject body = new JsonObject()
                    .put("id", item.invoiceId() + ":" + share.orderId())
                    .put("amount", Money.format(share.amountMinor(), currency))
                    .put("refundedAt", item.at().toString());
            List<FieldError> errors = new ArrayList<>();
            Refund refund = json.refund(body, share.orderId(), errors);
            if (!errors.isEmpty()) {
                report(issues, item.lines(), "id", item.invoiceId(), IssueCode.INVALID, "cancellation " + item.invoiceId()
                        + " cannot refund order " + share.orderId() + ": refund " + errors.get(0).field() + " " + errors.get(0).message());
                return;
            }
            refunds.add(refund);
        }
        long refunded = 0;
        for (Refund refund : refunds) {
            count(refund, shop.addRefund(c, refund, now), written);
            refunded += refund.amountMinor();
        }
        long left = item.valueMinor() - refunded;
        String value = Money.format(item.valueMinor(), currency) + " " + currency.getCurrencyCode();
        if (refunds.isEmpty()) {
            report(issues, item.lines(), "id", item.invoiceId(), IssueCode.CANCELLATION_UNMATCHED, "cancellation " + item.invoiceId()
                    + " returns " + value + " but customer " + item.customerId() + " has no earlier order with anything left to"
                    + " refund (their purchase may predate the file); skipped");
        } else if (left > 0) {
            report(issues, new long[] {item.lines()[0]}, "id", item.invoiceId(), IssueCode.CANCELLATION_CAPPED, "cancellation "
                    + item.invoiceId() + " returns " + value + "; only " + Money.format(refunded, currency) + " was left to refund"
                    + " on customer " + item.customerId() + "'s earlier orders, so " + Money.format(left, currency) + " was not refunded");
        }
        written.tally.unmatchedMinor += left;
        if (!refunds.isEmpty()) {
            written.tally.cancellationsRefunded++;
        }
    }

    private static void count(Refund refund, RefundOutcome outcome, Written written) {
        if (outcome.outcome() == OrderOutcome.CREATED) {
            written.tally.refundsCreated++;
            written.refunds.add(new OrderRefunded(refund.id(), refund.orderId(), outcome.customerId(), refund.amountMinor(),
                    outcome.orderAmountMinor(), outcome.refundedBeforeMinor(), refund.refundedAt()));
        } else {
            written.tally.refundsUnchanged++;
        }
    }

    private void report(Consumer<Issue> issues, long[] lines, String field, String value, IssueCode code, String reason) {
        for (long line : lines) {
            issues.accept(new Issue(line, plan.columnOf(field), value, code, reason));
        }
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
