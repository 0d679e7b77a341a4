package dev.patron.api.scoring;

import dev.patron.api.data.PluginDatabase;
import java.time.LocalDate;
import org.pf4j.ExtensionPoint;

/**
 * Told when a full scoring run has finished and every plugin's scores of that run are stored, for
 * work that needs the whole picture (raising alerts from scores, say). Runs in one write
 * transaction of its own, on a worker thread, under a time limit; reading the {@code scores}
 * table through {@code db} shows the run's results, including other plugins'.
 */
public interface RunListener extends ExtensionPoint {

    /** What the run covered. */
    record FinishedRun(String runId, LocalDate asOf, long customers) {
    }

    void runFinished(FinishedRun run, PluginDatabase db);
}
