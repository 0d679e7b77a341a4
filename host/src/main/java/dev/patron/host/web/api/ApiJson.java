package dev.patron.host.web.api;

import dev.patron.host.plugins.PluginInfo;
import dev.patron.host.scoring.RunStatus;
import dev.patron.host.scoring.ScoreRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** JSON shapes of scores, runs and plugins (docs/http-api.md). */
final class ApiJson {

    private ApiJson() {
    }

    static JsonObject scores(String customerId, List<ScoreRow> rows) {
        JsonArray list = new JsonArray();
        for (ScoreRow row : rows) {
            list.add(new JsonObject()
                    .put("plugin", row.pluginId())
                    .put("name", row.score().name())
                    .put("value", row.score().value())
                    .put("label", row.score().label())
                    .put("explanation", row.score().explanation())
                    .put("runId", row.runId())
                    .put("computedAt", Instant.ofEpochMilli(row.computedAtMillis()).toString()));
        }
        return new JsonObject().put("customerId", customerId).put("scores", list);
    }

    static JsonObject run(RunStatus run) {
        JsonObject json = new JsonObject()
                .put("id", run.id())
                .put("status", run.status())
                .put("trigger", run.trigger())
                .put("asOf", run.asOf().toString())
                .put("plugins", new JsonArray(List.copyOf(run.plugins())))
                .put("startedAt", run.startedAt().toString())
                .put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString())
                .put("customers", run.customers())
                .put("scored", run.scored())
                .put("durationMs", run.durationMs())
                .put("error", run.error())
                .put("pluginErrors", new JsonObject(new java.util.LinkedHashMap<>(run.pluginErrors())));
        if (run.phase() != null) {
            json.put("progress", new JsonObject().put("phase", run.phase()).put("processed", run.processed()));
        }
        return json;
    }

    static JsonObject plugin(PluginInfo info) {
        return new JsonObject()
                .put("id", info.id())
                .put("version", info.version())
                .put("provider", info.provider())
                .put("description", info.description())
                .put("requires", info.requires())
                .put("dependencies", info.dependencies())
                .put("state", info.state())
                .put("enabled", info.enabled())
                .put("error", info.error());
    }
}
