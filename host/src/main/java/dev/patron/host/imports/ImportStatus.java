package dev.patron.host.imports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import job as it stands: options, progress, what it wrote and which rows it skipped or
 * rejected (counted by code; every one is in the report file).
 *
 * @param status {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param committed whether the job's writes are in the store (false for a dry run and a refused strict import)
 * @param skipped rows skipped by code, e.g. {@code guest-line}
 * @param rejected rows rejected by code, e.g. {@code invalid}
 * @param notes remarks on rows that were imported, by code
 * @param issues every reported issue (a row with two invalid fields has two)
 */
public record ImportStatus(String id, ImportKind kind, String format, String mapping, String source, String fileName,
                           boolean dryRun, boolean strict, String status, Instant createdAt, Instant startedAt,
                           Instant finishedAt, long rowsRead, long bytesRead, Long bytesTotal, ImportTally written,
                           boolean committed, Map<String, Long> skipped, Map<String, Long> rejected, Map<String, Long> notes,
                           long issues, List<Issue> firstIssues, String error, String reportFile) {

    public boolean running() {
        return "running".equals(status) || "queued".equals(status);
    }

    public long rowsSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rowsRejected() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Time spent so far, or in all once finished; null before it starts. */
    public Duration elapsed(Instant now) {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt == null ? now : finishedAt);
    }

    public JsonObject toJson(Instant now) {
        Duration elapsed = elapsed(now);
        double seconds = elapsed == null ? 0 : elapsed.toMillis() / 1000.0;
        JsonObject progress = new JsonObject()
                .put("rowsRead", rowsRead)
                .put("bytesRead", bytesRead)
                .put("bytesTotal", bytesTotal)
                .put("percent", bytesTotal == null || bytesTotal == 0 ? null
                        : Math.min(100.0, Math.round(1000.0 * bytesRead / bytesTotal) / 10.0))
                .put("rowsPerSecond", seconds > 0 ? Math.round(rowsRead / seconds) : null)
                .put("etaSeconds", "running".equals(status) && bytesTotal != null && bytesRead > 0 && seconds > 0
                        ? Math.round(seconds * (bytesTotal - bytesRead) / bytesRead) : null);
        JsonArray first = new JsonArray();
        firstIssues.forEach(i -> first.add(issueJson(i)));
        return new JsonObject()
                .put("id", id)
                .put("kind", kind.json())
                .put("format", format)
                .put("mapping", mapping)
                .put("fileName", fileName)
                .put("source", source)
                .put("dryRun", dryRun)
                .put("strict", strict)
                .put("status", status)
                .put("createdAt", createdAt.toString())
                .put("startedAt", startedAt == null ? null : startedAt.toString())
                .put("finishedAt", finishedAt == null ? null : finishedAt.toString())
                .put("durationMs", elapsed == null ? null : elapsed.toMillis())
                .put("progress", progress)
                .put("committed", committed)
                .put("written", written.toJson())
                .put("rowsSkipped", rowsSkipped())
                .put("rowsRejected", rowsRejected())
                .put("skipped", new JsonObject(new java.util.LinkedHashMap<>(skipped)))
                .put("rejected", new JsonObject(new java.util.LinkedHashMap<>(rejected)))
                .put("notes", new JsonObject(new java.util.LinkedHashMap<>(notes)))
                .put("issues", issues)
                .put("firstIssues", first)
                .put("error", error);
    }

    static JsonObject issueJson(Issue issue) {
        return new JsonObject()
                .put("line", issue.line())
                .put("column", issue.column())
                .put("value", issue.value())
                .put("reason", issue.reason())
                .put("outcome", issue.code().outcome().name().toLowerCase(java.util.Locale.ROOT))
                .put("code", issue.code().code());
    }

    static Issue issueFromJson(JsonObject json) {
        return new Issue(json.getLong("line"), json.getString("column"), json.getString("value"),
                IssueCode.byCode(json.getString("code")), json.getString("reason"));
    }
}
