package dev.patron.bench;

import java.nio.file.Path;

/**
 * API throughput: {@code GET /api/v1/customers/{id}/scores} for random customers under concurrent
 * load, against a bare Vert.x route returning the same bytes, on loopback, in the same run.
 */
final class ApiBench {

    private ApiBench() {
    }

    static void run(Options options, int patronPort, int barePort, String token, Dataset data, Path work, Results results)
            throws Exception {
        String patronBase = "http://127.0.0.1:" + patronPort;
        String bareBase = "http://127.0.0.1:" + barePort;
        Path wrk = useWrk(options) ? Wrk.find() : null;
        LoadResult patron;
        LoadResult bare;
        String how;
        if (wrk != null) {
            int seconds = options.apiSeconds();
            int warmup = Math.max(1, Math.min(3, seconds / 3));
            Path log = work.resolve("wrk.log");
            Path patronScript = Wrk.script(work, "patron-scores", "/api/v1/customers/", data, token);
            Path bareScript = Wrk.script(work, "bare-scores", "/bare/customers/", data, token);
            Wrk.run(wrk, patronBase, patronScript, warmup, options.connections, log);
            Wrk.run(wrk, bareBase, bareScript, warmup, options.connections, log);
            patron = Wrk.run(wrk, patronBase, patronScript, seconds, options.connections, log);
            bare = Wrk.run(wrk, bareBase, bareScript, seconds, options.connections, log);
            how = Wrk.version(wrk) + ", " + options.connections + " connections, "
                    + Math.min(Runtime.getRuntime().availableProcessors(), options.connections) + " threads, " + seconds
                    + " s per side after " + warmup + " s of warm-up each";
        } else {
            int requests = options.javaRequests();
            int warmup = Math.max(20, requests / 5);
            JavaLoad.run(patronBase, "/api/v1/customers/", data, token, warmup, options.connections);
            JavaLoad.run(bareBase, "/bare/customers/", data, token, warmup, options.connections);
            patron = JavaLoad.run(patronBase, "/api/v1/customers/", data, token, requests, options.connections);
            bare = JavaLoad.run(bareBase, "/bare/customers/", data, token, requests, options.connections);
            how = "Java client (java.net.http), " + Stats.count(requests) + " requests per side from "
                    + Math.min(options.connections, requests) + " threads after " + warmup + " untimed";
        }
        results.fact("API load generator", how);
        if (patron.errors() >= patron.requests()) {
            results.failSection("api", "every request failed (" + patron.errors() + " errors)");
            return;
        }
        String note = how + "; random customer ids over all " + Stats.count(data.customers) + "; Patron answered "
                + Stats.count(patron.requests()) + " requests (" + patron.errors() + " errors), p50 " + Stats.ms(patron.p50Ms())
                + "; bare route " + Stats.count(bare.requests()) + " requests (" + bare.errors() + " errors), p50 "
                + Stats.ms(bare.p50Ms()) + ". Both servers run in the harness's JVM" + (wrk != null ? ", wrk in its own process." : ", and so does the client.");
        double ratio = patron.requestsPerSecond() / bare.requestsPerSecond();
        results.measured("api.rps", "GET /api/v1/customers/{id}/scores, requests/s", Stats.rate(patron.requestsPerSecond(), "req"),
                "bare Vert.x route, same body: " + Stats.rate(bare.requestsPerSecond(), "req"), ratio, "≥ 0.5x", ratio >= 0.5, note);
        results.measured("api.p99", "GET /api/v1/customers/{id}/scores, p99 latency", Stats.ms(patron.p99Ms()),
                "bare Vert.x route: " + Stats.ms(bare.p99Ms()), patron.p99Ms() / bare.p99Ms(), "", null, null);
    }

    private static boolean useWrk(Options options) {
        if (options.load != null) {
            if (options.load.equals("wrk") && Wrk.find() == null) {
                throw new IllegalStateException("--load wrk, but wrk is not installed (apt-get install -y wrk)");
            }
            return options.load.equals("wrk");
        }
        return !options.scale.name().equals("tiny") && Wrk.find() != null;
    }
}
