package dev.patron.host.scoring;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.RunListener;
import dev.patron.api.scoring.Scorer;
import dev.patron.host.plugins.data.JdbcPluginDatabase;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.plugins.PluginHost;
import dev.patron.host.scoring.ModelRepository.StoredModel;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.store.Leases;
import dev.patron.host.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scoring. A full run reads the population in one pass, fits every scorer once, scores every
 * customer, and writes the results in chunk transactions; a plugin that throws loses only its
 * own scores (its error is recorded on the run) while the others complete. After an order,
 * {@link #rescore} re-scores just the affected customers with the last fitted models.
 *
 * <p>One full run at a time, across every instance sharing the database: a run holds the
 * {@value #LEASE} lease in the store while it goes on. Everything here blocks: call it from a
 * worker thread.
 */
public final class ScoringEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringEngine.class);
    private static final int CHUNK = 2_000;
    /** Longest a scorer's fit may take. */
    static final Duration FIT_LIMIT = Duration.ofMinutes(5);
    /** Longest a scorer may take for one chunk of customers. */
    static final Duration CHUNK_LIMIT = Duration.ofSeconds(60);
    /** Longest re-scoring one order's customers may take per plugin. */
    static final Duration RESCORE_LIMIT = Duration.ofSeconds(5);
    /** Longest a plugin may take to act on a finished run. */
    static final Duration LISTENER_LIMIT = Duration.ofMinutes(5);
    /** The lease a full run holds, so one instance runs at a time. */
    public static final String LEASE = "scoring-run";
    /** How long the lease lasts unless renewed: how long a dead instance's run blocks the next one. */
    static final Duration LEASE_TIME = Duration.ofMinutes(2);

    private final Store store;
    private final PluginHost plugins;
    private final PluginCalls calls;
    private final Clock clock;
    private final ZoneId zone;
    private final SummaryReader summaries;
    private final ScoreRepository scores = new ScoreRepository();
    private final RunRepository runs = new RunRepository();
    private final ModelRepository models = new ModelRepository();
    private final Leases leases;
    private final AtomicReference<ActiveRun> active = new AtomicReference<>();
    private volatile CachedModels latestModels;

    /** The latest models and the newest fit they include. */
    private record CachedModels(long newestFit, Map<String, StoredModel> models) {
    }

    public ScoringEngine(Store store, PluginHost plugins, PluginCalls calls, Clock clock, ZoneId zone, Leases leases) {
        this.store = store;
        this.plugins = plugins;
        this.calls = calls;
        this.clock = clock;
        this.zone = zone;
        this.leases = leases;
        this.summaries = new SummaryReader(zone);
        long now = clock.millis();
        int interrupted = store.inTransaction(c -> runs.failInterrupted(c, now));
        if (interrupted > 0) {
            LOG.warn("{} scoring run(s) were interrupted by a stop and are marked failed", interrupted);
        }
    }

    /** Today in the shop's time zone: the default as-of date. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Checks the request and starts a run on {@code executor}.
     *
     * @return the run's id, already visible through {@link #status}
     * @throws RunInProgressException when a run is going on
     * @throws InvalidInputException when a named plugin has no started scorer
     */
    public String start(RunRequest request, Executor executor, ScoringProgress progress) {
        ActiveRun run = begin(request);
        executor.execute(() -> execute(run, progress));
        return run.id;
    }

    /** Runs to the end on the calling thread. */
    public RunStatus run(RunRequest request, ScoringProgress progress) {
        ActiveRun run = begin(request);
        execute(run, progress);
        return status(run.id).orElseThrow();
    }

    private ActiveRun begin(RunRequest request) {
        List<PluginExtension<Scorer>> scorers = selectScorers(request.plugins());
        ActiveRun run = new ActiveRun(UUID.randomUUID().toString(), request, clock.millis(), scorers);
        if (!active.compareAndSet(null, run)) {
            throw new RunInProgressException(active.get().id);
        }
        try {
            run.lease = leases.tryAcquire(LEASE, LEASE_TIME).orElseThrow(() -> new RunInProgressException(
                    store.read(runs::running).orElse("of another instance")));
            store.inTransaction(c -> {
                // Holding the lease, any other run still marked running was left by a stopped instance.
                runs.failInterrupted(c, run.startedAt);
                runs.insert(c, run.id, request, run.startedAt, leases.owner());
                return null;
            });
        } catch (RuntimeException e) {
            if (run.lease != null) {
                run.lease.close();
            }
            active.set(null);
            throw e;
        }
        return run;
    }

    private List<PluginExtension<Scorer>> selectScorers(List<String> requested) {
        List<PluginExtension<Scorer>> all = plugins.extensions(Scorer.class);
        if (requested.isEmpty()) {
            return all;
        }
        Set<String> available = new TreeSet<>();
        all.forEach(s -> available.add(s.pluginId()));
        List<String> unknown = requested.stream().filter(p -> !available.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("plugins", "no started plugin with a scorer is called " + String.join(", ", unknown)
                    + "; plugins that can score now: " + (available.isEmpty() ? "none" : String.join(", ", available)));
        }
        return all.stream().filter(s -> requested.contains(s.pluginId())).toList();
    }

    private void execute(ActiveRun run, ScoringProgress progress) {
        ScoringProgress tracked = run.tracking(progress);
        long customers = 0;
        long scored = 0;
        String error = null;
        try {
            tracked.phase("reading", -1);
            SummaryPopulation population = new SummaryPopulation(run.request.asOf(),
                    store.read(c -> summaries.readAll(c, run.request.asOf(), tracked::advanced)));
            customers = population.size();
            long read = clock.millis();
            tracked.phase("fitting", run.scorers.size());
            Map<PluginExtension<Scorer>, Model> fitted = fit(run, population);
            long fit = clock.millis();
            tracked.phase("scoring", customers);
            scored = scoreAll(run, population, fitted, tracked);
            LOG.info("scoring run {}: read {} customers in {} ms, fitted {} scorer(s) in {} ms, scored and wrote in {} ms",
                    run.id, customers, read - run.startedAt, fitted.size(), fit - read, clock.millis() - fit);
            store.inTransaction(c -> {
                for (String pluginId : fittedPlugins(fitted)) {
                    scores.deleteStale(c, pluginId, run.startedAt);
                }
                return null;
            });
            notifyListeners(run, customers);
        } catch (RuntimeException | OutOfMemoryError e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("scoring run {} failed: {}", run.id, error, e);
        } finally {
            long finished = clock.millis();
            long totalCustomers = customers;
            long totalScored = scored;
            String runError = error;
            try {
                store.inTransaction(c -> {
                    runs.finish(c, run.id, runError == null, finished, totalCustomers, totalScored, finished - run.startedAt,
                            runError, run.pluginErrors);
                    return null;
                });
            } finally {
                run.lease.close();
                active.set(null);
                run.done.complete(null);
            }
            LOG.info("scoring run {} {}: {} customers in {} ms", run.id, error == null ? "succeeded" : "failed", customers,
                    finished - run.startedAt);
        }
    }

    private Map<PluginExtension<Scorer>, Model> fit(ActiveRun run, SummaryPopulation population) {
        Map<PluginExtension<Scorer>, Model> fitted = new LinkedHashMap<>();
        long done = 0;
        for (PluginExtension<Scorer> scorer : run.scorers) {
            String name = scorer.extension().getClass().getName();
            try {
                Model model = calls.call(scorer.pluginId(), "fit in " + name, scorer.classLoader(), FIT_LIMIT,
                        () -> scorer.extension().fit(population));
                if (model == null) {
                    throw new IllegalStateException(name + ".fit returned null; return Model.EMPTY when there is nothing to learn");
                }
                fitted.put(scorer, model);
                StoredModel stored = new StoredModel(scorer.pluginId(), name, model, run.request.asOf(), clock.millis());
                store.inTransaction(c -> {
                    models.save(c, stored, run.id);
                    return null;
                });
            } catch (RuntimeException | LinkageError e) {
                run.pluginErrors.put(scorer.pluginId(), e instanceof PluginCalls.PluginCallException ? e.getMessage()
                        : "fit failed in " + name + ": " + messageOf(e));
                LOG.warn("plugin {}: fit failed: {}", scorer.pluginId(), messageOf(e), e);
            }
            run.progress.advanced(++done);
        }
        return fitted;
    }

    private long scoreAll(ActiveRun run, SummaryPopulation population, Map<PluginExtension<Scorer>, Model> fitted,
                          ScoringProgress progress) {
        long scored = 0;
        for (int from = 0; from < population.size(); from += CHUNK) {
            List<CustomerSummary> chunk = population.slice(from, Math.min(population.size(), from + CHUNK));
            List<ScoreRow> rows = scoreChunk(run.id, run.startedAt, chunk, fitted, run.pluginErrors, CHUNK_LIMIT);
            store.inTransaction(c -> {
                scores.write(c, rows, true);
                return null;
            });
            scored += chunk.size();
            progress.advanced(scored);
        }
        return scored;
    }

    /**
     * Scores customers with every fitted scorer, each plugin's share under a time limit. A plugin
     * that throws for a customer loses that customer's scores; one that overruns is dropped from
     * {@code fitted} for the rest of the run. Rows come grouped by customer, then plugin.
     */
    private List<ScoreRow> scoreChunk(String runId, long computedAt, List<CustomerSummary> customers,
                                      Map<PluginExtension<Scorer>, Model> fitted, Map<String, String> errors, Duration limit) {
        Map<String, List<ScoreRow>> byCustomer = new LinkedHashMap<>();
        customers.forEach(c -> byCustomer.put(c.id(), new ArrayList<>()));
        for (Map.Entry<PluginExtension<Scorer>, Model> entry : new ArrayList<>(fitted.entrySet())) {
            PluginExtension<Scorer> scorer = entry.getKey();
            String name = scorer.extension().getClass().getName();
            try {
                List<ScoreRow> rows = calls.call(scorer.pluginId(), "score in " + name, scorer.classLoader(), limit, () -> {
                    List<ScoreRow> out = new ArrayList<>();
                    for (CustomerSummary customer : customers) {
                        try {
                            List<Score> result = scorer.extension().score(customer, entry.getValue());
                            if (result != null) {
                                for (Score score : result) {
                                    out.add(new ScoreRow(customer.id(), scorer.pluginId(), score, runId, computedAt));
                                }
                            }
                        } catch (RuntimeException e) {
                            errors.putIfAbsent(scorer.pluginId(), "scoring customer " + customer.id() + " failed in " + name
                                    + ": " + messageOf(e));
                        }
                    }
                    return out;
                });
                rows.forEach(row -> byCustomer.get(row.customerId()).add(row));
            } catch (PluginCalls.PluginCallException e) {
                errors.put(scorer.pluginId(), e.getMessage());
                fitted.remove(scorer);
                LOG.warn("{}; its scores are left out of this run", e.getMessage());
            }
        }
        List<ScoreRow> rows = new ArrayList<>();
        byCustomer.values().forEach(rows::addAll);
        return rows;
    }

    /** Lets plugins act on a finished run (raise alerts from scores), each in its own transaction. */
    private void notifyListeners(ActiveRun run, long customers) {
        RunListener.FinishedRun finished = new RunListener.FinishedRun(run.id, run.request.asOf(), customers);
        for (PluginExtension<RunListener> listener : plugins.extensions(RunListener.class)) {
            try {
                store.inTransaction(c -> {
                    JdbcPluginDatabase db = new JdbcPluginDatabase(c, true, listener.pluginId());
                    try {
                        return calls.call(listener.pluginId(), "run listener", listener.classLoader(), LISTENER_LIMIT, () -> {
                            listener.extension().runFinished(finished, db);
                            return null;
                        });
                    } finally {
                        db.revoke();
                    }
                });
            } catch (RuntimeException e) {
                run.pluginErrors.put(listener.pluginId(), "after the run: " + e.getMessage());
                LOG.warn("plugin {}: run listener failed: {}", listener.pluginId(), e.getMessage());
            }
        }
    }

    private static Set<String> fittedPlugins(Map<PluginExtension<Scorer>, Model> fitted) {
        Set<String> ids = new TreeSet<>();
        fitted.keySet().forEach(s -> ids.add(s.pluginId()));
        return ids;
    }

    /**
     * Re-scores the given customers as of today with the latest stored models (no refit), so
     * their scores are fresh right after an order. Scorers never fitted are skipped.
     */
    public void rescore(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        Map<String, StoredModel> known = latestModels();
        Map<PluginExtension<Scorer>, Model> fitted = new LinkedHashMap<>();
        for (PluginExtension<Scorer> scorer : plugins.extensions(Scorer.class)) {
            StoredModel stored = known.get(ModelRepository.key(scorer.pluginId(), scorer.extension().getClass().getName()));
            if (stored != null) {
                fitted.put(scorer, stored.model());
            }
        }
        if (fitted.isEmpty()) {
            return;
        }
        LocalDate asOf = today();
        List<CustomerSummary> customers = store.read(c -> {
            List<CustomerSummary> result = new ArrayList<>();
            for (String id : new TreeSet<>(customerIds)) {
                CustomerSummary summary = summaries.readOne(c, id, asOf);
                if (summary != null) {
                    result.add(summary);
                }
            }
            return result;
        });
        long now = clock.millis();
        Map<String, String> errors = new ConcurrentHashMap<>();
        List<ScoreRow> rows = scoreChunk(null, now, customers, fitted, errors, RESCORE_LIMIT);
        errors.forEach((plugin, message) -> LOG.warn("plugin {}: re-scoring failed: {}", plugin, message));
        store.inTransaction(c -> {
            scores.write(c, rows, false);
            return null;
        });
    }

    /**
     * The latest model of every scorer. Cached, but checked against the newest fit in the store on
     * each call (an index look-up), so models another instance fitted are used at once.
     */
    private Map<String, StoredModel> latestModels() {
        CachedModels cached = latestModels;
        long newest = store.read(models::newestFit);
        if (cached == null || cached.newestFit() != newest) {
            cached = store.read(c -> new CachedModels(models.newestFit(c), models.latest(c)));
            latestModels = cached;
        }
        return cached.models();
    }

    /** The latest model of each scorer of {@code pluginId}, keyed by scorer class name. */
    public Map<String, StoredModel> modelsOf(String pluginId) {
        Map<String, StoredModel> result = new LinkedHashMap<>();
        latestModels().values().stream().filter(m -> m.pluginId().equals(pluginId)).forEach(m -> result.put(m.scorer(), m));
        return result;
    }

    /** A run's status; a running run includes its live phase and progress. */
    public Optional<RunStatus> status(String runId) {
        Optional<RunStatus> stored = store.read(c -> runs.find(c, runId));
        ActiveRun run = active.get();
        if (stored.isPresent() && run != null && run.id.equals(runId)) {
            RunStatus s = stored.get();
            return Optional.of(new RunStatus(s.id(), s.status(), s.trigger(), s.asOf(), s.plugins(), s.startedAt(), null, null,
                    null, clock.millis() - run.startedAt, null, Map.copyOf(run.pluginErrors), run.phase.get(), run.processed.get()));
        }
        return stored;
    }

    /**
     * Completes when run {@code runId} has finished and its status is stored; empty when that
     * run is not going on (finished long ago, or unknown).
     */
    public Optional<CompletableFuture<Void>> completion(String runId) {
        ActiveRun run = active.get();
        return run != null && run.id.equals(runId) ? Optional.of(run.done) : Optional.empty();
    }

    /** The id of the run going on, if any. */
    public Optional<String> activeRun() {
        ActiveRun run = active.get();
        return run == null ? Optional.empty() : Optional.of(run.id);
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A run in progress: what it runs and how far it got. */
    private static final class ActiveRun {
        final String id;
        final RunRequest request;
        final long startedAt;
        final List<PluginExtension<Scorer>> scorers;
        final Map<String, String> pluginErrors = new ConcurrentHashMap<>();
        final AtomicReference<String> phase = new AtomicReference<>("starting");
        final AtomicLong processed = new AtomicLong();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        ScoringProgress progress = ScoringProgress.NONE;
        Leases.Lease lease;

        ActiveRun(String id, RunRequest request, long startedAt, List<PluginExtension<Scorer>> scorers) {
            this.id = id;
            this.request = request;
            this.startedAt = startedAt;
            this.scorers = scorers;
        }

        ScoringProgress tracking(ScoringProgress outer) {
            progress = new ScoringProgress() {
                @Override
                public void phase(String name, long total) {
                    phase.set(name);
                    processed.set(0);
                    outer.phase(name, total);
                }

                @Override
                public void advanced(long done) {
                    processed.set(done);
                    outer.advanced(done);
                }
            };
            return progress;
        }
    }
}
