package dev.patron.api.jobs;

import java.time.Duration;
import java.time.LocalTime;
import org.pf4j.ExtensionPoint;

/**
 * Work the host runs on a schedule, on a worker thread, never two runs of the same job at once.
 * Either every {@link #interval()} or daily at {@link #dailyAt()} in the shop's time zone.
 */
public interface ScheduledJob extends ExtensionPoint {

    /** Short id, unique within the plugin, e.g. {@code expire-points}. */
    String name();

    /** Run this often; null when the job runs daily instead. */
    default Duration interval() {
        return null;
    }

    /** Run daily at this shop-zone time; used when {@link #interval()} is null. */
    default LocalTime dailyAt() {
        return LocalTime.of(3, 0);
    }

    /** Does the work. Throwing records the failure; the next run happens as scheduled. */
    void run();
}
