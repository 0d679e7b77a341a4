package dev.patron.host.imports;

import dev.patron.host.store.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code import_jobs} table. */
final class ImportJobRepository {

    private static final Sql SQL = Sql.load("sql/imports.sql");

    /** A job's counts as stored in its {@code summary} column. */
    record Summary(ImportTally written, boolean committed, Map<String, Long> skipped, Map<String, Long> rejected,
                   Map<String, Long> notes, long issues) {

        static Summary of(ImportTally written, boolean committed, IssueReport report) {
            Map<String, Long> skipped = new LinkedHashMap<>();
            Map<String, Long> rejected = new LinkedHashMap<>();
            Map<String, Long> notes = new LinkedHashMap<>();
            report.rowsByCode().forEach((code, rows) -> (switch (code.outcome()) {
                case SKIPPED -> skipped;
                case REJECTED -> rejected;
                case NOTE -> notes;
            }).put(code.code(), rows));
            return new Summary(written, committed, skipped, rejected, notes, report.issues());
        }

        String json() {
            return new JsonObject()
                    .put("written", written.toJson())
                    .put("committed", committed)
                    .put("skipped", new JsonObject(new LinkedHashMap<>(skipped)))
                    .put("rejected", new JsonObject(new LinkedHashMap<>(rejected)))
                    .put("notes", new JsonObject(new LinkedHashMap<>(notes)))
                    .put("issues", issues)
                    .encode();
        }

        static Summary parse(String text) {
            if (text == null) {
                return new Summary(new ImportTally(), false, Map.of(), Map.of(), Map.of(), 0);
            }
            JsonObject json = new JsonObject(text);
            return new Summary(ImportTally.fromJson(json.getJsonObject("written")), json.getBoolean("committed", false),
                    counts(json.getJsonObject("skipped")), counts(json.getJsonObject("rejected")),
                    counts(json.getJsonObject("notes")), json.getLong("issues", 0L));
        }

        private static Map<String, Long> counts(JsonObject json) {
            Map<String, Long> counts = new LinkedHashMap<>();
            if (json != null) {
                json.forEach(e -> counts.put(e.getKey(), ((Number) e.getValue()).longValue()));
            }
            return counts;
        }
    }

    void insert(Connection c, String id, ImportOptions options, String source, String owner, long now, Long bytesTotal,
                String reportFile) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(SQL.get("insertJob"))) {
            insert.setString(1, id);
            insert.setString(2, options.kind().json());
            setNullable(insert, 3, options.format() == null ? null : options.format().json());
            setNullable(insert, 4, options.mapping());
            insert.setString(5, options.toJson().encode());
            insert.setString(6, source);
            insert.setString(7, options.fileName());
            insert.setInt(8, options.dryRun() ? 1 : 0);
            insert.setInt(9, options.strict() ? 1 : 0);
            insert.setString(10, owner);
            insert.setLong(11, now);
            insert.setLong(12, now);
            if (bytesTotal == null) {
                insert.setNull(13, Types.BIGINT);
            } else {
                insert.setLong(13, bytesTotal);
            }
            insert.setString(14, reportFile);
            insert.executeUpdate();
        }
    }

    void start(Connection c, String id, ImportFormat format, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(SQL.get("startJob"))) {
            update.setString(1, format == null ? null : format.json());
            update.setLong(2, now);
            update.setLong(3, now);
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    void progress(Connection c, String id, long rowsRead, long bytesRead, Summary summary, List<Issue> first, long now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(SQL.get("progressJob"))) {
            update.setLong(1, rowsRead);
            update.setLong(2, bytesRead);
            update.setString(3, summary.json());
            update.setString(4, issuesJson(first));
            update.setLong(5, now);
            update.setString(6, id);
            update.executeUpdate();
        }
    }

    void finish(Connection c, String id, String status, ImportFormat format, long rowsRead, long bytesRead, Summary summary,
                List<Issue> first, String error, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(SQL.get("finishJob"))) {
            update.setString(1, status);
            update.setLong(2, rowsRead);
            update.setLong(3, bytesRead);
            update.setString(4, summary.json());
            update.setString(5, issuesJson(first));
            setNullable(update, 6, error);
            update.setLong(7, now);
            update.setLong(8, now);
            setNullable(update, 9, format == null ? null : format.json());
            update.setString(10, id);
            update.executeUpdate();
        }
    }

    Optional<Stored> find(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("findJob"))) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    List<Stored> recent(Connection c, int limit) throws SQLException {
        List<Stored> jobs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("recentJobs"))) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    jobs.add(read(rs));
                }
            }
        }
        return jobs;
    }

    /** A stored job: its status, who runs it and the options it was given. */
    record Stored(ImportStatus status, String owner, JsonObject options) {
    }

    private static Stored read(ResultSet rs) throws SQLException {
        Summary summary = Summary.parse(rs.getString(19));
        List<Issue> first = new ArrayList<>();
        String firstJson = rs.getString(20);
        if (firstJson != null) {
            new JsonArray(firstJson).forEach(o -> first.add(ImportStatus.issueFromJson((JsonObject) o)));
        }
        ImportStatus status = new ImportStatus(rs.getString(1), ImportKind.parse(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(6), rs.getString(7), rs.getInt(8) == 1, rs.getInt(9) == 1, rs.getString(10),
                Instant.ofEpochMilli(rs.getLong(12)), instant(rs, 13), instant(rs, 14), rs.getLong(16), rs.getLong(17),
                nullableLong(rs, 18), summary.written(), summary.committed(), summary.skipped(), summary.rejected(),
                summary.notes(), summary.issues(), first, rs.getString(22), rs.getString(21));
        return new Stored(status, rs.getString(11), new JsonObject(rs.getString(5)));
    }

    private static String issuesJson(List<Issue> issues) {
        JsonArray array = new JsonArray();
        issues.forEach(i -> array.add(ImportStatus.issueJson(i)));
        return array.encode();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
