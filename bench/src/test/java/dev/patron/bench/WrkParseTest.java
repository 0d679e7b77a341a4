package dev.patron.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The smoke test uses the Java client, so wrk's report parsing is checked on a captured report. */
class WrkParseTest {

    private static final String REPORT = """
            Running 10s test @ http://127.0.0.1:39703
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     3.61ms    1.67ms  50.44ms   82.36%
                Req/Sec     4.58k   489.69     5.79k    75.00%
              Latency Distribution
                 50%  850.00us
                 75%    2.73ms
                 90%    5.18ms
                 99%    1.20s
              91234 requests in 10.00s, 74.08MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 4
            Requests/sec:   9123.40
            Transfer/sec:      7.41MB
            """;

    @Test
    void readsThroughputPercentilesAndErrors() throws Exception {
        LoadResult result = Wrk.parse(REPORT);

        assertThat(result.requestsPerSecond()).isCloseTo(9123.40, within(1e-9));
        assertThat(result.p50Ms()).isCloseTo(0.85, within(1e-9));
        assertThat(result.p99Ms()).isCloseTo(1200, within(1e-9));
        assertThat(result.requests()).isEqualTo(91234);
        assertThat(result.errors()).isEqualTo(7);
    }
}
