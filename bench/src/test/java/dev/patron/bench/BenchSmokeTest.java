package dev.patron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole harness at a tiny scale (300 customers, 50 Java requests instead of wrk, one
 * start-up through {@code java -cp}, one-iteration JMH) so it cannot rot. It checks the table's
 * shape only: every row is there and every measured ratio is a positive number. No timing is
 * asserted; performance is judged from full runs (docs/benchmarks.md).
 */
class BenchSmokeTest {

    /** Rows allowed to carry no figure, and the statuses they may have. */
    private static final Map<String, Set<String>> MAY_LACK_A_FIGURE = Map.of(
            "clv.cdnow", Set.of("pending", "skipped"), // no CLV plugin in the folder yet; no ../shared/data (a fresh clone)
            "clv.synthetic", Set.of("pending"),
            "import.retail", Set.of("skipped"), // no ../shared/data (a fresh clone without it)
            "postgresql.scoring.all", Set.of("skipped"), // no PostgreSQL server named (scripts/test names one)
            "postgresql.scoring.rfm", Set.of("skipped"),
            "postgresql.summary", Set.of("skipped"),
            "startup.rss", Set.of("skipped"), // no /proc (not Linux)
            "startup.heap", Set.of("skipped")); // a JRE without jcmd

    @Test
    void theHarnessProducesEveryRowWithPositiveRatios(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("results.md");
        Path retail = RetailSlice.write(Path.of(System.getProperty("patron.bench.retail",
                "../../shared/data/online-retail/online_retail.csv.gz")), tmp.resolve("retail-slice.csv.gz"), 3_000);
        Options options = Options.parse("--scale", "tiny", "--load", "java", "--launcher", "classpath",
                "--plugins", System.getProperty("patron.bench.plugins", "target/bench-plugins"),
                "--cdnow", System.getProperty("patron.bench.cdnow", "../../shared/data/cdnow/CDNOW_master.txt"),
                "--retail", retail.toString(), "--work", tmp.resolve("work").toString(), "--out", out.toString());

        Bench.run(options);

        String markdown = Files.readString(out);
        Map<String, List<String>> table = table(markdown);
        for (String section : Results.SECTIONS) {
            for (String id : Results.ROWS.get(section)) {
                assertThat(table).as("row %s in\n%s", id, markdown).containsKey(id);
                List<String> cells = table.get(id);
                String patron = cells.get(2);
                String ratio = cells.get(4);
                Set<String> allowed = MAY_LACK_A_FIGURE.getOrDefault(id, Set.of());
                String status = patron.contains(":") ? patron.substring(0, patron.indexOf(':')) : "";
                if (allowed.contains(status)) {
                    continue;
                }
                assertThat(ratio).as("ratio of %s in\n%s", id, markdown).matches("[0-9]+(\\.[0-9]+)?x");
                assertThat(Double.parseDouble(ratio.substring(0, ratio.length() - 1))).as("ratio of %s", id).isPositive();
            }
        }
        assertThat(markdown).contains("| cores |", "| JDK |", "| date |", "| scale |");
    }

    /** The results table's rows by id: cells split on unescaped pipes. */
    private static Map<String, List<String>> table(String markdown) {
        Map<String, List<String>> rows = new HashMap<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| row ") || line.startsWith("| fact ")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")) {
                cells.add(cell.trim());
            }
            if (cells.size() == 7) {
                rows.put(cells.get(0), cells);
            }
        }
        return rows;
    }
}
