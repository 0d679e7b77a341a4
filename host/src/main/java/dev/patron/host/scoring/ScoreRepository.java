package dev.patron.host.scoring;

import dev.patron.api.scoring.Score;
import dev.patron.host.store.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Current scores ({@code scores}) and their per-run history ({@code score_history}). */
public final class ScoreRepository {

    private static final Sql SQL = Sql.load("sql/scoring.sql");

    /**
     * Upserts current scores; a row already computed later than {@code computedAt} (by an
     * incremental re-score during a run) is kept. With {@code history}, also appends the run's
     * scores to the history; rows must then come grouped by customer and plugin, as a run
     * produces them.
     */
    public void write(Connection c, List<ScoreRow> rows, boolean history) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(SQL.get("upsertScore"))) {
            for (ScoreRow row : rows) {
                Score s = row.score();
                upsert.setString(1, row.customerId());
                upsert.setString(2, row.pluginId());
                upsert.setString(3, s.name());
                setDouble(upsert, 4, s.value());
                upsert.setString(5, s.label());
                upsert.setString(6, s.explanation());
                upsert.setString(7, row.runId());
                upsert.setLong(8, row.computedAtMillis());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        if (!history) {
            return;
        }
        writeHistory(c, rows);
    }

    /** Appends one history row per customer and plugin: the run's scores as {"name": [value, label]}. */
    private static void writeHistory(Connection c, List<ScoreRow> rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertHistory"))) {
            int start = 0;
            while (start < rows.size()) {
                ScoreRow first = rows.get(start);
                JsonObject scores = new JsonObject();
                int end = start;
                while (end < rows.size() && rows.get(end).customerId().equals(first.customerId())
                        && rows.get(end).pluginId().equals(first.pluginId())) {
                    Score s = rows.get(end).score();
                    scores.put(s.name(), new JsonArray().add(s.value()).add(s.label()));
                    end++;
                }
                insert.setString(1, first.customerId());
                insert.setString(2, first.pluginId());
                insert.setString(3, first.runId());
                insert.setLong(4, first.computedAtMillis());
                insert.setString(5, scores.encode());
                insert.addBatch();
                start = end;
            }
            insert.executeBatch();
        }
    }

    /** Removes a plugin's scores that a full run starting at {@code runStartMillis} did not refresh. */
    public int deleteStale(Connection c, String pluginId, long runStartMillis) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(SQL.get("deleteStaleScores"))) {
            delete.setString(1, pluginId);
            delete.setLong(2, runStartMillis);
            return delete.executeUpdate();
        }
    }

    /** Removes one customer's scores of one plugin computed up to {@code upToMillis}. */
    public void deleteCustomer(Connection c, String customerId, String pluginId, long upToMillis) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(SQL.get("deleteCustomerScores"))) {
            delete.setString(1, customerId);
            delete.setString(2, pluginId);
            delete.setLong(3, upToMillis);
            delete.executeUpdate();
        }
    }

    public List<ScoreRow> ofCustomer(Connection c, String customerId) throws SQLException {
        List<ScoreRow> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("customerScores"))) {
            select.setString(1, customerId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble(3);
                    Double boxed = rs.wasNull() ? null : value;
                    rows.add(new ScoreRow(customerId, rs.getString(1), new Score(rs.getString(2), boxed, rs.getString(4),
                            rs.getString(5)), rs.getString(6), rs.getLong(7)));
                }
            }
        }
        return rows;
    }

    /** How many customers carry each label of one score, e.g. the size of every RFM segment. */
    public Map<String, Long> labelCounts(Connection c, String pluginId, String name) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("labelCounts"))) {
            select.setString(1, pluginId);
            select.setString(2, name);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
