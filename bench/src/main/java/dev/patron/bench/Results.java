package dev.patron.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one run and the machine facts, rendered as the Markdown results table. Every row
 * puts Patron's figure beside its peer measured in the same run, with the ratio Patron ÷ peer.
 */
final class Results {

    /** The sections in table order; also the names {@code --only} takes. */
    static final List<String> SECTIONS = List.of("import", "scoring", "postgresql", "clv", "latency", "api", "console", "startup");

    /** Every row id each section produces, measured or not; the smoke test checks them all. */
    static final Map<String, List<String>> ROWS = Map.of(
            "import", List.of("import.orders", "import.loyalty", "import.plugins", "import.retail", "import.loader"),
            "scoring", List.of("scoring.all.duckdb", "scoring.all.sqlite", "scoring.rfm.duckdb", "scoring.rfm.sqlite"),
            "postgresql", List.of("postgresql.scoring.all", "postgresql.scoring.rfm", "postgresql.summary"),
            "clv", List.of("clv.cdnow", "clv.synthetic"),
            "latency", List.of("latency.p50", "latency.p99"),
            "api", List.of("api.rps", "api.p99"),
            "console", List.of("console.first", "console.filtered", "console.sorted", "console.clv", "console.recent", "console.deep", "console.search"),
            "startup", List.of("startup.ready", "startup.rss", "startup.heap"));

    enum Status {
        MEASURED, PENDING, SKIPPED, FAILED;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One line of the table.
     *
     * @param patron Patron's figure, or why there is none
     * @param peer the peer (or limit) and its figure
     * @param ratio Patron ÷ peer; null when not measured
     * @param target the target on the ratio or the figure, "" when none
     * @param met whether the target was met; null when there is no target or no figure
     */
    record Row(String id, String measure, String patron, String peer, Double ratio, String target, Boolean met,
               Status status, String note) {
    }

    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    void fact(String name, String value) {
        facts.put(name, value);
    }

    Map<String, String> facts() {
        return facts;
    }

    void measured(String id, String measure, String patron, String peer, double ratio, String target, Boolean met, String note) {
        add(new Row(id, measure, patron, peer, ratio, target, met, Status.MEASURED, note));
    }

    /** A row without a figure: pending (its subject does not exist yet), skipped or failed, with why. */
    void notMeasured(String id, String measure, Status status, String why, String peer, String note) {
        add(new Row(id, measure, status.word() + ": " + why, peer == null ? "" : peer, null, "", null, status, note));
    }

    /** Every row of {@code section} that is not there yet, as failed with {@code why}. */
    void failSection(String section, String why) {
        for (String id : ROWS.get(section)) {
            if (row(id) == null) {
                notMeasured(id, id, Status.FAILED, why, null, null);
            }
        }
    }

    private synchronized void add(Row row) {
        rows.removeIf(r -> r.id().equals(row.id()));
        rows.add(row);
        System.out.println("  " + row.id() + ": " + row.patron() + (row.peer().isEmpty() ? "" : "  |  " + row.peer())
                + (row.ratio() == null ? "" : "  |  " + Stats.ratio(row.ratio())));
    }

    Row row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    List<Row> rows() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(Results::position));
        return sorted;
    }

    private static int position(Row row) {
        int section = SECTIONS.indexOf(row.id().substring(0, row.id().indexOf('.')));
        int within = ROWS.get(SECTIONS.get(section)).indexOf(row.id());
        return section * 100 + within;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Patron benchmark results\n\n");
        md.append("| fact | value |\n|---|---|\n");
        facts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n"));
        md.append("\nEvery ratio is Patron ÷ its peer measured in this run on this machine: for times, lower is better;"
                + " for throughput (orders/s, requests/s), higher is better.\n\n");
        md.append("| row | measure | Patron | peer, same run | ratio | target | met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows()) {
            md.append("| ").append(row.id())
                    .append(" | ").append(cell(row.measure()))
                    .append(" | ").append(cell(row.patron()))
                    .append(" | ").append(cell(row.peer()))
                    .append(" | ").append(row.ratio() == null ? "—" : Stats.ratio(row.ratio()))
                    .append(" | ").append(row.target().isEmpty() ? "—" : cell(row.target()))
                    .append(" | ").append(row.met() == null ? "—" : row.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        List<Row> noted = rows().stream().filter(r -> r.note() != null && !r.note().isBlank()).toList();
        if (!noted.isEmpty()) {
            md.append("\nNotes:\n\n");
            for (Row row : noted) {
                md.append("- `").append(row.id()).append("`: ").append(row.note().replace("\n", " ")).append('\n');
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
