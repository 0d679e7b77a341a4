package dev.patron.host.shop;

import dev.patron.host.store.Dialect;
import dev.patron.host.store.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes customers, orders and refunds on a connection the caller got from the store
 * (writes inside the writer's transaction). Enforces the write rules the database cannot: orders
 * are idempotent by id, refunds never exceed what was paid.
 */
public final class ShopRepository {

    private static final Sql SQL = Sql.load("sql/shop.sql");

    /** Creates the customer or replaces its profile; returns true when it was new. */
    public boolean upsertCustomer(Connection c, Customer customer, long nowMillis) throws SQLException {
        boolean exists = customerExists(c, customer.id());
        if (exists) {
            updateCustomers(c, List.of(customer), nowMillis);
        } else {
            insertCustomers(c, List.of(customer), nowMillis);
        }
        return !exists;
    }

    /** Replaces the profiles of stored customers in one batch (their creation time stays). */
    public void updateCustomers(Connection c, Collection<Customer> customers, long nowMillis) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(SQL.get("updateCustomer"))) {
            for (Customer customer : customers) {
                update.setString(1, customer.name());
                update.setString(2, customer.email());
                update.setString(3, customer.phone());
                update.setString(4, attributesJson(customer));
                update.setLong(5, nowMillis);
                update.setString(6, customer.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Inserts new customers in one batch; ids must not exist yet. */
    public void insertCustomers(Connection c, Collection<Customer> customers, long nowMillis) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertCustomer"))) {
            for (Customer customer : customers) {
                insert.setString(1, customer.id());
                insert.setString(2, customer.name());
                insert.setString(3, customer.email());
                insert.setString(4, customer.phone());
                insert.setString(5, attributesJson(customer));
                insert.setLong(6, nowMillis);
                insert.setLong(7, nowMillis);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public boolean customerExists(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("customerExists"))) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Stores a batch of orders all or nothing. An order whose id is stored with the same content
     * is a retry ({@link OrderOutcome#UNCHANGED}); with other content the whole batch is refused.
     *
     * @param path the request path of the orders, e.g. {@code orders} for a batch or "" for one
     * @return each order's outcome, in input order
     * @throws InvalidInputException when an order names an unknown customer
     * @throws ConflictException when an order id is taken by different content
     */
    public List<OrderOutcome> placeOrders(Connection c, List<Order> orders, String path, long nowMillis) throws SQLException {
        List<OrderOutcome> outcomes = new ArrayList<>(orders.size());
        List<Order> toInsert = new ArrayList<>();
        Map<String, String> fingerprintsInBatch = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Map<String, Boolean> knownCustomers = new HashMap<>();
        try (PreparedStatement existing = c.prepareStatement(SQL.get("orderFingerprint"))) {
            for (int i = 0; i < orders.size(); i++) {
                Order order = orders.get(i);
                String at = path.isEmpty() ? "" : path + "[" + i + "].";
                String fingerprint = Fingerprint.of(order);
                String stored = fingerprintsInBatch.get(order.id());
                if (stored == null) {
                    existing.setString(1, order.id());
                    try (ResultSet rs = existing.executeQuery()) {
                        stored = rs.next() ? rs.getString(1) : null;
                    }
                    if (stored == null) {
                        boolean known = knownCustomers.computeIfAbsent(order.customerId(), id -> exists(c, id));
                        if (!known) {
                            errors.add(new FieldError(at + "customerId", "'" + order.customerId()
                                    + "' is not a known customer; create it first with POST /api/v1/customers"));
                        }
                        fingerprintsInBatch.put(order.id(), fingerprint);
                        toInsert.add(order);
                        outcomes.add(OrderOutcome.CREATED);
                        continue;
                    }
                }
                if (stored.equals(fingerprint)) {
                    outcomes.add(OrderOutcome.UNCHANGED);
                } else {
                    conflicts.add(order.id());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException("order id(s) " + String.join(", ", conflicts)
                    + " already exist with different content; order ids are idempotency keys: send a new id for a new order,"
                    + " or a refund to change an old one. Nothing was written.");
        }
        insertOrders(c, toInsert, nowMillis);
        return outcomes;
    }

    /**
     * Compares orders with the stored ones without writing, for bulk writers (imports) that report
     * each conflicting order and go on, where {@link #placeOrders} refuses the whole batch.
     *
     * @return for each order whose id is stored: true when it is stored with the same content (a
     *     retry), false when with other content (a conflict); ids not stored are absent
     */
    public Map<String, Boolean> storedOrders(Connection c, Collection<Order> orders) throws SQLException {
        Map<String, Boolean> stored = new HashMap<>();
        try (PreparedStatement existing = c.prepareStatement(SQL.get("orderFingerprint"))) {
            for (Order order : orders) {
                existing.setString(1, order.id());
                try (ResultSet rs = existing.executeQuery()) {
                    if (rs.next()) {
                        stored.put(order.id(), rs.getString(1).equals(Fingerprint.of(order)));
                    }
                }
            }
        }
        return stored;
    }

    private boolean exists(Connection c, String customerId) {
        try {
            return customerExists(c, customerId);
        } catch (SQLException e) {
            throw new dev.patron.host.store.StoreException("cannot look up customer " + customerId, e);
        }
    }

    /** Inserts new orders in one batch without checks; for trusted generators and after {@link #placeOrders}. */
    public void insertOrders(Connection c, Collection<Order> orders, long nowMillis) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertOrder"))) {
            for (Order order : orders) {
                bindOrder(insert, order, OrderEncoding.of(order), nowMillis);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Inserts the orders whose ids are not stored yet, in one batch, for bulk writers: a taken id
     * inserts nothing ({@code ON CONFLICT DO NOTHING}), and the caller compares those with
     * {@link #storedOrders}. Where the driver counts each row of a batch (SQLite) the counts tell
     * new from taken; elsewhere (PostgreSQL's rewritten batches count none) the stored ids are
     * looked up first, a list at a time, and an id another writer stores in between is caught by
     * the conflict clause.
     *
     * @param encodings each order's {@link OrderEncoding}, computed by the caller (off the writer's thread)
     * @return for each order, in order, whether it was inserted
     */
    public boolean[] insertNewOrders(Connection c, List<Order> orders, List<OrderEncoding> encodings, long nowMillis)
            throws SQLException {
        boolean[] inserted = new boolean[orders.size()];
        Set<String> stored = Dialect.of(c).countsBatchedRows() ? Set.of() : storedOrderIds(c, orders);
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            if (!stored.contains(orders.get(i).id())) {
                fresh.add(i);
            }
        }
        if (fresh.isEmpty()) {
            return inserted;
        }
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertOrderIfNew"))) {
            for (int i : fresh) {
                bindOrder(insert, orders.get(i), encodings.get(i), nowMillis);
                insert.addBatch();
            }
            int[] changed = insert.executeBatch();
            for (int k = 0; k < fresh.size(); k++) {
                // 0: taken (stored before, or since the look-up); SUCCESS_NO_INFO (-2): not counted, and free at the look-up.
                inserted[fresh.get(k)] = changed[k] != 0;
            }
        }
        return inserted;
    }

    private static Set<String> storedOrderIds(Connection c, List<Order> orders) throws SQLException {
        return storedIds(c, "storedOrderIds", orders.stream().map(Order::id).toList());
    }

    /** Which of {@code ids} are stored customers: only their ids, read from the primary key. */
    public Set<String> storedCustomerIds(Connection c, Collection<String> ids) throws SQLException {
        return storedIds(c, "storedCustomerIds", List.copyOf(ids));
    }

    /** The ids of {@code ids} an {@code IN (:ids)} statement returns, a list at a time. */
    private static Set<String> storedIds(Connection c, String statement, List<String> ids) throws SQLException {
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < ids.size(); from += Sql.IDS_PER_STATEMENT) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + Sql.IDS_PER_STATEMENT));
            try (PreparedStatement select = c.prepareStatement(SQL.withIds(statement, part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
            }
        }
        return stored;
    }

    private static void bindOrder(PreparedStatement insert, Order order, OrderEncoding encoding, long nowMillis) throws SQLException {
        insert.setString(1, order.id());
        insert.setString(2, order.customerId());
        insert.setLong(3, order.placedAt().toEpochMilli());
        insert.setLong(4, order.amountMinor());
        insert.setString(5, order.currency());
        insert.setString(6, order.channel());
        if (encoding.linesJson() == null) {
            insert.setNull(7, Types.VARCHAR);
        } else {
            insert.setString(7, encoding.linesJson());
        }
        insert.setString(8, encoding.fingerprint());
        insert.setLong(9, nowMillis);
    }

    /**
     * Stores a refund against its order. The same refund id with the same content is a retry.
     *
     * @return what happened and whose order it was
     *
     * @throws NotFoundException when the order does not exist
     * @throws InvalidInputException when the refund would return more than the order's unrefunded amount
     * @throws ConflictException when the refund id is taken by different content
     */
    public RefundOutcome addRefund(Connection c, Refund refund, long nowMillis) throws SQLException {
        String fingerprint = Fingerprint.of(refund);
        try (PreparedStatement existing = c.prepareStatement(SQL.get("refundFingerprint"))) {
            existing.setString(1, refund.id());
            try (ResultSet rs = existing.executeQuery()) {
                if (rs.next()) {
                    if (rs.getString(1).equals(fingerprint)) {
                        return new RefundOutcome(OrderOutcome.UNCHANGED, rs.getString(3), 0, 0);
                    }
                    throw new ConflictException("refund id " + refund.id() + " already exists (on order " + rs.getString(2)
                            + ") with different content; refund ids are idempotency keys: use a new id for a new refund."
                            + " Nothing was written.");
                }
            }
        }
        String customerId;
        long orderAmount;
        long refundedBefore;
        try (PreparedStatement order = c.prepareStatement(SQL.get("orderForRefund"))) {
            order.setString(1, refund.orderId());
            try (ResultSet rs = order.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("order " + refund.orderId() + " does not exist; refunds are posted to an existing order");
                }
                customerId = rs.getString(1);
                orderAmount = rs.getLong(2);
                refundedBefore = rs.getLong(3);
                if (refund.refundedAt().toEpochMilli() < rs.getLong(4)) {
                    throw new InvalidInputException("refundedAt", "is before order " + refund.orderId() + " was placed ("
                            + java.time.Instant.ofEpochMilli(rs.getLong(4)) + "); a refund follows its order");
                }
            }
        }
        long remaining = orderAmount - refundedBefore;
        if (refund.amountMinor() > remaining) {
            throw new InvalidInputException("amount", "exceeds what is left to refund on order " + refund.orderId()
                    + " (" + remaining + " minor units); refund at most the unrefunded amount");
        }
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertRefund"))) {
            bindRefund(insert, refund, customerId, fingerprint, nowMillis);
            insert.executeUpdate();
        }
        return new RefundOutcome(OrderOutcome.CREATED, customerId, orderAmount, refundedBefore);
    }

    /** Inserts refunds of known orders in one batch without checks; for trusted generators. */
    public void insertRefunds(Connection c, Collection<Refund> refunds, Map<String, String> customerByOrder, long nowMillis)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertRefund"))) {
            for (Refund refund : refunds) {
                bindRefund(insert, refund, customerByOrder.get(refund.orderId()), Fingerprint.of(refund), nowMillis);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bindRefund(PreparedStatement insert, Refund refund, String customerId, String fingerprint,
                                   long nowMillis) throws SQLException {
        insert.setString(1, refund.id());
        insert.setString(2, refund.orderId());
        insert.setString(3, customerId);
        insert.setLong(4, refund.amountMinor());
        insert.setLong(5, refund.refundedAt().toEpochMilli());
        insert.setString(6, fingerprint);
        insert.setLong(7, nowMillis);
    }

    public Optional<Customer> findCustomer(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("findCustomer"))) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(customer(rs)) : Optional.empty();
            }
        }
    }

    /** The stored customers among {@code ids}, by id, in a few queries whatever their number. */
    public Map<String, Customer> findCustomers(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Customer> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += Sql.IDS_PER_STATEMENT) {
            List<String> part = all.subList(from, Math.min(all.size(), from + Sql.IDS_PER_STATEMENT));
            try (PreparedStatement select = c.prepareStatement(SQL.withIds("findCustomers", part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Customer customer = customer(rs);
                        found.put(customer.id(), customer);
                    }
                }
            }
        }
        return found;
    }

    /** The customer on the current row of a {@code findCustomer(s)} result. */
    private static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), new JsonObject(rs.getString(5)).getMap());
    }

    public CustomerStats stats(Connection c, String customerId) throws SQLException {
        long count;
        Instant first = null;
        Instant last = null;
        long gross;
        try (PreparedStatement select = c.prepareStatement(SQL.get("customerStats"))) {
            select.setString(1, customerId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
                if (count > 0) {
                    first = Instant.ofEpochMilli(rs.getLong(2));
                    last = Instant.ofEpochMilli(rs.getLong(3));
                }
                gross = rs.getLong(4);
            }
        }
        try (PreparedStatement select = c.prepareStatement(SQL.get("customerRefundTotal"))) {
            select.setString(1, customerId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new CustomerStats(count, first, last, gross, rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /** The customer's latest orders, newest first. */
    public List<Order> orders(Connection c, String customerId, int limit) throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("customerOrders"))) {
            select.setString(1, customerId);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    orders.add(new Order(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(4),
                            rs.getString(5), rs.getString(6), parseLines(rs.getString(7))));
                }
            }
        }
        return orders;
    }

    /** The customer's latest refunds, newest first. */
    public List<Refund> refunds(Connection c, String customerId, int limit) throws SQLException {
        List<Refund> refunds = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("customerRefunds"))) {
            select.setString(1, customerId);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    refunds.add(new Refund(rs.getString(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        }
        return refunds;
    }

    public Page<CustomerRow> listCustomers(Connection c, CustomerQuery query) throws SQLException {
        long total;
        // The total counts every match, not only those after the cursor.
        CustomerQuery all = new CustomerQuery(query.search(), query.segment(), query.tier(), query.withOpenAlerts(), null,
                query.sort(), query.page(), query.size());
        try (PreparedStatement count = c.prepareStatement(SQL.get("countListedCustomers").replace("%WHERE%", filters(all)))) {
            bindFilters(count, all);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        Dialect dialect = Dialect.of(c);
        long offset = query.after() == null ? (long) (query.page() - 1) * query.size() : 0;
        List<CustomerRow> rows;
        if (query.sort() == CustomerQuery.Sort.CLV && !query.filtered()) {
            rows = byClv(c, offset, query.size());
        } else {
            String sql = SQL.get("listCustomers").replace("%WHERE%", filters(query))
                    .replace("%ORDER%", SQL.get(query.sort().statement(), dialect));
            try (PreparedStatement select = c.prepareStatement(sql)) {
                int next = bindFilters(select, query);
                select.setInt(next, query.size());
                select.setLong(next + 1, offset);
                rows = customerRows(select);
            }
        }
        attachLabels(c, rows);
        return new Page<>(rows, query.page(), query.size(), total);
    }

    /**
     * The whole list by lifetime value: customers with a value from the top of the clv index, then
     * those without one by id, where the page reaches past the last value.
     */
    private static List<CustomerRow> byClv(Connection c, long offset, int size) throws SQLException {
        List<CustomerRow> rows;
        try (PreparedStatement select = c.prepareStatement(SQL.get("customersByClv"))) {
            select.setInt(1, size);
            select.setLong(2, offset);
            rows = customerRows(select);
        }
        if (rows.size() == size) {
            return rows;
        }
        long valued;
        try (PreparedStatement count = c.prepareStatement(SQL.get("countClvValues")); ResultSet rs = count.executeQuery()) {
            rs.next();
            valued = rs.getLong(1);
        }
        try (PreparedStatement select = c.prepareStatement(SQL.get("customersWithoutClv"))) {
            select.setInt(1, size - rows.size());
            select.setLong(2, Math.max(0, offset - valued));
            rows.addAll(customerRows(select));
        }
        return rows;
    }

    private static List<CustomerRow> customerRows(PreparedStatement select) throws SQLException {
        List<CustomerRow> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new CustomerRow(rs.getString(1), rs.getString(2), rs.getString(3), new LinkedHashMap<>()));
            }
        }
        return rows;
    }

    /** The WHERE clause of the filters {@code query} sets, from the fixed customerFilter.* clauses (never user text). */
    private static String filters(CustomerQuery query) {
        List<String> clauses = new ArrayList<>();
        if (query.search() != null) {
            clauses.add(SQL.get("customerFilter.search"));
        }
        if (query.segment() != null) {
            clauses.add(SQL.get("customerFilter.segment"));
        }
        if (query.tier() != null) {
            clauses.add(SQL.get("customerFilter.tier"));
        }
        if (query.withOpenAlerts()) {
            clauses.add(SQL.get("customerFilter.openAlerts"));
        }
        if (query.after() != null) {
            clauses.add(SQL.get("customerFilter.after"));
        }
        return clauses.isEmpty() ? "1 = 1" : String.join("\n  AND ", clauses);
    }

    /** Binds the values of {@link #filters}, in its order; returns the next parameter index. */
    private static int bindFilters(PreparedStatement statement, CustomerQuery query) throws SQLException {
        int i = 1;
        if (query.search() != null) {
            String pattern = "%" + asciiLowerCase(query.search()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            for (int k = 0; k < 3; k++) {
                statement.setString(i++, pattern);
            }
        }
        if (query.segment() != null) {
            statement.setString(i++, query.segment());
        }
        if (query.tier() != null) {
            statement.setString(i++, query.tier());
        }
        if (query.after() != null) {
            statement.setString(i++, query.after());
        }
        return i;
    }

    /** Lower-cases A to Z only, as SQL's LOWER does in both stores, so other letters still match themselves. */
    private static String asciiLowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            lower.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
        }
        return lower.toString();
    }

    /** Loads the label scores of a page of customers in one query. */
    private static void attachLabels(Connection c, List<CustomerRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, CustomerRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        String placeholders = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        String sql = "SELECT customer_id, plugin_id, name, label FROM scores WHERE label IS NOT NULL AND customer_id IN ("
                + placeholders + ") ORDER BY plugin_id, name";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                select.setString(i + 1, rows.get(i).id());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byId.get(rs.getString(1)).labels().put(rs.getString(2) + "." + rs.getString(3), rs.getString(4));
                }
            }
        }
    }

    public long countCustomers(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("countCustomers")); ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Number of orders and their gross total. */
    public long[] orderTotals(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("countOrders")); ResultSet rs = select.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static String attributesJson(Customer customer) {
        return new JsonObject(new LinkedHashMap<>(customer.attributes())).encode();
    }

    static String linesJson(List<OrderLine> lines) {
        JsonArray array = new JsonArray();
        for (OrderLine line : lines) {
            array.add(new JsonObject().put("sku", line.sku()).put("quantity", line.quantity()).put("unitPriceMinor", line.unitPriceMinor()));
        }
        return array.encode();
    }

    private static List<OrderLine> parseLines(String json) {
        if (json == null) {
            return List.of();
        }
        List<OrderLine> lines = new ArrayList<>();
        for (Object o : new JsonArray(json)) {
            JsonObject line = (JsonObject) o;
            lines.add(new OrderLine(line.getString("sku"), line.getLong("quantity"), line.getLong("unitPriceMinor")));
        }
        return lines;
    }
}
