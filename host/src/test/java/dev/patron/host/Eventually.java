package dev.patron.host;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something another thread or instance does: checks a condition every few
 * milliseconds until it holds, and fails with {@code what} once the deadline passes. Never a
 * fixed sleep: a test goes on the moment the condition holds.
 */
public final class Eventually {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private Eventually() {
    }

    /** Returns as soon as {@code condition} holds; throws {@link AssertionError} after {@code timeout}. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        value(timeout, what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** The first non-null value {@code probe} returns; throws {@link AssertionError} after {@code timeout}. */
    public static <T> T value(Duration timeout, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + ", in vain");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
