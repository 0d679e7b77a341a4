package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement that takes a list of ids must be driven by those ids. SQLite plans without
 * table statistics and, with a full list of {@link Statements#CHUNK} ids, once preferred an index
 * led by {@code kind}: each import chunk then read every earning ever made, and imports slowed
 * down as the ledger grew. The plans are checked with a full list, on the migrated schema, in
 * SQLite itself whichever store the testkit runs on: the planner is SQLite's.
 */
class QueryPlanTest {

    private static final Pattern IDS_COLUMN = Pattern.compile("(\\w+)\\s+IN \\(:ids\\)");
    /** A whole-table scan, or a search on a time range or kind instead of on the listed ids. */
    private static final Pattern UNDRIVEN = Pattern.compile(
            "SCAN (loyalty_\\w+|orders|refunds|customers)\\b|USING (COVERING )?INDEX \\w+ \\((kind|occurred_at|placed_at|expires_at)\\b");

    @TempDir
    Path dir;

    @Test
    void statementsOverIdListsSearchByThoseIds() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("plans.db"))) {
            for (String script : List.of("db/host/V001__initial_schema.sql", "db/loyalty/V001__ledger.sql",
                    "db/loyalty/V002__indexes_for_id_lists.sql")) {
                run(c, script);
            }
            List<String> checked = new ArrayList<>();
            for (String name : Statements.names()) {
                Matcher ids = IDS_COLUMN.matcher(Statements.get(name));
                if (!ids.find()) {
                    continue;
                }
                List<String> plan = plan(c, Statements.withIds(name, Statements.CHUNK));
                String column = ids.group(1).replaceFirst("^\\w+\\.", "");
                assertThat(plan).as("plan of %s", name)
                        .anySatisfy(line -> assertThat(line).contains("(" + column + "=?"))
                        .noneSatisfy(line -> assertThat(line).containsPattern(UNDRIVEN));
                checked.add(name);
            }
            assertThat(checked).contains("earnings", "expiredFromLots", "pointsEarnedInWindow", "pointsReversedInWindow",
                    "balances", "openLots");
        }
    }

    private static List<String> plan(Connection c, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            int parameters = explain.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                explain.setString(i, "x");
            }
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString("detail"));
                }
            }
        }
        return lines;
    }

    /** Runs a migration script from the classpath, statement by statement (comment lines dropped). */
    private static void run(Connection c, String resource) throws IOException, SQLException {
        String text;
        try (InputStream in = QueryPlanTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test classpath").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line.replaceFirst("--.*$", "")).append('\n');
            }
        }
        try (Statement statement = c.createStatement()) {
            for (String part : sql.toString().split(";")) {
                if (!part.isBlank()) {
                    statement.execute(part);
                }
            }
        }
    }
}
