package dev.patron.host.jobs;

import dev.patron.api.jobs.ScheduledJob;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.plugins.PluginHost;
import dev.patron.host.store.Leases;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the running plugins' {@link ScheduledJob}s when they are due: every {@code interval}, or
 * once a day at {@code dailyAt} in the shop's time zone. A job never runs twice at once, even
 * with several instances on one database: a run holds the job's lease in the store, and whether
 * the job is due is decided again once the lease is held. Each run is recorded in
 * {@code job_runs}, so a restart neither repeats nor skips a daily run. Jobs of a stopped plugin
 * are simply no longer found.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    private static final Sql SQL = Sql.load("sql/plugin_data.sql");
    /** Longest one job run may take before it is abandoned. */
    static final Duration RUN_LIMIT = Duration.ofHours(1);
    /** How long a job's lease lasts unless renewed: how long a dead instance's job blocks the others. */
    static final Duration LEASE_TIME = Duration.ofMinutes(2);

    private final Store store;
    private final PluginHost plugins;
    private final PluginCalls calls;
    private final Clock clock;
    private final ZoneId zone;
    private final Leases leases;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "patron-job");
        thread.setDaemon(true);
        return thread;
    });

    public JobScheduler(Store store, PluginHost plugins, PluginCalls calls, Clock clock, ZoneId zone, Leases leases) {
        this.store = store;
        this.plugins = plugins;
        this.calls = calls;
        this.clock = clock;
        this.zone = zone;
        this.leases = leases;
    }

    /** The lease a run of {@code job} holds. */
    static String leaseName(String key) {
        return "job:" + key;
    }

    /** Starts every job that is due and not running; returns how many were started. Call it periodically. */
    public int tick() {
        Map<String, Long> lastStarts = lastStarts();
        Instant now = clock.instant();
        int started = 0;
        for (PluginExtension<ScheduledJob> job : plugins.extensions(ScheduledJob.class)) {
            String name = job.extension().name();
            String key = job.pluginId() + "/" + name;
            Long last = lastStarts.get(key);
            if (due(job.extension(), last == null ? null : Instant.ofEpochMilli(last), now) && running.add(key)) {
                started++;
                workers.execute(() -> run(job, name, key));
            }
        }
        return started;
    }

    /** Whether a job that last started at {@code last} (null: never) is due at {@code now}. */
    boolean due(ScheduledJob job, Instant last, Instant now) {
        Duration interval = job.interval();
        if (interval != null) {
            return last == null || !now.isBefore(last.plus(interval));
        }
        ZonedDateTime today = LocalDate.ofInstant(now, zone).atTime(job.dailyAt()).atZone(zone);
        ZonedDateTime slot = now.isBefore(today.toInstant()) ? today.minusDays(1) : today;
        return last == null ? !now.isBefore(today.toInstant()) : last.isBefore(slot.toInstant());
    }

    /** Runs the job if this instance gets its lease and it is still due once held (another instance may have run it). */
    private void run(PluginExtension<ScheduledJob> job, String name, String key) {
        try {
            Optional<Leases.Lease> lease = leases.tryAcquire(leaseName(key), LEASE_TIME);
            if (lease.isEmpty()) {
                return;
            }
            try {
                Long last = lastStarts().get(key);
                if (due(job.extension(), last == null ? null : Instant.ofEpochMilli(last), clock.instant())) {
                    runHeld(job, name);
                }
            } finally {
                lease.get().close();
            }
        } catch (RuntimeException e) {
            LOG.error("scheduled job {} could not be recorded: {}", key, e.getMessage(), e);
        } finally {
            running.remove(key);
        }
    }

    private void runHeld(PluginExtension<ScheduledJob> job, String name) {
        record(SQL.get("startJobRun"), job.pluginId(), name, null);
        String error = null;
        try {
            calls.call(job.pluginId(), "scheduled job " + name, job.classLoader(), RUN_LIMIT, () -> {
                job.extension().run();
                return null;
            });
        } catch (PluginCalls.PluginCallException e) {
            error = e.getMessage();
            LOG.error("{}", error);
        }
        record(SQL.get("finishJobRun"), job.pluginId(), name, error);
    }

    private void record(String sql, String pluginId, String job, String error) {
        long now = clock.millis();
        store.inTransaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                if (sql.startsWith("INSERT")) {
                    statement.setString(1, pluginId);
                    statement.setString(2, job);
                    statement.setLong(3, now);
                } else {
                    statement.setLong(1, now);
                    if (error == null) {
                        statement.setNull(2, Types.VARCHAR);
                    } else {
                        statement.setString(2, error);
                    }
                    statement.setString(3, pluginId);
                    statement.setString(4, job);
                }
                statement.executeUpdate();
            }
            return null;
        });
    }

    private Map<String, Long> lastStarts() {
        return store.read(c -> {
            Map<String, Long> result = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(SQL.get("jobRuns")); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }
            }
            return result;
        });
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
