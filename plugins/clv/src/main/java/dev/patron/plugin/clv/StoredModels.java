package dev.patron.plugin.clv;

import dev.patron.api.PatronPluginException;
import dev.patron.api.data.PluginStore;
import dev.patron.api.scoring.Model;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the latest CLV model the host stored after a full scoring run, from the host's
 * {@code scoring_models} table (plugin_id, scorer, run_id, as_of, model JSON, fitted_at).
 */
final class StoredModels {

    static final String SCORER = ClvScorer.class.getName();

    /** A stored model with its run. */
    record Stored(String runId, String asOf, Instant fittedAt, ClvModel model) {
    }

    private record Row(String runId, String asOf, String json, long fittedAt) {
    }

    private StoredModels() {
    }

    /** The model of the latest fit of this plugin's scorer, if any run has fitted one. */
    static Optional<Stored> latest(PluginStore store, String pluginId) {
        Optional<Row> row = store.read(db -> db.queryOne(
                "SELECT run_id, as_of, model, fitted_at FROM scoring_models WHERE plugin_id = ? AND scorer = ?"
                        + " ORDER BY fitted_at DESC, run_id DESC LIMIT 1",
                r -> new Row(r.text("run_id"), r.text("as_of"), r.text("model"), r.whole("fitted_at")), pluginId, SCORER));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        return Optional.of(new Stored(r.runId(), r.asOf(), Instant.ofEpochMilli(r.fittedAt()), ClvModel.from(parse(r.json()))));
    }

    /** The host's model JSON ({@code {"numbers":{},"arrays":{},"texts":{}}}) as a {@link Model}. */
    static Model parse(String json) {
        Object parsed;
        try {
            parsed = MiniJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new PatronPluginException("the stored CLV model is not valid JSON (" + e.getMessage()
                    + "); run a full scoring run so the clv plugin fits a new model");
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new PatronPluginException("the stored CLV model is not a JSON object; run a full scoring run");
        }
        Model.Builder builder = Model.builder();
        members(root, "numbers").forEach((name, value) -> {
            if (value instanceof Double number) {
                builder.number(name, number);
            }
        });
        members(root, "arrays").forEach((name, value) -> {
            if (value instanceof List<?> list) {
                double[] values = new double[list.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = list.get(i) instanceof Double d ? d : Double.NaN;
                }
                builder.array(name, values);
            }
        });
        members(root, "texts").forEach((name, value) -> {
            if (value instanceof String text) {
                builder.text(name, text);
            }
        });
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> members(Map<?, ?> root, String name) {
        Object value = root.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
