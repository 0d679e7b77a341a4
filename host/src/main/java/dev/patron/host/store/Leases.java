package dev.patron.host.store;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases in the store on work that exactly one instance may do at a time, when several share a
 * database: a plugin's scheduled job, a full scoring run. A lease is held until it expires; its
 * holder renews it in the background while it works and releases it when done, so an instance
 * that dies blocks the work only until the lease runs out. Instants come from each instance's
 * clock: keep the clocks of instances sharing a database in sync (NTP).
 */
public final class Leases implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
    private static final Sql SQL = Sql.load("sql/leases.sql");

    /** Who holds a lease and until when. */
    public record Holder(String owner, Instant acquiredAt, Instant expiresAt) {
    }

    private final Store store;
    private final Clock clock;
    private final String owner;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "patron-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param owner this instance's name in the leases it takes; unique among the instances sharing
     *     the database (see {@link #instanceName()})
     */
    public Leases(Store store, Clock clock, String owner) {
        this.store = store;
        this.clock = clock;
        this.owner = owner;
    }

    /** A name for this instance: host, process id and a random part (two instances may share a process in tests). */
    public static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    }

    public String owner() {
        return owner;
    }

    /**
     * Takes lease {@code name} for {@code duration}, renewed every third of it until the returned
     * lease is closed; empty when another instance holds it.
     */
    public Optional<Lease> tryAcquire(String name, Duration duration) {
        if (!take(name, duration)) {
            return Optional.empty();
        }
        Lease lease = new Lease(name, duration);
        long every = Math.max(1, duration.toMillis() / 3);
        lease.renewal = renewals.scheduleWithFixedDelay(lease::renew, every, every, TimeUnit.MILLISECONDS);
        return Optional.of(lease);
    }

    /** Who holds {@code name} now; empty when nobody does (or the lease expired). */
    public Optional<Holder> holder(String name) {
        long now = clock.millis();
        return store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(SQL.get("holder"))) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || rs.getLong(3) < now) {
                        return Optional.empty();
                    }
                    return Optional.of(new Holder(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
        });
    }

    private boolean take(String name, Duration duration) {
        long now = clock.millis();
        return store.inTransaction(c -> {
            try (PreparedStatement acquire = c.prepareStatement(SQL.get("acquire"))) {
                acquire.setString(1, name);
                acquire.setString(2, owner);
                acquire.setLong(3, now);
                acquire.setLong(4, now + duration.toMillis());
                acquire.setLong(5, now);
                return acquire.executeUpdate() == 1;
            }
        });
    }

    private void release(String name) {
        store.inTransaction(c -> {
            try (PreparedStatement release = c.prepareStatement(SQL.get("release"))) {
                release.setString(1, name);
                release.setString(2, owner);
                return release.executeUpdate();
            }
        });
    }

    /** Stops renewing; leases still held expire by themselves. */
    @Override
    public void close() {
        renewals.shutdownNow();
    }

    /** A held lease; close it when the work is done. */
    public final class Lease implements AutoCloseable {
        private final String name;
        private final Duration duration;
        private final AtomicBoolean lost = new AtomicBoolean();
        private ScheduledFuture<?> renewal;

        private Lease(String name, Duration duration) {
            this.name = name;
            this.duration = duration;
        }

        public String name() {
            return name;
        }

        /** Whether a renewal found the lease taken by another instance (it had expired meanwhile). */
        public boolean lost() {
            return lost.get();
        }

        private void renew() {
            try {
                if (!take(name, duration) && lost.compareAndSet(false, true)) {
                    LOG.error("lease {} expired and was taken by another instance while {} still worked under it; renew it"
                            + " in time by keeping the clocks of instances in sync", name, owner);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not renew lease {}: {}", name, e.getMessage());
            }
        }

        /** Releases the lease so another instance may take it at once. */
        @Override
        public void close() {
            if (renewal != null) {
                renewal.cancel(false);
            }
            try {
                release(name);
            } catch (RuntimeException e) {
                LOG.warn("could not release lease {}; it expires by itself: {}", name, e.getMessage());
            }
        }
    }
}
