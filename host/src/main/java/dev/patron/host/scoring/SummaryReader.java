package dev.patron.host.scoring;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.host.store.Dialect;
import dev.patron.host.store.Sql;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Builds customer summaries. A full run makes ONE streaming pass. On SQLite, three cursors
 * (customers, orders, refunds), each sorted by customer id through an index, merged like a
 * zipper, so the cost is one sequential read of each table and no per-customer query. On
 * PostgreSQL the database groups the orders and refunds per customer itself and sends one row
 * per customer (see {@link #readGrouped}): a server does that in parallel and far from this JVM,
 * and saves a network round of work per order. Orders and refunds after the end of the as-of day
 * (shop zone) are left out, so a run can score as of a past date.
 *
 * <p>Customer ids are ASCII by validation and the PostgreSQL store insists on C collation, so
 * Java's and the databases' orderings agree.
 */
public final class SummaryReader {

    private static final Sql SQL = Sql.load("sql/scoring.sql");
    private static final int FETCH_SIZE = 10_000;

    private final ZoneId zone;

    public SummaryReader(ZoneId zone) {
        this.zone = zone;
    }

    /** Epoch millis of the first instant after the as-of day. */
    long cutoffMillis(LocalDate asOf) {
        return asOf.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /**
     * Reads every customer, the way that is fastest on the connection's database. {@code progress}
     * receives the number of customers read so far, every 10,000 customers and at the end.
     */
    public List<CustomerSummary> readAll(Connection c, LocalDate asOf, LongConsumer progress) throws SQLException {
        return Dialect.of(c) == Dialect.POSTGRESQL ? readGrouped(c, asOf, progress) : readMerged(c, asOf, progress);
    }

    /**
     * Reads every customer from one query that groups orders and refunds per customer in the
     * database ({@code groupedSummaries}); runs on PostgreSQL and on SQLite 3.44 or later.
     */
    public List<CustomerSummary> readGrouped(Connection c, LocalDate asOf, LongConsumer progress) throws SQLException {
        long cutoff = cutoffMillis(asOf);
        List<CustomerSummary> result = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("groupedSummaries"))) {
            select.setFetchSize(FETCH_SIZE);
            select.setLong(1, cutoff);
            select.setLong(2, cutoff);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    CustomerSummary.Builder builder = CustomerSummary.builder(rs.getString(1), asOf, zone)
                            .attributes(attributes(rs.getString(2)));
                    PairList orders = PairList.parse(rs.getString(3));
                    for (int i = 0; i < orders.size; i++) {
                        builder.order(orders.times[i] / 1000, orders.amounts[i]);
                    }
                    PairList refunds = PairList.parse(rs.getString(4));
                    for (int i = 0; i < refunds.size; i++) {
                        builder.refund(refunds.times[i] / 1000, refunds.amounts[i]);
                    }
                    result.add(builder.build());
                    if (result.size() % 10_000 == 0) {
                        progress.accept(result.size());
                    }
                }
            }
        }
        progress.accept(result.size());
        return result;
    }

    /** Reads every customer by merging three cursors sorted by customer id (the SQLite path). */
    public List<CustomerSummary> readMerged(Connection c, LocalDate asOf, LongConsumer progress) throws SQLException {
        long cutoff = cutoffMillis(asOf);
        List<CustomerSummary> result = new ArrayList<>();
        try (PreparedStatement customers = c.prepareStatement(SQL.get("streamCustomers"));
             PreparedStatement orders = c.prepareStatement(SQL.get("streamOrders"));
             PreparedStatement refunds = c.prepareStatement(SQL.get("streamRefunds"))) {
            customers.setFetchSize(FETCH_SIZE);
            orders.setFetchSize(FETCH_SIZE);
            refunds.setFetchSize(FETCH_SIZE);
            orders.setLong(1, cutoff);
            refunds.setLong(1, cutoff);
            try (ResultSet cs = customers.executeQuery(); ResultSet os = orders.executeQuery(); ResultSet rs = refunds.executeQuery()) {
                Cursor orderCursor = new Cursor(os);
                Cursor refundCursor = new Cursor(rs);
                while (cs.next()) {
                    String id = cs.getString(1);
                    CustomerSummary.Builder builder = CustomerSummary.builder(id, asOf, zone).attributes(attributes(cs.getString(2)));
                    orderCursor.skipBefore(id);
                    while (orderCursor.at(id)) {
                        builder.order(orderCursor.time / 1000, orderCursor.amount);
                        orderCursor.advance();
                    }
                    refundCursor.skipBefore(id);
                    while (refundCursor.at(id)) {
                        builder.refund(refundCursor.time / 1000, refundCursor.amount);
                        refundCursor.advance();
                    }
                    result.add(builder.build());
                    if (result.size() % 10_000 == 0) {
                        progress.accept(result.size());
                    }
                }
            }
        }
        progress.accept(result.size());
        return result;
    }

    /** Reads one customer's summary with three point queries; for re-scoring after an order. */
    public CustomerSummary readOne(Connection c, String customerId, LocalDate asOf) throws SQLException {
        long cutoff = cutoffMillis(asOf);
        CustomerSummary.Builder builder = CustomerSummary.builder(customerId, asOf, zone);
        try (PreparedStatement select = c.prepareStatement(SQL.get("customerAttributes"))) {
            select.setString(1, customerId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                builder.attributes(attributes(rs.getString(1)));
            }
        }
        try (PreparedStatement select = c.prepareStatement(SQL.get("customerOrders"))) {
            select.setString(1, customerId);
            select.setLong(2, cutoff);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    builder.order(rs.getLong(1) / 1000, rs.getLong(2));
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement(SQL.get("customerRefunds"))) {
            select.setString(1, customerId);
            select.setLong(2, cutoff);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    builder.refund(rs.getLong(1) / 1000, rs.getLong(2));
                }
            }
        }
        return builder.build();
    }

    /** Attribute values as text: JSON numbers and booleans keep their literal spelling. */
    static Map<String, String> attributes(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        Map<String, String> result = new java.util.LinkedHashMap<>();
        new JsonObject(json).forEach(e -> {
            if (e.getValue() != null) {
                result.put(e.getKey(), String.valueOf(e.getValue()));
            }
        });
        return result;
    }

    /**
     * A customer's "time:amount,time:amount" list from the grouped pass, parsed without splitting
     * it into strings and put in (time, amount) order, as the merged cursors deliver it.
     */
    private static final class PairList {
        private static final PairList EMPTY = new PairList(new long[0], new long[0], 0);

        final long[] times;
        final long[] amounts;
        final int size;

        private PairList(long[] times, long[] amounts, int size) {
            this.times = times;
            this.amounts = amounts;
            this.size = size;
        }

        static PairList parse(String text) {
            if (text == null || text.isEmpty()) {
                return EMPTY;
            }
            int pairs = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == ',') {
                    pairs++;
                }
            }
            long[] times = new long[pairs];
            long[] amounts = new long[pairs];
            int[] position = {0};
            for (int pair = 0; pair < pairs; pair++) {
                times[pair] = number(text, position);
                amounts[pair] = number(text, position);
            }
            PairList list = new PairList(times, amounts, pairs);
            return list.ordered() ? list : list.sorted();
        }

        /** The whole number at {@code position[0]}, moving it past the number's ':' or ',' separator. */
        private static long number(String text, int[] position) {
            int at = position[0];
            boolean negative = text.charAt(at) == '-';
            if (negative) {
                at++;
            }
            long value = 0;
            while (at < text.length()) {
                char ch = text.charAt(at++);
                if (ch == ':' || ch == ',') {
                    break;
                }
                value = value * 10 + (ch - '0');
            }
            position[0] = at;
            return negative ? -value : value;
        }

        private boolean ordered() {
            for (int i = 1; i < size; i++) {
                if (compare(i - 1, i) > 0) {
                    return false;
                }
            }
            return true;
        }

        private int compare(int a, int b) {
            int byTime = Long.compare(times[a], times[b]);
            return byTime != 0 ? byTime : Long.compare(amounts[a], amounts[b]);
        }

        private PairList sorted() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, this::compare);
            long[] t = new long[size];
            long[] a = new long[size];
            for (int i = 0; i < size; i++) {
                t[i] = times[order[i]];
                a[i] = amounts[order[i]];
            }
            return new PairList(t, a, size);
        }
    }

    /** A forward-only position in a (customer_id, time, amount) stream. */
    private static final class Cursor {
        private final ResultSet rs;
        private String customer;
        private long time;
        private long amount;

        Cursor(ResultSet rs) throws SQLException {
            this.rs = rs;
            advance();
        }

        void advance() throws SQLException {
            if (rs.next()) {
                customer = rs.getString(1);
                time = rs.getLong(2);
                amount = rs.getLong(3);
            } else {
                customer = null;
            }
        }

        /** Skips rows of customers ordered before {@code id} (rows whose customer row is missing). */
        void skipBefore(String id) throws SQLException {
            while (customer != null && customer.compareTo(id) < 0) {
                advance();
            }
        }

        boolean at(String id) {
            return id.equals(customer);
        }
    }
}
