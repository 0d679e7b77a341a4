package dev.patron.host.imports;

import dev.patron.host.Patron;
import dev.patron.host.scoring.RunRequest;
import dev.patron.host.scoring.ScoringEngine;
import dev.patron.host.scoring.ScoringProgress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import jobs of one running Patron. The API and the console submit to the same
 * {@link ImportService}, so each follows the other's running jobs with live counts (a service
 * sees a job another service of the same process runs as interrupted). Jobs run on the worker
 * named {@link #WORKER}, one at a time.
 */
public final class ImportJobs {

    /** The name of the one-thread worker pool that runs import jobs, whoever submitted them. */
    public static final String WORKER = "patron-import";

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final Map<Patron, ImportJobs> BY_PATRON = Collections.synchronizedMap(new WeakHashMap<>());

    private final ImportService service;
    private final ScoringEngine engine;

    private ImportJobs(ImportService service, ScoringEngine engine) {
        this.service = service;
        this.engine = engine;
    }

    /** The jobs of {@code patron}: the same instance for every caller. */
    public static ImportJobs of(Patron patron) {
        return BY_PATRON.computeIfAbsent(patron, p -> new ImportJobs(ImportService.of(p), p.engine()));
    }

    public ImportService service() {
        return service;
    }

    /**
     * Runs a submitted job on the calling thread; with {@code score}, then one full scoring run
     * when the job committed its writes.
     */
    public ImportStatus run(String id, boolean score) {
        ImportStatus status = service.run(id, ImportProgress.NONE);
        if (score && status.committed() && !status.dryRun()) {
            try {
                engine.run(new RunRequest(engine.today(), List.of(), "import"), ScoringProgress.NONE);
            } catch (RuntimeException e) {
                LOG.warn("scoring after import {} did not run: {}", id, e.getMessage());
            }
        }
        return status;
    }
}
