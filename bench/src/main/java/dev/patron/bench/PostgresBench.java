package dev.patron.bench;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.host.Patron;
import dev.patron.host.scoring.RunRequest;
import dev.patron.host.scoring.SummaryReader;
import dev.patron.host.store.DatabaseSettings;
import dev.patron.host.store.PostgresSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The same shop on both stores: the full scoring run, the RFM-only run and the summary pass on
 * PostgreSQL, each beside the same work on SQLite measured in the same run. The server is the one
 * {@code PATRON_BENCH_PG_URL} names (else {@code PATRON_TEST_PG_URL}, as under
 * {@code scripts/with-postgres}), with the user and password of the matching variables; the shop
 * goes into a schema of its own, dropped at the end.
 */
final class PostgresBench {

    private PostgresBench() {
    }

    /** Times of one store: full run, median RFM run, median summary passes (its own and the other kind). */
    private record Times(double all, double rfm, double ownPass, double otherPass, String phases) {
    }

    static void run(Options options, Dataset data, Path sqliteDb, Path work, Results results) throws Exception {
        DatabaseSettings server = server();
        if (server == null) {
            for (String id : Results.ROWS.get("postgresql")) {
                results.notMeasured(id, id, Results.Status.SKIPPED, "no PostgreSQL server: set PATRON_BENCH_PG_URL (with"
                        + " PATRON_BENCH_PG_USER and PATRON_BENCH_PG_PASSWORD) or run under scripts/with-postgres", null, null);
            }
            return;
        }
        if (data.loaded == null) {
            System.out.println("bench: loading the synthetic shop into SQLite (untimed)");
            ImportBench.deleteDb(sqliteDb);
            data.load(sqliteDb);
        }
        PostgresSchema schema = PostgresSchema.create(server, "bench_");
        try {
            System.out.println("bench: loading the synthetic shop into PostgreSQL (schema " + schema.name() + ")");
            long loadStart = System.nanoTime();
            data.loadInto(schema.settings());
            results.fact("PostgreSQL load", Stats.duration(Stats.seconds(System.nanoTime() - loadStart)) + " for "
                    + data.describe() + " (DemoLoader, batched inserts)");
            Times sqlite = measure(options, data, Dataset.config(work.resolve("sqlite-home"), sqliteDb, options.pluginsDir()));
            Times postgres = measure(options, data, Dataset.config(work.resolve("pg-home"), schema.settings(), options.pluginsDir()));
            String version = serverVersion(schema.settings());
            results.fact("PostgreSQL server", version + " at " + server.url() + ", pool " + schema.settings().poolSize());
            results.fact("store sizes after the runs", "SQLite " + Stats.count(java.nio.file.Files.size(sqliteDb) / 1_000_000)
                    + " MB (patron.db), PostgreSQL " + Stats.count(schemaBytes(schema) / 1_000_000) + " MB (tables, indexes, TOAST)");
            String runs = options.repeats() == 1 ? "one run" : "median of " + options.repeats() + " runs";
            results.measured("postgresql.scoring.all", "full scoring run, all plugins, on PostgreSQL " + version,
                    Stats.duration(postgres.all()), "the same run on SQLite: " + Stats.duration(sqlite.all()),
                    postgres.all() / sqlite.all(), "", null,
                    "after one untimed warm-up run on each; PostgreSQL " + postgres.phases() + "; SQLite " + sqlite.phases());
            results.measured("postgresql.scoring.rfm", "RFM-only scoring run on PostgreSQL", Stats.duration(postgres.rfm()),
                    "the same run on SQLite: " + Stats.duration(sqlite.rfm()), postgres.rfm() / sqlite.rfm(), "", null, runs);
            results.measured("postgresql.summary", "summary pass on PostgreSQL (orders grouped per customer in SQL)",
                    Stats.duration(postgres.ownPass()), "SQLite's pass (three merged cursors): " + Stats.duration(sqlite.ownPass()),
                    postgres.ownPass() / sqlite.ownPass(), "", null, runs + "; the other pass on each store: PostgreSQL"
                            + " with three merged cursors " + Stats.duration(postgres.otherPass()) + ", SQLite grouped in SQL "
                            + Stats.duration(sqlite.otherPass()));
        } finally {
            schema.drop();
        }
    }

    private static Times measure(Options options, Dataset data, dev.patron.host.config.PatronConfig config) throws Exception {
        LocalDate asOf = data.asOf();
        try (Patron patron = Patron.open(config, Clock.systemUTC())) {
            String kind = patron.store().dialect().name();
            System.out.println("bench: " + kind + ": warm-up run (untimed)");
            ScoringBench.timedRun(patron, new RunRequest(asOf, List.of("rfm"), "bench"));
            ScoringBench.Run all = ScoringBench.timedRun(patron, new RunRequest(asOf, List.of(), "bench"));
            if (!all.status().status().equals("succeeded")) {
                throw new IllegalStateException(kind + ": the full run failed: " + all.status().error());
            }
            List<Double> rfm = new ArrayList<>();
            List<Double> own = new ArrayList<>();
            List<Double> other = new ArrayList<>();
            SummaryReader reader = new SummaryReader(Dataset.ZONE);
            boolean grouped = kind.equals("postgresql");
            for (int i = 0; i < options.repeats(); i++) {
                rfm.add(Stats.seconds(ScoringBench.timedRun(patron, new RunRequest(asOf, List.of("rfm"), "bench")).nanos()));
                own.add(pass(patron, c -> reader.readAll(c, asOf, n -> { })));
                other.add(pass(patron, c -> grouped ? reader.readMerged(c, asOf, n -> { }) : reader.readGrouped(c, asOf, n -> { })));
            }
            System.out.println("bench: " + kind + ": full run " + Stats.duration(Stats.seconds(all.nanos())) + " (" + all.phases() + ")");
            return new Times(Stats.seconds(all.nanos()), Stats.median(rfm), Stats.median(own), Stats.median(other), all.phases());
        }
    }

    /** One summary pass's seconds. */
    private static double pass(Patron patron, dev.patron.host.store.SqlWork<List<CustomerSummary>> read) {
        long start = System.nanoTime();
        int customers = patron.store().read(read).size();
        if (customers == 0) {
            throw new IllegalStateException("the summary pass read no customer");
        }
        return Stats.seconds(System.nanoTime() - start);
    }

    /** Bytes of every table of the schema with its indexes and TOAST. */
    private static long schemaBytes(PostgresSchema schema) {
        try (var store = dev.patron.host.store.Store.open(schema.settings())) {
            return store.read(c -> {
                try (var select = c.prepareStatement("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'")) {
                    select.setString(1, schema.name());
                    try (var rs = select.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        }
    }

    private static String serverVersion(DatabaseSettings settings) {
        try (var store = dev.patron.host.store.Store.open(settings)) {
            return store.read(PostgresBench::version);
        }
    }

    private static String version(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductVersion();
    }

    /** The benchmark's server from the environment, or null when none is named. */
    static DatabaseSettings server() {
        String url = firstOf("PATRON_BENCH_PG_URL", "PATRON_TEST_PG_URL");
        if (url == null) {
            return null;
        }
        boolean bench = System.getenv("PATRON_BENCH_PG_URL") != null && !System.getenv("PATRON_BENCH_PG_URL").isBlank();
        String prefix = bench ? "PATRON_BENCH_PG_" : "PATRON_TEST_PG_";
        return new DatabaseSettings(url, System.getenv(prefix + "USER"), System.getenv(prefix + "PASSWORD"),
                DatabaseSettings.DEFAULT_POOL_SIZE);
    }

    private static String firstOf(String... variables) {
        for (String variable : variables) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
