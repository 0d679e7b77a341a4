package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement that takes a list of ids must be driven by those ids. SQLite plans without
 * table statistics and, with a full list of {@link Statements#CHUNK} ids, once preferred an index
 * led by {@code kind}: each import chunk then read every earning ever made, and imports slowed
 * down as the ledger grew. The plans are checked with a full list, on the migrated schema.
 */
class QueryPlanTest {

    private static final Pattern IDS_COLUMN = Pattern.compile("(\\w+)\\s+IN \\(:ids\\)");
    /** A whole-table scan, or a search on a time range or kind instead of on the listed ids. */
    private static final Pattern UNDRIVEN = Pattern.compile(
            "SCAN (loyalty_\\w+|orders|refunds|customers)\\b|USING (COVERING )?INDEX \\w+ \\((kind|occurred_at|placed_at|expires_at)\\b");

    @TempDir
    Path dir;

    @Test
    void statementsOverIdListsSearchByThoseIds() {
        try (PluginTestbed bed = PluginTestbed.forPlugin("loyalty").start(dir)) {
            bed.migrate();
            List<String> checked = new ArrayList<>();
            for (String name : Statements.names()) {
                Matcher ids = IDS_COLUMN.matcher(Statements.get(name));
                if (!ids.find()) {
                    continue;
                }
                String sql = Statements.withIds(name, Statements.CHUNK);
                int parameters = (int) sql.chars().filter(ch -> ch == '?').count();
                List<String> plan = bed.query("EXPLAIN QUERY PLAN " + sql, r -> r.text("detail"),
                        Collections.nCopies(parameters, "x").toArray());
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
}
