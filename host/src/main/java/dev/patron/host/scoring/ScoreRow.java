package dev.patron.host.scoring;

import dev.patron.api.scoring.Score;

/** One customer's score from one plugin, as stored. */
public record ScoreRow(String customerId, String pluginId, Score score, String runId, long computedAtMillis) {
}
