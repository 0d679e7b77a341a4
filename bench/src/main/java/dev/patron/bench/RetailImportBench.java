package dev.patron.bench;

import dev.patron.host.Patron;
import dev.patron.host.config.ConfigKey;
import dev.patron.host.config.ConfigLoader;
import dev.patron.host.imports.ImportKind;
import dev.patron.host.imports.ImportOptions;
import dev.patron.host.imports.ImportService;
import dev.patron.host.imports.ImportStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The UCI Online Retail file (541,909 invoice lines) through {@code patron import orders FILE
 * --mapping uci-online-retail}, without plugins, against a bare sqlite-jdbc batched insert of the
 * rows that import stored (its customers, orders and refunds, read back after the import), into
 * the same tables with the same settings. Both figures are in file lines per second; the heap's
 * peak during the import is reported beside them.
 */
final class RetailImportBench {

    private static final String ID = "import.retail";
    private static final String MEASURE = "import lines/s: UCI Online Retail file, `--mapping uci-online-retail`, no plugins";
    private static final String PEER = "bare sqlite-jdbc addBatch of the stored rows";

    private RetailImportBench() {
    }

    static void run(Path file, Path work, Results results) throws Exception {
        if (!Files.isRegularFile(file)) {
            results.notMeasured(ID, MEASURE, Results.Status.SKIPPED, "no file " + file + " (pass --retail FILE)", PEER, null);
            return;
        }
        Path db = work.resolve("retail-patron.db");
        Path plugins = Files.createDirectories(work.resolve("plugins-none"));
        ImportBench.deleteDb(db);
        ImportStatus status;
        long nanos;
        long peakHeap;
        try (Patron patron = Patron.open(config(work, db, plugins), Clock.systemUTC())) {
            ImportService imports = ImportService.of(patron);
            String id = imports.newId();
            imports.submit(id, file, ImportOptions.of(ImportKind.ORDERS, file.getFileName().toString()).withMapping("uci-online-retail"),
                    "bench", false);
            System.gc();
            resetHeapPeaks();
            long start = System.nanoTime();
            status = imports.run(id, (rows, bytes, total) -> { });
            nanos = System.nanoTime() - start;
            peakHeap = heapPeak();
        }
        if (!"succeeded".equals(status.status())) {
            throw new IllegalStateException("importing " + file + " ended " + status.status() + ": " + status.error());
        }
        Path bareDb = work.resolve("retail-bare.db");
        long[] bare = bareInsert(db, bareDb);
        boolean same = ImportBench.sameRows(db, bareDb,
                "SELECT id, customer_id, placed_at, amount_minor, currency, channel, lines, fingerprint FROM orders ORDER BY id",
                "SELECT id, order_id, customer_id, amount_minor, refunded_at, fingerprint FROM refunds ORDER BY id");
        ImportBench.deleteDb(bareDb);
        ImportBench.deleteDb(db);

        long lines = status.rowsRead();
        double patronRate = lines / Stats.seconds(nanos);
        double bareRate = lines / Stats.seconds(bare[0]);
        long heapMax = Runtime.getRuntime().maxMemory();
        results.measured(ID, MEASURE,
                Stats.rate(patronRate, "lines") + " (" + Stats.duration(Stats.seconds(nanos)) + ")",
                PEER + ": " + Stats.rate(bareRate, "lines") + " (" + Stats.duration(Stats.seconds(bare[0])) + ")",
                patronRate / bareRate, "≥ 0.7x", patronRate / bareRate >= 0.7,
                Stats.count(lines) + " lines (" + Stats.size(Files.size(file)) + " gzip) grouped into " + Stats.count(bare[1])
                        + " orders and " + Stats.count(bare[2]) + " refunds of " + Stats.count(bare[3]) + " customers; "
                        + Stats.count(status.rowsSkipped()) + " lines skipped as documented in docs/importing.md. The peer inserts the"
                        + " stored customers, orders and refunds (fingerprints included, read back untimed) in 5,000-row"
                        + " transactions; it does not read the file. Peak heap in use during the import: " + Stats.size(peakHeap)
                        + " of " + Stats.size(heapMax) + " (the file is streamed; memory holds a few chunks and the open invoices). "
                        + (same ? "Both databases hold identical orders and refunds (checked)." : "THE ROWS DIFFER: not like for like."));
    }

    private static dev.patron.host.config.PatronConfig config(Path home, Path db, Path plugins) {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.put(ConfigKey.DB_URL, "jdbc:sqlite:" + db.toAbsolutePath());
        overrides.put(ConfigKey.PLUGINS_DIR, plugins.toAbsolutePath().toString());
        overrides.put(ConfigKey.HTTP_HOST, "127.0.0.1");
        overrides.put(ConfigKey.HTTP_PORT, "0");
        overrides.put(ConfigKey.SHOP_CURRENCY, "GBP");
        overrides.put(ConfigKey.SHOP_TIMEZONE, "Europe/London");
        return new ConfigLoader(home, Map.of()).load(null, overrides);
    }

    /**
     * Copies the stored rows into {@code target} the bare way, timing only the inserts.
     *
     * @return the insert time in nanoseconds and the numbers of orders, refunds and customers
     */
    private static long[] bareInsert(Path source, Path target) throws Exception {
        ImportBench.deleteDb(target);
        try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
             Connection to = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath(),
                     ImportBench.sqliteConfig().toProperties())) {
            try (Statement ddl = to.createStatement()) {
                for (String statement : ImportBench.hostDdl()) {
                    ddl.execute(statement);
                }
            }
            to.setAutoCommit(false);
            List<Object[]> customers = rows(from, "SELECT id, name, email, phone, attributes, created_at, updated_at FROM customers ORDER BY rowid");
            List<Object[]> orders = rows(from, "SELECT id, customer_id, placed_at, amount_minor, currency, channel, lines, fingerprint,"
                    + " received_at FROM orders ORDER BY rowid");
            List<Object[]> refunds = rows(from, "SELECT id, order_id, customer_id, amount_minor, refunded_at, fingerprint, received_at"
                    + " FROM refunds ORDER BY rowid");
            long start = System.nanoTime();
            insert(to, "INSERT INTO customers (id, name, email, phone, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    customers);
            insert(to, "INSERT INTO orders (id, customer_id, placed_at, amount_minor, currency, channel, lines, fingerprint, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", orders);
            insert(to, "INSERT INTO refunds (id, order_id, customer_id, amount_minor, refunded_at, fingerprint, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", refunds);
            return new long[] {System.nanoTime() - start, orders.size(), refunds.size(), customers.size()};
        } catch (SQLException e) {
            throw new IllegalStateException("bare insert failed: " + e.getMessage(), e);
        }
    }

    private static List<Object[]> rows(Connection c, String sql) throws SQLException {
        List<Object[]> rows = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void insert(Connection c, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                for (int k = 0; k < row.length; k++) {
                    insert.setObject(k + 1, row[k]);
                }
                insert.addBatch();
                if ((i + 1) % ImportOptions.DEFAULT_CHUNK_ROWS == 0 || i == rows.size() - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
