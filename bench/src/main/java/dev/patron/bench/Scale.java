package dev.patron.bench;

/**
 * How big a run is. The synthetic shop has about ten orders per customer, so 100k customers is
 * about 1.0M orders. The other numbers keep a run bounded on a 2-core machine.
 *
 * @param customers customers of the synthetic shop
 * @param repeats timed repetitions of the cheaper measurements (the median is reported)
 * @param latencyOrders orders posted one after another for the freshness latency
 * @param apiSeconds duration of each measured wrk run
 * @param javaRequests requests of the bounded Java load generator (when wrk is not used)
 * @param startups timed start-ups of each process
 * @param clvCustomers customers of the synthetic population the model fits are timed on
 * @param jmhWarmups JMH warm-up iterations (one fit each)
 * @param jmhIterations JMH measured iterations (one fit each)
 * @param jmhForks JMH forks per benchmark; 0 (tiny only) runs the fits in the harness's JVM
 */
record Scale(String name, int customers, int repeats, int latencyOrders, int apiSeconds, int javaRequests, int startups,
             int clvCustomers, int jmhWarmups, int jmhIterations, int jmhForks) {

    static final Scale TINY = new Scale("tiny", 300, 1, 30, 1, 50, 1, 300, 0, 1, 0);
    static final Scale SMALL = new Scale("small", 5_000, 3, 500, 5, 5_000, 3, 5_000, 1, 3, 1);
    static final Scale K100 = new Scale("100k", 100_000, 2, 2_000, 10, 20_000, 3, 1_000_000, 1, 2, 1);
    static final Scale M1 = new Scale("1m", 1_000_000, 1, 2_000, 10, 20_000, 3, 1_000_000, 1, 2, 1);

    static Scale parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "tiny" -> TINY;
            case "small" -> SMALL;
            case "100k" -> K100;
            case "1m" -> M1;
            default -> throw new IllegalArgumentException("unknown scale '" + name + "'; use tiny, small, 100k or 1m");
        };
    }

    Scale withCustomers(int n) {
        return new Scale(name, n, repeats, latencyOrders, apiSeconds, javaRequests, startups, clvCustomers, jmhWarmups,
                jmhIterations, jmhForks);
    }
}
