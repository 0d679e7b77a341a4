package dev.patron.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that stands still until a test moves it. Every view of it ({@link #withZone}) shares
 * the same instant, so a plugin that kept {@code context.clock()} sees the test's changes.
 */
final class TestClock extends Clock {

    private final ZoneId zone;
    private final Instant[] now;

    TestClock(Instant start, ZoneId zone) {
        this(new Instant[] {Objects.requireNonNull(start, "start")}, zone);
    }

    private TestClock(Instant[] now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    void set(Instant instant) {
        synchronized (now) {
            now[0] = Objects.requireNonNull(instant, "instant");
        }
    }

    void advance(Duration duration) {
        synchronized (now) {
            now[0] = now[0].plus(duration);
        }
    }

    @Override
    public Instant instant() {
        synchronized (now) {
            return now[0];
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new TestClock(now, newZone);
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + ", " + zone + "]";
    }
}
