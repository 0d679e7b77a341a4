package dev.patron.bench;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Scorer;
import dev.patron.host.Patron;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.scoring.RunRequest;
import dev.patron.host.scoring.RunStatus;
import dev.patron.host.scoring.ScoringProgress;
import dev.patron.host.scoring.SummaryPopulation;
import dev.patron.host.scoring.SummaryReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Full scoring runs (every started scorer, and RFM alone) against two peers over the same data:
 * DuckDB computing the same R, F and M quintile scores in SQL, and one bare SQLite aggregate pass
 * over the orders streamed to Java. A check that DuckDB's scores equal Patron's proves the peer
 * does the same work.
 */
final class ScoringBench {

    private ScoringBench() {
    }

    /** One timed scoring run and where its time went. */
    record Run(long nanos, long readNanos, long fitNanos, long scoreNanos, RunStatus status) {

        String phases() {
            return "read " + Stats.duration(Stats.seconds(readNanos)) + ", fit " + Stats.duration(Stats.seconds(fitNanos))
                    + ", score, write and finish (stale scores, run listeners) " + Stats.duration(Stats.seconds(scoreNanos));
        }
    }

    static void run(Patron patron, Dataset data, Path patronDb, int repeats, Results results) throws Exception {
        LocalDate asOf = data.asOf();
        List<String> scorers = new ArrayList<>(new TreeSet<>(patron.plugins().extensions(Scorer.class).stream()
                .map(PluginExtension::pluginId).toList()));
        boolean rfm = scorers.contains("rfm");
        System.out.println("scoring: warm-up run (untimed); plugins with scorers: " + scorers);
        timedRun(patron, new RunRequest(asOf, rfm ? List.of("rfm") : List.of(), "bench"));

        Run all = timedRun(patron, new RunRequest(asOf, List.of(), "bench"));
        List<Run> rfmRuns = new ArrayList<>();
        Map<String, Integer> patronCodes = Map.of();
        if (rfm) {
            for (int i = 0; i < repeats; i++) {
                rfmRuns.add(timedRun(patron, new RunRequest(asOf, List.of("rfm"), "bench")));
            }
            patronCodes = patronRfmCodes(patronDb);
        }
        double[] compute = rfm ? computeOnly(patron, asOf, repeats) : null;

        System.out.println("scoring: loading the orders into DuckDB (untimed)");
        DuckPeer duck = new DuckPeer(patronDb);
        long duckLoad = duck.load();
        duck.query(asOf); // warm-up
        List<Double> duckTimes = new ArrayList<>();
        Map<String, Integer> duckCodes = null;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            duckCodes = duck.query(asOf);
            duckTimes.add(Stats.seconds(System.nanoTime() - start));
        }
        String duckVersion = duck.version();
        duck.close();
        double duckSeconds = Stats.median(duckTimes);

