package dev.patron.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fallback load generator when wrk is not installed: a fixed number of requests from a fixed
 * number of client threads (java.net.http), each asking for a random customer's scores.
 */
final class JavaLoad {

    private JavaLoad() {
    }

    static LoadResult run(String baseUrl, String prefix, Dataset data, String token, int requests, int concurrency)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int threads = Math.max(1, Math.min(concurrency, requests));
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        double[] latencies = new double[requests];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                SplittableRandom random = new SplittableRandom(7919L * (t + 1));
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        String id = data.customerId(1 + random.nextInt(data.customers));
                        HttpRequest get = HttpRequest.newBuilder(URI.create(baseUrl + prefix + id + "/scores"))
                                .header("Authorization", "Bearer " + token).GET().build();
                        long begin = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
                        latencies[i] = Stats.millis(System.nanoTime() - begin);
                        if (response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double seconds = Stats.seconds(System.nanoTime() - start);
            return new LoadResult(requests / seconds, Stats.percentile(latencies.clone(), 50), Stats.percentile(latencies.clone(), 99),
                    requests, errors.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
