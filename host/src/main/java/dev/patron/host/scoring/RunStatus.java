package dev.patron.host.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A scoring run as the API shows it.
 *
 * @param status running, succeeded or failed
 * @param phase while running: reading, fitting, scoring or writing; null when finished
 * @param processed customers read or scored so far in the current phase
 * @param pluginErrors per plugin, why its scores are missing from this run
 */
public record RunStatus(String id, String status, String trigger, LocalDate asOf, List<String> plugins, Instant startedAt,
                        Instant finishedAt, Long customers, Long scored, Long durationMs, String error,
                        Map<String, String> pluginErrors, String phase, long processed) {
}
