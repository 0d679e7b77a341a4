package dev.patron.bench;

import dev.patron.host.Patron;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.Refund;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.Migrator;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * Import throughput: Patron's bulk write path against a bare sqlite-jdbc batched insert of the
 * same rows into the same tables.
 *
 * <p>Patron's side is the demo loader's batched path: {@link ShopRepository#insertCustomers},
 * {@code insertOrders} and {@code insertRefunds} in one {@link Store#inTransaction} per 5,000
 * customers, exactly as {@link dev.patron.host.demo.DemoLoader} does (the CSV importer has no
 * callable entry point yet). The peer binds precomputed values (the same ids, the same content
 * fingerprints and attribute JSON) with plain JDBC on one connection, auto-commit off, one
 * {@code addBatch} per row, committing after the same chunks. Both sides get the same SQLite
 * settings (WAL, synchronous=NORMAL, foreign keys on, 64 MB cache) and the host's own DDL for
 * customers, orders and refunds, indexes included, so the ratio measures code, not configuration.
 *
 * <p>Only the writes are timed: each chunk is generated (and, for the peer, prepared) before the
 * clock starts. A short warm-up of both paths into scratch files runs first.
 */
final class ImportBench {

    /** The host's own INSERT statements, so the peer writes exactly the columns Patron writes. */
    static final Sql SHOP_SQL = Sql.load("sql/shop.sql");

    /** Customers per transaction, as in DemoLoader. */
    static final int CHUNK = 5_000;
    private static final Pattern OWN_TABLES = Pattern.compile(
            "(?is)\\s*CREATE\\s+(TABLE|INDEX\\s+\\w+\\s+ON)\\s+(customers|orders|refunds)\\b.*");

    private ImportBench() {
    }

    /**
     * Runs the measurement in files under {@code work}; Patron's database is kept as {@code keep}
     * (the shop the later sections use, written without events), the peer's is deleted.
     */
    static void run(Dataset data, Path work, Path keep, Results results) throws Exception {
        int warmup = Math.min(data.customers, 10_000);
        Dataset scratch = new Dataset(warmup, data.seed + 1);
        patronPath(scratch, work.resolve("warmup-patron.db"));
        barePath(scratch, work.resolve("warmup-bare.db"));
        deleteDb(work.resolve("warmup-patron.db"));
        deleteDb(work.resolve("warmup-bare.db"));

        Path patronDb = work.resolve("loader-patron.db");
        Path bareDb = work.resolve("loader-bare.db");
        Timing patron = patronPath(data, patronDb);
        Timing bare = barePath(data, bareDb);
        data.orders = patron.orders;
        data.refunds = patron.refunds;
        String same = sameRows(patronDb, bareDb, QUERIES) ? "both files hold identical customers, orders and refunds (checked)"
                : "THE TWO FILES DIFFER: the comparison is not like for like";
        deleteDb(bareDb);
        deleteDb(keep);
        Files.move(patronDb, keep);
        data.loaded = keep;

        double patronRate = patron.orders / Stats.seconds(patron.nanos);
        double bareRate = bare.orders / Stats.seconds(bare.nanos);
        double ratio = patronRate / bareRate;
        results.measured("import.loader", "bulk insert orders/s: the demo loader's batched path (ShopRepository batches)",
                Stats.rate(patronRate, "orders") + " (" + Stats.duration(Stats.seconds(patron.nanos)) + ")",
                "bare sqlite-jdbc addBatch: " + Stats.rate(bareRate, "orders") + " (" + Stats.duration(Stats.seconds(bare.nanos)) + ")",
                ratio, "", null,
                Stats.count(patron.orders) + " orders with " + Stats.count(data.customers) + " customers and "
                        + Stats.count(patron.refunds) + " refunds, in transactions of " + Stats.count(CHUNK)
                        + " customers; generation untimed; " + same + ".");
    }

    private record Timing(long nanos, long orders, long refunds) {
    }

    private static Timing patronPath(Dataset data, Path db) throws IOException {
        deleteDb(db);
        ShopRepository shop = new ShopRepository();
        try (Store store = Store.open("jdbc:sqlite:" + db.toAbsolutePath())) {
            new Migrator(store).migrate(Patron.class.getClassLoader(), "host");
            long now = System.currentTimeMillis();
            long[] totals = new long[3];
            List<Customer> customers = new ArrayList<>();
            List<Order> orders = new ArrayList<>();
            List<Refund> refunds = new ArrayList<>();
            Map<String, String> customerByOrder = new HashMap<>();
            Runnable flush = () -> {
                long start = System.nanoTime();
                store.inTransaction(c -> {
                    shop.insertCustomers(c, customers, now);
                    shop.insertOrders(c, orders, now);
                    shop.insertRefunds(c, refunds, customerByOrder, now);
                    return null;
                });
                totals[0] += System.nanoTime() - start;
                totals[1] += orders.size();
                totals[2] += refunds.size();
                customers.clear();
                orders.clear();
                refunds.clear();
                customerByOrder.clear();
            };
            data.generator().generate(data.customers, (customer, customerOrders, customerRefunds) -> {
                customers.add(customer);
                orders.addAll(customerOrders);
                refunds.addAll(customerRefunds);
                customerOrders.forEach(o -> customerByOrder.put(o.id(), o.customerId()));
                if (customers.size() == CHUNK) {
                    flush.run();
                }
            });
            if (!customers.isEmpty()) {
                flush.run();
            }
            return new Timing(totals[0], totals[1], totals[2]);
        }
    }

    private static Timing barePath(Dataset data, Path db) throws Exception {
        deleteDb(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), sqliteConfig().toProperties())) {
            try (Statement ddl = c.createStatement()) {
                for (String statement : hostDdl()) {
                    ddl.execute(statement);
                }
            }
            c.setAutoCommit(false);
            long now = System.currentTimeMillis();
            long[] totals = new long[3];
            try (PreparedStatement insertCustomer = c.prepareStatement(SHOP_SQL.get("insertCustomer"));
                 PreparedStatement insertOrder = c.prepareStatement(SHOP_SQL.get("insertOrder"));
                 PreparedStatement insertRefund = c.prepareStatement(SHOP_SQL.get("insertRefund"))) {
                Chunk chunk = new Chunk();
                SqlRunnable flush = () -> {
                    long start = System.nanoTime();
                    for (int i = 0; i < chunk.customers.size(); i++) {
                        Customer customer = chunk.customers.get(i);
                        insertCustomer.setString(1, customer.id());
                        insertCustomer.setString(2, customer.name());
                        insertCustomer.setString(3, customer.email());
                        insertCustomer.setString(4, customer.phone());
                        insertCustomer.setString(5, chunk.attributes.get(i));
                        insertCustomer.setLong(6, now);
                        insertCustomer.setLong(7, now);
                        insertCustomer.addBatch();
                    }
                    insertCustomer.executeBatch();
                    for (int i = 0; i < chunk.orders.size(); i++) {
                        Order order = chunk.orders.get(i);
                        insertOrder.setString(1, order.id());
                        insertOrder.setString(2, order.customerId());
                        insertOrder.setLong(3, chunk.placedAt[i]);
                        insertOrder.setLong(4, order.amountMinor());
                        insertOrder.setString(5, order.currency());
                        insertOrder.setString(6, order.channel());
                        insertOrder.setNull(7, Types.VARCHAR);
                        insertOrder.setString(8, chunk.orderFingerprints.get(i));
                        insertOrder.setLong(9, now);
                        insertOrder.addBatch();
                    }
                    insertOrder.executeBatch();
                    for (int i = 0; i < chunk.refunds.size(); i++) {
                        Refund refund = chunk.refunds.get(i);
                        insertRefund.setString(1, refund.id());
                        insertRefund.setString(2, refund.orderId());
                        insertRefund.setString(3, chunk.refundCustomers.get(i));
                        insertRefund.setLong(4, refund.amountMinor());
                        insertRefund.setLong(5, chunk.refundedAt[i]);
                        insertRefund.setString(6, chunk.refundFingerprints.get(i));
                        insertRefund.setLong(7, now);
                        insertRefund.addBatch();
                    }
                    insertRefund.executeBatch();
                    c.commit();
                    totals[0] += System.nanoTime() - start;
                    totals[1] += chunk.orders.size();
                    totals[2] += chunk.refunds.size();
                    chunk.clear();
                };
                Map<String, String> customerByOrder = new HashMap<>();
                data.generator().generate(data.customers, (customer, orders, refunds) -> {
                    chunk.customers.add(customer);
                    chunk.attributes.add(new JsonObject(new LinkedHashMap<>(customer.attributes())).encode());
                    for (Order order : orders) {
                        chunk.orders.add(order);
                        chunk.orderFingerprints.add(fingerprint(order));
                        customerByOrder.put(order.id(), order.customerId());
                    }
                    for (Refund refund : refunds) {
                        chunk.refunds.add(refund);
                        chunk.refundFingerprints.add(fingerprint(refund));
                        chunk.refundCustomers.add(customerByOrder.get(refund.orderId()));
                    }
                    if (chunk.customers.size() == CHUNK) {
                        chunk.prepare();
                        customerByOrder.clear();
                        flush.runUnchecked();
                    }
                });
                if (!chunk.customers.isEmpty()) {
                    chunk.prepare();
                    flush.runUnchecked();
                }
            }
            return new Timing(totals[0], totals[1], totals[2]);
        }
    }

    /** One chunk of the peer's rows, every value computed before its insert is timed. */
    private static final class Chunk {
        final List<Customer> customers = new ArrayList<>();
        final List<String> attributes = new ArrayList<>();
        final List<Order> orders = new ArrayList<>();
        final List<String> orderFingerprints = new ArrayList<>();
        final List<Refund> refunds = new ArrayList<>();
        final List<String> refundFingerprints = new ArrayList<>();
        final List<String> refundCustomers = new ArrayList<>();
        long[] placedAt = new long[0];
        long[] refundedAt = new long[0];

        void prepare() {
            placedAt = orders.stream().mapToLong(o -> o.placedAt().toEpochMilli()).toArray();
            refundedAt = refunds.stream().mapToLong(r -> r.refundedAt().toEpochMilli()).toArray();
        }

        void clear() {
            customers.clear();
            attributes.clear();
            orders.clear();
            orderFingerprints.clear();
            refunds.clear();
            refundFingerprints.clear();
            refundCustomers.clear();
        }
    }

    @FunctionalInterface
    private interface SqlRunnable {
        void run() throws SQLException;

        default void runUnchecked() {
            try {
                run();
            } catch (SQLException e) {
                throw new IllegalStateException("bare insert failed: " + e.getMessage(), e);
            }
        }
    }

    /** The host's CREATE TABLE and CREATE INDEX statements for customers, orders and refunds. */
    static List<String> hostDdl() throws IOException {
        String sql;
        try (InputStream in = Patron.class.getClassLoader().getResourceAsStream("db/host/V001__initial_schema.sql")) {
            if (in == null) {
                throw new IOException("db/host/V001__initial_schema.sql is not on the classpath (patron-host jar)");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder noComments = new StringBuilder();
        for (String line : sql.split("\n")) {
            int dash = line.indexOf("--");
            noComments.append(dash >= 0 ? line.substring(0, dash) : line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : noComments.toString().split(";")) {
            if (OWN_TABLES.matcher(statement).matches()) {
                statements.add(statement.trim());
            }
        }
        if (statements.stream().filter(s -> s.toUpperCase(Locale.ROOT).startsWith("CREATE TABLE")).count() != 3) {
            throw new IOException("expected CREATE TABLE customers, orders and refunds in V001__initial_schema.sql, found " + statements);
        }
        return statements;
    }

    /** The host's order fingerprint (dev.patron.host.shop.Fingerprint), for the peer's rows. */
    static String fingerprint(Order o) {
        return sha256(o.customerId() + '\u0000' + o.placedAt().toEpochMilli() + '\u0000' + o.amountMinor() + '\u0000'
                + o.currency() + '\u0000' + (o.channel() == null ? "" : o.channel()));
    }

    static String fingerprint(Refund r) {
        return sha256(r.orderId() + '\u0000' + r.amountMinor() + '\u0000' + r.refundedAt().toEpochMilli());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Customers, orders and refunds, every column but the write times. */
    private static final String[] QUERIES = {
        "SELECT id, name, email, phone, attributes FROM customers ORDER BY id",
        "SELECT id, customer_id, placed_at, amount_minor, currency, channel, lines, fingerprint FROM orders ORDER BY id",
        "SELECT id, order_id, customer_id, amount_minor, refunded_at, fingerprint FROM refunds ORDER BY id"};

    /** The settings of the host's Store (WAL, synchronous=NORMAL, foreign keys, 64 MB cache), for the peers. */
    static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-64_000);
        return config;
    }

    /** Whether both files give the same rows for every query. */
    static boolean sameRows(Path a, Path b, String... queries) throws SQLException {
        for (String query : queries) {
            if (!HexFormat.of().formatHex(digest(a, query)).equals(HexFormat.of().formatHex(digest(b, query)))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] digest(Path db, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    String v = rs.getString(i);
                    md.update((v == null ? "\u0001null" : v).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteDb(Path db) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }
}
