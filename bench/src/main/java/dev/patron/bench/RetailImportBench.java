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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The UCI Online Retail file (541,909 invoice lines) through {@code patron import orders FILE
 * --mapping uci-online-retail}, without plugins, against a bare sqlite-jdbc batched insert of the
 * same rows: each line of the file as one row, parsed beforehand, with the same settings. Both
 * figures are in file lines per second; the heap's peak during the import is reported beside them.
 */
final class RetailImportBench {

    private static final String ID = "import.retail";
    private static final String MEASURE = "import lines/s: UCI Online Retail file, `--mapping uci-online-retail`, no plugins";
    private static final String PEER = "bare sqlite-jdbc addBatch of the file's lines";

    private RetailImportBench() {
    }

    /** One import of the file: its status, duration and the heap's peak during it. */
    private record Run(ImportStatus status, long nanos, long peakHeap, Map<String, Long> stored) {
    }

    static void run(Path file, Path work, int rounds, Results results) throws Exception {
        if (!Files.isRegularFile(file)) {
            results.notMeasured(ID, MEASURE, Results.Status.SKIPPED, "no file " + file + " (pass --retail FILE)", PEER, null);
            return;
        }
        // The import and its peer take turns, `rounds` times each; each reports its median run.
        List<Run> runs = new java.util.ArrayList<>();
        List<Long> bareRuns = new java.util.ArrayList<>();
        // Round 0 warms the JIT up on both sides and is not counted (with one round, there is none).
        int warmups = rounds > 1 ? 1 : 0;
        for (int round = 0; round < rounds + warmups; round++) {
            Run run = importOnce(file, work);
            Path bareDb = work.resolve("retail-bare.db");
            long[] bare = bareInsert(file, bareDb);
            ImportBench.deleteDb(bareDb);
            if (bare[1] != run.status().rowsRead()) {
                throw new IllegalStateException("the peer read " + bare[1] + " lines, the import " + run.status().rowsRead()
                        + ": not like for like");
            }
            if (round >= warmups) {
                runs.add(run);
                bareRuns.add(bare[0]);
            }
        }
        long median = ImporterBench.medianNanos(runs.stream().map(Run::nanos).toList());
        Run run = runs.stream().filter(r -> r.nanos() == median).findFirst().orElseThrow();
        ImportStatus status = run.status();
        long nanos = run.nanos();
        long peakHeap = runs.stream().mapToLong(Run::peakHeap).max().orElseThrow();
        Map<String, Long> stored = run.stored();
        long[] bare = {ImporterBench.medianNanos(bareRuns)};
        String spread = rounds == 1 ? "" : " Median of " + rounds + " alternating runs each, after one untimed pair that"
                + " warms the JIT up; import "
                + ImporterBench.seconds(runs.stream().map(Run::nanos).toList()) + ", peer " + ImporterBench.seconds(bareRuns) + ".";

        long lines = status.rowsRead();
        double patronRate = lines / Stats.seconds(nanos);
        double bareRate = lines / Stats.seconds(bare[0]);
        long heapMax = Runtime.getRuntime().maxMemory();
        results.measured(ID, MEASURE,
                Stats.rate(patronRate, "lines") + " (" + Stats.duration(Stats.seconds(nanos)) + ")",
                PEER + ": " + Stats.rate(bareRate, "lines") + " (" + Stats.duration(Stats.seconds(bare[0])) + ")",
                patronRate / bareRate, "≥ 0.7x", patronRate / bareRate >= 0.7,
                Stats.count(lines) + " lines (" + Stats.size(Files.size(file)) + " gzip) read, validated and grouped into "
                        + Stats.count(stored.get("orders")) + " orders and " + Stats.count(stored.get("refunds")) + " refunds of "
                        + Stats.count(stored.get("customers")) + " customers (cancellations matched to earlier orders); "
                        + Stats.count(status.rowsSkipped()) + " lines skipped as documented in docs/importing.md. The peer inserts"
                        + " every line of the file as one row, its values parsed into memory beforehand, in 5,000-row"
                        + " transactions. Peak heap in use during the import: " + Stats.size(peakHeap) + " of " + Stats.size(heapMax)
                        + " (the file is streamed: memory holds a few chunks and the open invoices)." + spread);
    }

    private static Run importOnce(Path file, Path work) throws Exception {
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
        Map<String, Long> stored = counts(db);
        ImportBench.deleteDb(db);
        return new Run(status, nanos, peakHeap, stored);
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
     * The peer: the file's lines, parsed into memory untimed, inserted one row per line into a
     * table of lines in 5,000-row transactions.
     *
     * @return the insert time in nanoseconds and the number of lines inserted
     */
    private static long[] bareInsert(Path file, Path target) throws Exception {
        List<String[]> lines = new java.util.ArrayList<>();
        try (java.io.Reader in = new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(Files.newInputStream(file)),
                java.nio.charset.StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            int columns = csv.getHeaderNames().size();
            for (CSVRecord record : csv) {
                String[] values = new String[columns];
                for (int i = 0; i < columns && i < record.size(); i++) {
                    values[i] = record.get(i);
                }
                lines.add(values);
            }
        }
        ImportBench.deleteDb(target);
        try (Connection to = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath(), ImportBench.sqliteConfig().toProperties())) {
            int columns = lines.isEmpty() ? 0 : lines.get(0).length;
            StringBuilder ddl = new StringBuilder("CREATE TABLE invoice_lines (");
            StringBuilder insert = new StringBuilder("INSERT INTO invoice_lines VALUES (");
            for (int i = 0; i < columns; i++) {
                ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(" TEXT");
                insert.append(i == 0 ? "?" : ", ?");
            }
            try (Statement statement = to.createStatement()) {
                statement.execute(ddl.append(')').toString());
            }
            to.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement batch = to.prepareStatement(insert.append(')').toString())) {
                for (int i = 0; i < lines.size(); i++) {
                    String[] values = lines.get(i);
                    for (int k = 0; k < columns; k++) {
                        batch.setString(k + 1, values[k]);
                    }
                    batch.addBatch();
                    if ((i + 1) % ImportOptions.DEFAULT_CHUNK_ROWS == 0 || i == lines.size() - 1) {
                        batch.executeBatch();
                        to.commit();
                    }
                }
            }
            return new long[] {System.nanoTime() - start, lines.size()};
        } catch (SQLException e) {
            throw new IllegalStateException("bare insert failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> counts(Path db) throws SQLException {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath()); Statement s = c.createStatement()) {
            for (String table : List.of("customers", "orders", "refunds")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
