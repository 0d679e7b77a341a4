package dev.patron.host.scoring;

import dev.patron.api.scoring.Model;
import dev.patron.host.store.Sql;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Fitted models per (plugin, scorer) and run, in {@code scoring_models}. */
public final class ModelRepository {

    private static final Sql SQL = Sql.load("sql/scoring.sql");

    /** A stored model and when it was fitted. */
    public record StoredModel(String pluginId, String scorer, Model model, LocalDate asOf, long fittedAtMillis) {
    }

    public void save(Connection c, StoredModel stored, String runId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertModel"))) {
            insert.setString(1, stored.pluginId());
            insert.setString(2, stored.scorer());
            insert.setString(3, runId);
            insert.setString(4, stored.asOf().toString());
            insert.setString(5, ModelJson.toJson(stored.model()).encode());
            insert.setLong(6, stored.fittedAtMillis());
            insert.executeUpdate();
        }
    }

    /** The latest model of every (plugin, scorer), keyed by {@code pluginId + '/' + scorer}. */
    public Map<String, StoredModel> latest(Connection c) throws SQLException {
        Map<String, StoredModel> result = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("latestModels")); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                StoredModel model = new StoredModel(rs.getString(1), rs.getString(2), ModelJson.fromJson(new JsonObject(rs.getString(3))),
                        LocalDate.parse(rs.getString(4)), rs.getLong(5));
                result.put(key(model.pluginId(), model.scorer()), model);
            }
        }
        return result;
    }

    /** When the newest model was fitted (epoch millis), by any instance; 0 when none was. */
    public long newestFit(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("newestFit")); ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public static String key(String pluginId, String scorer) {
        return pluginId + "/" + scorer;
    }
}
