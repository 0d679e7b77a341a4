package dev.patron.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The harness's command line. Paths default to the layout of the repository, relative to the
 * directory it runs in (scripts/bench runs it from the repository root).
 */
final class Options {

    static final String USAGE = """
            Usage: scripts/bench [--scale tiny|small|100k|1m] [--only NAME[,NAME...]] [options]

              --scale S          tiny (300 customers), small (5,000), 100k (default; ~1.0M orders), 1m (~10M orders)
              --only NAMES       sections to run: import, scoring, postgresql, clv, latency, api, console, startup (default: all);
                                 postgresql runs the scoring run on PostgreSQL beside SQLite: the server is
                                 PATRON_BENCH_PG_URL (+ _USER, _PASSWORD), else PATRON_TEST_PG_URL (scripts/with-postgres)
              --customers N      override the scale's number of customers
              --seed N           seed of the synthetic shop (default 42)
              --dist DIR         the built distribution (default dist/target/patron-0.1.0)
              --plugins DIR      plugin jars to load in-process (default DIST/plugins)
              --launcher L       start-up of 'dist' (bin/patron, default) or 'classpath' (java -cp, no dist needed)
              --cdnow FILE       CDNOW_master.txt (default ../shared/data/cdnow/CDNOW_master.txt)
              --retail FILE      the UCI Online Retail file (default ../shared/data/online-retail/online_retail.csv.gz)
              --load L           API load generator: wrk (default when installed) or java
              --api-seconds N    seconds of each measured wrk run
              --connections N    concurrent connections of the API load (default 32)
              --requests N       requests of the Java load generator
              --latency-orders N orders posted for the freshness latency
              --repeats N        timed repetitions of the cheaper measurements
              --work DIR         scratch folder, emptied first (default bench/target/work)
              --out FILE         the Markdown table (default bench/target/results.md)
              --no-build         (scripts/bench only) skip `mvn package -DskipTests`; use what is built
            """;

    Scale scale = Scale.K100;
    Set<String> only = new LinkedHashSet<>(Results.SECTIONS);
    long seed = 42;
    Path dist = Path.of("dist/target/patron-0.1.0");
    Path plugins;
    String launcher = "dist";
    Path cdnow = Path.of("../shared/data/cdnow/CDNOW_master.txt");
    Path retail = Path.of("../shared/data/online-retail/online_retail.csv.gz");
    String load;
    Integer apiSeconds;
    int connections = 32;
    Integer requests;
    Integer latencyOrders;
    Integer repeats;
    Integer customers;
    Path work = Path.of("bench/target/work");
    Path out = Path.of("bench/target/results.md");
    /** Extra JVM options for the JMH forks (heap). */
    String jmhHeap;

    static Options parse(String... args) {
        Options o = new Options();
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException(null);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                value = args[++i];
            }
            switch (arg) {
                case "--scale" -> o.scale = Scale.parse(value);
                case "--only" -> only.addAll(List.of(value.split(",")));
                case "--customers" -> o.customers = positive(arg, value);
                case "--seed" -> o.seed = Long.parseLong(value);
                case "--dist" -> o.dist = Path.of(value);
                case "--plugins" -> o.plugins = Path.of(value);
                case "--launcher" -> o.launcher = oneOf(arg, value, "dist", "classpath");
                case "--cdnow" -> o.cdnow = Path.of(value);
                case "--retail" -> o.retail = Path.of(value);
                case "--load" -> o.load = oneOf(arg, value, "wrk", "java");
                case "--api-seconds" -> o.apiSeconds = positive(arg, value);
                case "--connections" -> o.connections = positive(arg, value);
                case "--requests" -> o.requests = positive(arg, value);
                case "--latency-orders" -> o.latencyOrders = positive(arg, value);
                case "--repeats" -> o.repeats = positive(arg, value);
                case "--work" -> o.work = Path.of(value);
                case "--out" -> o.out = Path.of(value);
                case "--jmh-heap" -> o.jmhHeap = value;
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        if (!only.isEmpty()) {
            Set<String> sections = new LinkedHashSet<>();
            for (String name : only) {
                String n = name.trim().toLowerCase(java.util.Locale.ROOT);
                if (!Results.SECTIONS.contains(n)) {
                    throw new UsageException("--only: unknown section '" + name + "'; sections are " + String.join(", ", Results.SECTIONS));
                }
                sections.add(n);
            }
            o.only = sections;
        }
        if (o.customers != null) {
            o.scale = o.scale.withCustomers(o.customers);
        }
        return o;
    }

    Path pluginsDir() {
        return plugins != null ? plugins : dist.resolve("plugins");
    }

    /** Alternating runs of the importer and its peer: 3 (1 at the tiny and 1m scales, or as --repeats says). */
    int importRounds() {
        return repeats != null ? repeats : scale.repeats() == 1 ? 1 : 3;
    }

    int repeats() {
        return repeats != null ? repeats : scale.repeats();
    }

    int apiSeconds() {
        return apiSeconds != null ? apiSeconds : scale.apiSeconds();
    }

    int javaRequests() {
        return requests != null ? requests : scale.javaRequests();
    }

    /** Requests per console page (one at a time, like a person paging). */
    int consoleRequests() {
        return Math.max(10, latencyOrders() / 20);
    }

    int latencyOrders() {
        return latencyOrders != null ? latencyOrders : scale.latencyOrders();
    }

    boolean runs(String section) {
        return only.contains(section);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException(option + " takes a whole number above 0, not '" + value + "'");
    }

    private static String oneOf(String option, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new UsageException(option + " takes one of " + String.join(", ", allowed) + ", not '" + value + "'");
    }

    /** A command-line mistake; the message says what to change (null: just print the usage). */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
