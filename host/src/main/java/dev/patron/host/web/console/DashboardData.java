package dev.patron.host.web.console;

import dev.patron.host.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dashboard's figures, read in one snapshot. */
public final class DashboardData {

    private static final Sql SQL = Sql.load("sql/console.sql");

    private DashboardData() {
    }

    /** One bar of a chart: a label, its count, and its width in percent of the largest bar. */
    public record Bar(String label, long count, double widthPercent, double sharePercent) {
    }

    /** A bar chart of one label score, e.g. rfm.segment. */
    public record Chart(String pluginId, String name, List<Bar> bars, long total) {
    }

    /** Label distributions of every plugin's {@code segment} and {@code tier} scores, biggest label first. */
    static List<Chart> charts(Connection c) throws SQLException {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("labelDistribution")); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                counts.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new LinkedHashMap<>())
                        .put(rs.getString(3), rs.getLong(4));
            }
        }
        List<Chart> charts = new ArrayList<>();
        counts.forEach((key, labels) -> {
            String[] parts = key.split("\u0000");
            long max = labels.values().stream().mapToLong(Long::longValue).max().orElse(1);
            long total = labels.values().stream().mapToLong(Long::longValue).sum();
            List<Bar> bars = new ArrayList<>();
            labels.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> bars.add(new Bar(e.getKey(), e.getValue(), 100.0 * e.getValue() / max, 100.0 * e.getValue() / total)));
            charts.add(new Chart(parts[0], parts[1], bars, total));
        });
        charts.sort(Comparator.comparing((Chart ch) -> !ch.name().equals("segment")).thenComparing(Chart::pluginId));
        return charts;
    }

    /**
     * The labels of every plugin's score {@code name} (e.g. every segment), sorted, for the
     * customer list's filters: read from the label index a label at a time, so the cost does not
     * grow with the number of customers (the charts above count them all).
     */
    static List<String> labels(Connection c, String name) throws SQLException {
        java.util.TreeSet<String> labels = new java.util.TreeSet<>();
        List<String> plugins = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("labelledPlugins")); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                plugins.add(rs.getString(1));
            }
        }
        for (String plugin : plugins) {
            labels.addAll(labels(c, plugin, name));
        }
        return List.copyOf(labels);
    }

    /** The labels of plugin {@code pluginId}'s score {@code name}, sorted. */
    static List<String> labels(Connection c, String pluginId, String name) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("scoreLabels"))) {
            select.setString(1, pluginId);
            select.setString(2, name);
            select.setString(3, pluginId);
            select.setString(4, name);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
        }
        return labels;
    }

    /** One cell of the R x F heatmap; {@code shade} from 0 (none) to 1 (the fullest cell). */
    public record Cell(int recency, int frequency, long customers, double shade) {
    }

    /**
     * Customers per recency x frequency score (1-5 each) of the plugin that scores {@code recency}
     * and {@code frequency} (rfm); empty when it has not scored.
     */
    static List<Cell> heatmap(Connection c, String pluginId) throws SQLException {
        long[][] counts = new long[6][6];
        long max = 0;
        try (PreparedStatement select = c.prepareStatement(SQL.get("recencyFrequency"))) {
            select.setString(1, pluginId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int r = (int) Math.round(rs.getDouble(1));
                    int f = (int) Math.round(rs.getDouble(2));
                    if (r >= 1 && r <= 5 && f >= 1 && f <= 5) {
                        counts[r][f] += rs.getLong(3);
                        max = Math.max(max, counts[r][f]);
                    }
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        if (max == 0) {
            return cells;
        }
        for (int f = 5; f >= 1; f--) {
            for (int r = 1; r <= 5; r++) {
                cells.add(new Cell(r, f, counts[r][f], (double) counts[r][f] / max));
            }
        }
        return cells;
    }

    /** One customer of a top list. */
    public record Top(String customerId, String name, double value) {
    }

    /**
     * A histogram of one numeric score (e.g. clv.clv) in ten equal buckets from 0 to the 99th
     * percentile (the last bucket takes the rest, so a few huge values do not flatten the chart).
     */
    static Chart histogram(Connection c, String pluginId, String name) throws SQLException {
        List<Double> values = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("scoreValues"))) {
            select.setString(1, pluginId);
            select.setString(2, name);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getDouble(1));
                }
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        double top = Math.max(1, values.get(Math.min(values.size() - 1, (int) Math.floor(values.size() * 0.99))));
        double width = top / 10;
        long[] counts = new long[10];
        for (double v : values) {
            counts[Math.max(0, Math.min(9, (int) Math.floor(v / width)))]++;
        }
        long max = java.util.Arrays.stream(counts).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String label = i == 9 ? "≥ " + round(9 * width) : round(i * width) + " – " + round((i + 1) * width);
            bars.add(new Bar(label, counts[i], 100.0 * counts[i] / Math.max(1, max), 100.0 * counts[i] / values.size()));
        }
        return new Chart(pluginId, name, bars, values.size());
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%,.0f", value);
    }

    static List<Top> top(Connection c, String pluginId, String name, int limit) throws SQLException {
        List<Top> result = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("topByScore"))) {
            select.setString(1, pluginId);
            select.setString(2, name);
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(new Top(rs.getString(1), rs.getString(2), rs.getDouble(3)));
                }
            }
        }
        return result;
    }

    static long activeCustomers(Connection c, long sinceMillis) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("activeCustomers"))) {
            select.setLong(1, sinceMillis);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String latestRunId(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("latestRun")); ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
