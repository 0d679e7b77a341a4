package dev.patron.host.scoring;

import dev.patron.host.store.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code scoring_runs} table. */
public final class RunRepository {

    private static final Sql SQL = Sql.load("sql/scoring.sql");

    /** Records a run going on, run by instance {@code owner}. */
    public void insert(Connection c, String id, RunRequest request, long startedAtMillis, String owner) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertRun"))) {
            insert.setString(1, id);
            insert.setString(2, request.trigger());
            insert.setString(3, request.asOf().toString());
            insert.setString(4, new JsonArray(new ArrayList<>(request.plugins())).encode());
            insert.setLong(5, startedAtMillis);
            insert.setString(6, owner);
            insert.executeUpdate();
        }
    }

    public void finish(Connection c, String id, boolean succeeded, long finishedAtMillis, long customers, long scored,
                       long durationMs, String error, Map<String, String> pluginErrors) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(SQL.get("finishRun"))) {
            update.setString(1, succeeded ? "succeeded" : "failed");
            update.setLong(2, finishedAtMillis);
            update.setLong(3, customers);
            update.setLong(4, scored);
            update.setLong(5, durationMs);
            if (error == null) {
                update.setNull(6, Types.VARCHAR);
            } else {
                update.setString(6, error);
            }
            update.setString(7, new JsonObject(new LinkedHashMap<>(pluginErrors)).encode());
            update.setString(8, id);
            update.executeUpdate();
        }
    }

    /**
     * Marks runs left 'running' by an instance that stopped mid-run as failed: those whose
     * instance no longer holds the scoring lease at {@code nowMillis}.
     */
    public int failInterrupted(Connection c, long nowMillis) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(SQL.get("failInterruptedRuns"))) {
            update.setLong(1, nowMillis);
            return update.executeUpdate();
        }
    }

    /** The run some instance is running, if any. */
    public Optional<String> running(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("runningRun")); ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    public Optional<RunStatus> find(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("findRun"))) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<String> plugins = new ArrayList<>();
                new JsonArray(rs.getString(5)).forEach(p -> plugins.add(String.valueOf(p)));
                Map<String, String> pluginErrors = new LinkedHashMap<>();
                String errorsJson = rs.getString(12);
                if (errorsJson != null) {
                    new JsonObject(errorsJson).forEach(e -> pluginErrors.put(e.getKey(), String.valueOf(e.getValue())));
                }
                return Optional.of(new RunStatus(rs.getString(1), rs.getString(2), rs.getString(3), LocalDate.parse(rs.getString(4)),
                        plugins, Instant.ofEpochMilli(rs.getLong(6)), nullableInstant(rs, 7), nullableLong(rs, 8),
                        nullableLong(rs, 9), nullableLong(rs, 10), rs.getString(11), pluginErrors, null, 0));
            }
        }
    }

    private static Instant nullableInstant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
