package dev.patron.bench;

import dev.patron.host.Patron;
import dev.patron.host.imports.ImportKind;
import dev.patron.host.imports.ImportOptions;
import dev.patron.host.imports.ImportService;
import dev.patron.host.imports.ImportStatus;
import dev.patron.host.plugins.PluginInfo;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.Refund;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Import throughput through the importer ({@code patron import orders FILE}): the synthetic
 * shop's orders written to a CSV file, imported by {@link ImportService} into a Patron opened with
 * every plugin (so each chunk's events reach the plugins in its transaction), against a bare
 * sqlite-jdbc batched insert of the same order rows into the same tables.
 *
 * <p>Only the orders import is timed: customers are imported before it (and refunds after it) on
 * Patron's side, and the customers inserted untimed on the peer's, so both insert orders into
 * tables that hold the same customers. The peer binds values computed beforehand and commits every 5,000 rows, the
 * importer's chunk; Patron's side reads and parses the CSV file, validates every row, checks ids
 * against stored orders (ids are idempotency keys) and delivers events.
 */
final class ImporterBench {

    private ImporterBench() {
    }

    /** The plugins an import runs with: none, loyalty's jar alone, or every jar of the plugins folder. */
    private enum PluginSet { NONE, LOYALTY, ALL }

    /** What one import of the three files took, and any plugin trouble it ran into. */
    private record Timed(long customersNanos, long ordersNanos, long refundsNanos, long ordersPeakHeap, String trouble) {
    }

    /**
     * Imports the same files three times into scratch databases under {@code work} (deleted
     * afterwards): with no plugins (the importer itself, against the bare insert), with the
     * loyalty plugin alone (its earning's cost) and with every plugin.
     */
    static void run(Dataset data, Path work, Path plugins, int rounds, boolean withPlugins, Results results) throws Exception {
        Path customersCsv = work.resolve("import-customers.csv");
        Path ordersCsv = work.resolve("import-orders.csv");
        Path refundsCsv = work.resolve("import-refunds.csv");
        long[] counts = writeCsv(data, customersCsv, ordersCsv, refundsCsv);
        data.orders = counts[1];
        data.refunds = counts[2];

        // The importer and its peer take turns, `rounds` times each, and each reports its median: a
        // single pair of runs on this machine differs by up to a third from the next pair (disk writes).
        Path bareDb = work.resolve("bare-orders.db");
        List<Long> bareRuns = new ArrayList<>();
        List<Timed> noneRuns = new ArrayList<>();
        boolean same = true;
        // Round 0 warms the JIT up on both sides and is not counted (with one round, there is none).
        int warmups = rounds > 1 ? 1 : 0;
        for (int round = 0; round < rounds + warmups; round++) {
            long bare = bareOrders(data, bareDb);
            Path db = work.resolve("import-none.db");
            Timed none = importAll(work, db, pluginsFor(PluginSet.NONE, plugins, work), customersCsv, ordersCsv, refundsCsv, counts);
            same &= sameOrders(db, bareDb);
            ImportBench.deleteDb(db);
            if (round >= warmups) {
                bareRuns.add(bare);
                noneRuns.add(none);
            }
        }
        long bareNanos = medianNanos(bareRuns);
        Map<PluginSet, Timed> timed = new LinkedHashMap<>();
        timed.put(PluginSet.NONE, noneRuns.stream().filter(t -> t.ordersNanos() == medianNanos(noneRuns.stream()
                .map(Timed::ordersNanos).toList())).findFirst().orElseThrow());
        for (PluginSet set : withPlugins ? List.of(PluginSet.LOYALTY, PluginSet.ALL) : List.<PluginSet>of()) {
            Path db = work.resolve("import-" + set.name().toLowerCase(Locale.ROOT) + ".db");
            timed.put(set, importAll(work, db, pluginsFor(set, plugins, work), customersCsv, ordersCsv, refundsCsv, counts));
            same &= sameOrders(db, bareDb);
            ImportBench.deleteDb(db);
        }
        ImportBench.deleteDb(bareDb);
        String spread = rounds == 1 ? "" : " Median of " + rounds + " alternating runs each, after one untimed pair that"
                + " warms the JIT up; importer "
                + seconds(noneRuns.stream().map(Timed::ordersNanos).toList()) + ", peer " + seconds(bareRuns) + ".";

        String file = Stats.count(counts[1]) + " orders from a " + Stats.size(Files.size(ordersCsv)) + " CSV file";
        String checked = (same ? " Every import and the peer hold identical orders (checked)."
                : " THE ORDERS DIFFER between the imports and the peer: not like for like.") + spread;
        Timed none = timed.get(PluginSet.NONE);
        double bareRate = counts[1] / Stats.seconds(bareNanos);
        double noneRate = counts[1] / Stats.seconds(none.ordersNanos());
        results.measured("import.orders", "import orders/s: `patron import orders` (ImportService, CSV file, no plugins)",
                rate(counts[1], none.ordersNanos()),
                "bare sqlite-jdbc addBatch of the same rows: " + rate(counts[1], bareNanos),
                noneRate / bareRate, "≥ 0.7x", noneRate / bareRate >= 0.7,
                file + ", 5,000-row chunk transactions: read, parse, validate, idempotency checks, insert, events (no"
                        + " plugin to receive them). The peer inserts precomputed values (no file, no validation, no idempotency"
                        + " look-ups). Also imported, untimed: " + Stats.count(counts[0]) + " customers in "
                        + Stats.duration(Stats.seconds(none.customersNanos())) + ", " + Stats.count(counts[2]) + " refunds in "
                        + Stats.duration(Stats.seconds(none.refundsNanos())) + ". Peak heap in use during the orders import: "
                        + Stats.size(noneRuns.stream().mapToLong(Timed::ordersPeakHeap).max().orElseThrow()) + " of "
                        + Stats.size(Runtime.getRuntime().maxMemory()) + " (the file is streamed)." + checked + none.trouble());
        if (!withPlugins) {
            String why = "not run at this scale: with plugins the import runs at about 15,000 orders/s, so each plugin set"
                    + " would take " + Stats.duration(counts[1] / 15_000.0) + "; see the 100k run";
            results.notMeasured("import.loyalty", "import orders/s with the loyalty plugin earning points", Results.Status.SKIPPED,
                    why, "the same import without plugins", null);
            results.notMeasured("import.plugins", "import orders/s with every plugin installed", Results.Status.SKIPPED, why,
                    "the same import without plugins", null);
        }
        for (PluginSet set : withPlugins ? List.of(PluginSet.LOYALTY, PluginSet.ALL) : List.<PluginSet>of()) {
            Timed with = timed.get(set);
            double rate = counts[1] / Stats.seconds(with.ordersNanos());
            boolean loyalty = set == PluginSet.LOYALTY;
            results.measured(loyalty ? "import.loyalty" : "import.plugins",
                    "import orders/s with " + (loyalty ? "the loyalty plugin earning points" : "every plugin installed"),
                    rate(counts[1], with.ordersNanos()),
                    "the same import without plugins: " + rate(counts[1], none.ordersNanos()),
                    rate / noneRate, "—", null,
                    file + "; each chunk's events reach " + (loyalty ? "loyalty's handlers" : "every plugin's handlers")
                            + " inside its transaction (earning writes a ledger entry and a lot per order). Refunds: "
                            + Stats.duration(Stats.seconds(with.refundsNanos())) + " (without plugins "
                            + Stats.duration(Stats.seconds(none.refundsNanos())) + ")." + with.trouble());
        }
    }

    private static boolean sameOrders(Path db, Path bareDb) throws java.sql.SQLException {
        return ImportBench.sameRows(db, bareDb,
                "SELECT id, customer_id, placed_at, amount_minor, currency, channel, lines, fingerprint FROM orders ORDER BY id");
    }

    /** The median run (the lower middle one of an even count, so that it is a run that happened). */
    static long medianNanos(List<Long> runs) {
        List<Long> sorted = runs.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The runs in seconds, in the order they ran, e.g. "8.41 s, 8.02 s, 8.90 s". */
    static String seconds(List<Long> runs) {
        return String.join(", ", runs.stream().map(n -> Stats.duration(Stats.seconds(n))).toList());
    }

    private static String rate(long orders, long nanos) {
        return Stats.rate(orders / Stats.seconds(nanos), "orders") + " (" + Stats.duration(Stats.seconds(nanos)) + ")";
    }

    /** A plugins folder for {@code set}: the given folder for ALL, else a folder under {@code work} with copies. */
    private static Path pluginsFor(PluginSet set, Path plugins, Path work) throws IOException {
        if (set == PluginSet.ALL) {
            return plugins;
        }
        Path dir = work.resolve("plugins-" + set.name().toLowerCase(Locale.ROOT));
        Files.createDirectories(dir);
        if (set == PluginSet.LOYALTY) {
            try (var jars = Files.list(plugins)) {
                Path jar = jars.filter(p -> p.getFileName().toString().contains("loyalty") && p.toString().endsWith(".jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no loyalty plugin jar in " + plugins));
                Files.copy(jar, dir.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    private static Timed importAll(Path work, Path db, Path plugins, Path customersCsv, Path ordersCsv, Path refundsCsv,
                                   long[] counts) throws Exception {
        ImportBench.deleteDb(db);
        try (Patron patron = Patron.open(Dataset.config(work, db, plugins), Clock.systemUTC())) {
            ImportService imports = ImportService.of(patron);
            long customers = importFile(imports, ImportKind.CUSTOMERS, customersCsv, counts[0]);
            System.gc();
            RetailImportBench.resetHeapPeaks();
            long orders = importFile(imports, ImportKind.ORDERS, ordersCsv, counts[1]);
            long peakHeap = RetailImportBench.heapPeak();
            long refunds = importFile(imports, ImportKind.REFUNDS, refundsCsv, counts[2]);
            return new Timed(customers, orders, refunds, peakHeap, pluginTrouble(patron));
        }
    }

    /** Plugins that failed during the import and the events left in their backlogs, as a sentence ("" if none). */
    private static String pluginTrouble(Patron patron) {
        StringBuilder trouble = new StringBuilder();
        for (PluginInfo plugin : patron.plugins().list()) {
            if (plugin.error() != null && !plugin.error().isBlank()) {
                trouble.append(" Plugin ").append(plugin.id()).append(" was ").append(plugin.state().toLowerCase(Locale.ROOT))
                        .append(" at the end of the import: ").append(plugin.error()).append('.');
            }
        }
        Map<String, Long> backlog = patron.store().read(c -> {
            Map<String, Long> counts = new TreeMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT plugin_id, COUNT(*) FROM plugin_event_backlog GROUP BY plugin_id")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
        backlog.forEach((plugin, events) -> trouble.append(" ").append(Stats.count(events)).append(" events were left in ")
                .append(plugin).append("'s backlog, to be replayed when it starts again."));
        return trouble.toString();
    }

    private static long importFile(ImportService imports, ImportKind kind, Path file, long expected) throws IOException {
        String id = imports.newId();
        imports.submit(id, file, ImportOptions.of(kind, file.getFileName().toString()), "bench", false);
        long start = System.nanoTime();
        ImportStatus status = imports.run(id, (rows, bytes, total) -> { });
        long nanos = System.nanoTime() - start;
        if (!"succeeded".equals(status.status()) || status.rowsRejected() > 0 || status.rowsRead() != expected) {
            throw new IllegalStateException("importing " + kind.json() + " from " + file + " ended " + status.status() + " after "
                    + status.rowsRead() + " of " + expected + " rows: " + status.error() + "; rejected " + status.rejected()
                    + "; first issues " + status.firstIssues());
        }
        return nanos;
    }

    /** Writes the shop as three CSV files; returns the numbers of customers, orders and refunds. */
    static long[] writeCsv(Dataset data, Path customers, Path orders, Path refunds) throws IOException {
        long[] counts = new long[3];
        List<String> attributes = List.of("budget", "role", "decisionMaker", "need", "inquiredAt");
        try (BufferedWriter c = Files.newBufferedWriter(customers, StandardCharsets.UTF_8);
             BufferedWriter o = Files.newBufferedWriter(orders, StandardCharsets.UTF_8);
             BufferedWriter r = Files.newBufferedWriter(refunds, StandardCharsets.UTF_8)) {
            c.write("id,name,email,phone," + String.join(",", attributes) + "\n");
            o.write("id,customerId,placedAt,amount,currency,channel\n");
            r.write("id,orderId,amount,refundedAt\n");
            data.generator().generate(data.customers, (customer, customerOrders, customerRefunds) -> {
                try {
                    StringBuilder line = new StringBuilder();
                    line.append(csv(customer.id())).append(',').append(csv(customer.name())).append(',').append(csv(customer.email()))
                            .append(',').append(csv(customer.phone()));
                    for (String key : attributes) {
                        Object value = customer.attributes().get(key);
                        line.append(',').append(value == null ? "" : csv(String.valueOf(value)));
                    }
                    c.write(line.append('\n').toString());
                    counts[0]++;
                    for (Order order : customerOrders) {
                        o.write(order.id() + ',' + order.customerId() + ',' + order.placedAt() + ',' + money(order.amountMinor()) + ','
                                + order.currency() + ',' + csv(order.channel()) + '\n');
                        counts[1]++;
                    }
                    for (Refund refund : customerRefunds) {
                        r.write(refund.id() + ',' + refund.orderId() + ',' + money(refund.amountMinor()) + ',' + refund.refundedAt() + '\n');
                        counts[2]++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return counts;
    }

    /** The peer: the customers inserted untimed, then the orders timed, committing every 5,000 rows. */
    private static long bareOrders(Dataset data, Path db) throws Exception {
        ImportBench.deleteDb(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), ImportBench.sqliteConfig().toProperties())) {
            try (Statement ddl = c.createStatement()) {
                for (String statement : ImportBench.hostDdl()) {
                    ddl.execute(statement);
                }
            }
            c.setAutoCommit(false);
            long now = System.currentTimeMillis();
            List<Order> orders = new ArrayList<>();
            try (PreparedStatement insertCustomer = c.prepareStatement(ImportBench.SHOP_SQL.get("insertCustomer"))) {
                List<Customer> customers = new ArrayList<>();
                data.generator().generate(data.customers, (customer, customerOrders, customerRefunds) -> {
                    customers.add(customer);
                    orders.addAll(customerOrders);
                });
                for (Customer customer : customers) {
                    insertCustomer.setString(1, customer.id());
                    insertCustomer.setString(2, customer.name());
                    insertCustomer.setString(3, customer.email());
                    insertCustomer.setString(4, customer.phone());
                    insertCustomer.setString(5, new JsonObject(new LinkedHashMap<>(customer.attributes())).encode());
                    insertCustomer.setLong(6, now);
                    insertCustomer.setLong(7, now);
                    insertCustomer.addBatch();
                }
                insertCustomer.executeBatch();
                c.commit();
            }
            int n = orders.size();
            String[] fingerprints = new String[n];
            long[] placedAt = new long[n];
            for (int i = 0; i < n; i++) {
                fingerprints[i] = ImportBench.fingerprint(orders.get(i));
                placedAt[i] = orders.get(i).placedAt().toEpochMilli();
            }
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement(ImportBench.SHOP_SQL.get("insertOrder"))) {
                for (int i = 0; i < n; i++) {
                    Order order = orders.get(i);
                    insert.setString(1, order.id());
                    insert.setString(2, order.customerId());
                    insert.setLong(3, placedAt[i]);
                    insert.setLong(4, order.amountMinor());
                    insert.setString(5, order.currency());
                    insert.setString(6, order.channel());
                    insert.setNull(7, Types.VARCHAR);
                    insert.setString(8, fingerprints[i]);
                    insert.setLong(9, now);
                    insert.addBatch();
                    if ((i + 1) % ImportOptions.DEFAULT_CHUNK_ROWS == 0 || i == n - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw new IllegalStateException("bare insert failed: " + e.getMessage(), e);
        }
    }

    private static String money(long minor) {
        return String.format(Locale.ROOT, "%d.%02d", minor / 100, minor % 100);
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
