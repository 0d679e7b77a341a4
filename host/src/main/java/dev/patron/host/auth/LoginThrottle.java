package dev.patron.host.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #LIMIT} failed sign-ins for one account name, or
 * {@link #ADDRESS_LIMIT} from one address (higher: a whole shop may sit behind one address),
 * within {@link #WINDOW}, further attempts are refused until the oldest failure ages out. Kept in
 * memory: each instance throttles on its own.
 */
public final class LoginThrottle {

    static final int LIMIT = 5;
    static final int ADDRESS_LIMIT = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again; zero when allowed now. */
    public Duration waitFor(String name, String address) {
        long now = clock.millis();
        long wait = Math.max(wait(key("name", name), now, LIMIT), wait(key("addr", address), now, ADDRESS_LIMIT));
        return Duration.ofMillis(wait);
    }

    public void failed(String name, String address) {
        long now = clock.millis();
        for (String key : new String[] {key("name", name), key("addr", address)}) {
            Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > ADDRESS_LIMIT) {
                    times.removeFirst();
                }
            }
        }
    }

    public void succeeded(String name) {
        failures.remove(key("name", name));
    }

    private long wait(String key, long now, int limit) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            times.removeIf(t -> now - t > WINDOW.toMillis());
            if (times.size() < limit) {
                return 0;
            }
            long oldestCounted = times.stream().skip(times.size() - limit).findFirst().orElse(now);
            return Math.max(0, oldestCounted + WINDOW.toMillis() - now);
        }
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.toLowerCase(Locale.ROOT));
    }
}