        sqliteAggregate(patronDb); // warm-up
        List<Double> sqliteTimes = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            sqliteAggregate(patronDb);
            sqliteTimes.add(Stats.seconds(System.nanoTime() - start));
        }
        double sqliteSeconds = Stats.median(sqliteTimes);

        String duckPeerName = "DuckDB " + duckVersion + ", same R/F/M quintiles in SQL: " + Stats.duration(duckSeconds);
        String sqlitePeer = "bare SQLite GROUP BY pass streamed to Java: " + Stats.duration(sqliteSeconds);
        String runs = repeats == 1 ? "one run" : "median of " + repeats + " runs";

        if (all.status().status().equals("succeeded")) {
            double s = Stats.seconds(all.nanos());
            String note = "plugins " + scorers + "; " + all.phases() + errors(all.status()) + "; after one untimed warm-up run."
                    + " DuckDB (" + Runtime.getRuntime().availableProcessors() + " threads, in memory) was loaded untimed in "
                    + Stats.duration(Stats.seconds(duckLoad)) + "; peers: " + runs + " after a warm-up.";
            results.measured("scoring.all.duckdb", "full scoring run, all plugins (" + String.join(", ", scorers) + ")",
                    Stats.duration(s), duckPeerName, s / duckSeconds, "", null, note);
            results.measured("scoring.all.sqlite", "full scoring run, all plugins", Stats.duration(s), sqlitePeer,
                    s / sqliteSeconds, "", null, null);
        } else {
            results.notMeasured("scoring.all.duckdb", "full scoring run, all plugins", Results.Status.FAILED,
                    String.valueOf(all.status().error()), duckPeerName, null);
            results.notMeasured("scoring.all.sqlite", "full scoring run, all plugins", Results.Status.FAILED,
                    String.valueOf(all.status().error()), sqlitePeer, null);
        }

        if (!rfm) {
            results.notMeasured("scoring.rfm.duckdb", "RFM-only scoring run", Results.Status.SKIPPED,
                    "no rfm plugin in the plugins folder", duckPeerName, null);
            results.notMeasured("scoring.rfm.sqlite", "RFM-only scoring run", Results.Status.SKIPPED,
                    "no rfm plugin in the plugins folder", sqlitePeer, null);
            return;
        }
        Run median = rfmRuns.stream().sorted(java.util.Comparator.comparingLong(Run::nanos)).toList().get((rfmRuns.size() - 1) / 2);
        double s = Stats.median(rfmRuns.stream().map(r -> Stats.seconds(r.nanos())).toList());
        int agree = 0;
        for (Map.Entry<String, Integer> e : duckCodes.entrySet()) {
            if (e.getValue().equals(patronCodes.get(e.getKey()))) {
                agree++;
            }
        }
        String agreement = agree == duckCodes.size() && agree == patronCodes.size()
                ? "DuckDB's R, F and M scores equal Patron's for all " + Stats.count(agree) + " buyers"
                : "DuckDB's R, F and M scores equal Patron's for only " + Stats.count(agree) + " of " + Stats.count(duckCodes.size())
                        + " buyers (Patron scored " + Stats.count(patronCodes.size()) + "): the peer does not do the same work";
        results.measured("scoring.rfm.duckdb", "RFM-only scoring run (RunRequest plugins=[rfm])", Stats.duration(s),
                duckPeerName, s / duckSeconds, "≤ 1.5x", s / duckSeconds <= 1.5,
                runs + "; median run: " + median.phases() + errors(median.status()) + "; " + agreement
                        + ". Patron also writes six scores and a history row per buyer; DuckDB only returns three numbers."
                        + String.format(Locale.ROOT, " The same work without writing (host summary pass %s + RFM fit %s + score"
                                + " every buyer %s, in process) takes %s = %s DuckDB.", Stats.duration(compute[0]),
                                Stats.duration(compute[1]), Stats.duration(compute[2]), Stats.duration(compute[3]),
                                Stats.ratio(compute[3] / duckSeconds)));
        results.measured("scoring.rfm.sqlite", "RFM-only scoring run", Stats.duration(s), sqlitePeer, s / sqliteSeconds, "", null, null);
    }

    private static String errors(RunStatus status) {
        return status.pluginErrors() == null || status.pluginErrors().isEmpty() ? "" : "; plugin errors: " + status.pluginErrors();
    }

    /** Runs to the end on this thread, timing the phases from the progress callbacks. */
    static Run timedRun(Patron patron, RunRequest request) {
        long[] marks = new long[3];
        ScoringProgress progress = new ScoringProgress() {
            @Override
            public void phase(String phase, long total) {
                switch (phase) {
                    case "reading" -> marks[0] = System.nanoTime();
                    case "fitting" -> marks[1] = System.nanoTime();
                    case "scoring" -> marks[2] = System.nanoTime();
                    default -> { }
                }
            }

            @Override
            public void advanced(long done) {
            }
        };
        long start = System.nanoTime();
        RunStatus status = patron.engine().run(request, progress);
        long end = System.nanoTime();
        if (marks[1] == 0) {
            marks[1] = end;
        }
        if (marks[2] == 0) {
            marks[2] = end;
        }
        return new Run(end - start, marks[1] - start, marks[2] - marks[1], end - marks[2], status);
    }

    /**
     * The run's work minus its writes, timed piece by piece with the host's own classes: the
     * summary pass ({@link SummaryReader}), the RFM fit, and scoring every customer.
     *
     * @return median seconds of read, fit, score and their sum
     */
    static double[] computeOnly(Patron patron, LocalDate asOf, int repeats) {
        PluginExtension<Scorer> rfm = patron.plugins().extensions(Scorer.class).stream()
                .filter(s -> s.pluginId().equals("rfm")).findFirst().orElseThrow();
        SummaryReader reader = new SummaryReader(Dataset.ZONE);
        List<Double> read = new ArrayList<>();
        List<Double> fit = new ArrayList<>();
        List<Double> score = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int i = 0; i <= repeats; i++) { // the first round warms up
            long t0 = System.nanoTime();
            SummaryPopulation population = new SummaryPopulation(asOf, patron.store().read(c -> reader.readAll(c, asOf, n -> { })));
            long t1 = System.nanoTime();
            Model model = rfm.call(s -> s.fit(population));
            long t2 = System.nanoTime();
            long scores = rfm.call(s -> {
                long n = 0;
                for (CustomerSummary customer : population) {
                    n += s.score(customer, model).size();
                }
                return n;
            });
            long t3 = System.nanoTime();
            if (i > 0 && scores >= 0) {
                read.add(Stats.seconds(t1 - t0));
                fit.add(Stats.seconds(t2 - t1));
                score.add(Stats.seconds(t3 - t2));
                total.add(Stats.seconds(t3 - t0));
            }
        }
        return new double[] {Stats.median(read), Stats.median(fit), Stats.median(score), Stats.median(total)};
    }

    /** R×100 + F×10 + M of every buyer, from Patron's stored rfm scores. */
    private static Map<String, Integer> patronRfmCodes(Path db) throws SQLException {
        Map<String, Integer> codes = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_id, name, value FROM scores WHERE plugin_id = 'rfm'"
                     + " AND name IN ('recency', 'frequency', 'monetary')")) {
            while (rs.next()) {
                int weight = switch (rs.getString(2)) {
                    case "recency" -> 100;
                    case "frequency" -> 10;
                    default -> 1;
                };
                codes.merge(rs.getString(1), weight * (int) Math.round(rs.getDouble(3)), Integer::sum);
            }
        }
        return codes;
    }

    /** The bare pass: one GROUP BY over the orders, every row streamed to Java. */
    static long sqliteAggregate(Path db) throws SQLException {
        long checksum = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT customer_id, MAX(placed_at), COUNT(*), SUM(amount_minor) FROM orders GROUP BY customer_id")) {
            while (rs.next()) {
                checksum += rs.getString(1).length() + rs.getLong(2) + rs.getLong(3) + rs.getLong(4);
            }
        }
        return checksum;
    }

    /** DuckDB in memory, holding the same orders and refunds as Patron's database. */
    static final class DuckPeer implements AutoCloseable {

        private static final String RFM_SQL = resource("sql/duckdb-rfm.sql");

        private final Path source;
        private final Connection duck;

        DuckPeer(Path source) throws SQLException {
            this.source = source;
            this.duck = DriverManager.getConnection("jdbc:duckdb:");
        }

        /** Copies orders and refunds over with DuckDB's appender; returns the nanoseconds it took. */
        long load() throws SQLException {
            long start = System.nanoTime();
            try (Statement ddl = duck.createStatement()) {
                ddl.execute("CREATE TABLE orders (customer_id VARCHAR NOT NULL, placed_at BIGINT NOT NULL, amount_minor BIGINT NOT NULL)");
                ddl.execute("CREATE TABLE refunds (customer_id VARCHAR NOT NULL, refunded_at BIGINT NOT NULL, amount_minor BIGINT NOT NULL)");
            }
            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath())) {
                copy(sqlite, "SELECT customer_id, placed_at, amount_minor FROM orders", "orders");
                copy(sqlite, "SELECT customer_id, refunded_at, amount_minor FROM refunds", "refunds");
            }
            return System.nanoTime() - start;
        }

        private void copy(Connection sqlite, String select, String table) throws SQLException {
            try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(select);
                 DuckDBAppender appender = duck.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
                while (rs.next()) {
                    appender.beginRow();
                    appender.append(rs.getString(1));
                    appender.append(rs.getLong(2));
                    appender.append(rs.getLong(3));
                    appender.endRow();
                }
            }
        }

        /**
         * The RFM plugin's rule in SQL: buyers up to the end of {@code asOf} (UTC); R = days since the
         * last order (negated, larger is better), F = orders, M = net spend; cut point k of n sorted
         * values is the ceil(k·n/5)-th; a score is 1 + the number of cut points the value exceeds.
         *
         * @return R×100 + F×10 + M by customer id
         */
        Map<String, Integer> query(LocalDate asOf) throws SQLException {
            long end = asOf.plusDays(1).atStartOfDay(Dataset.ZONE).toInstant().toEpochMilli();
            Map<String, Integer> codes = new HashMap<>();
            try (PreparedStatement s = duck.prepareStatement(RFM_SQL)) {
                s.setLong(1, end);
                s.setLong(2, end);
                s.setString(3, asOf.toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        codes.put(rs.getString(1), rs.getInt(2) * 100 + rs.getInt(3) * 10 + rs.getInt(4));
                    }
                }
            }
            return codes;
        }

        private static String resource(String name) {
            try (java.io.InputStream in = ScoringBench.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is not on the classpath (bench/src/main/resources)");
                }
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String version() throws SQLException {
            return duck.getMetaData().getDatabaseProductVersion();
        }

        @Override
        public void close() throws SQLException {
            duck.close();
        }
    }
}
