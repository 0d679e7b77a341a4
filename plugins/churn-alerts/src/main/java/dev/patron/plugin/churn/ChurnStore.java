package dev.patron.plugin.churn;

import dev.patron.api.data.PluginDatabase;
import dev.patron.api.data.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every SQL statement of the plugin. It reads the host's {@code scores}, {@code alerts},
 * {@code customers} and {@code orders} tables and writes only its own {@code churn_alerts_runs}.
 * Plugin ids and score names are constants of the SQL text; every value is a parameter. The SQL
 * is the subset SQLite and PostgreSQL share.
 */
final class ChurnStore {

    static final String CLV = "clv";
    static final String RFM = "rfm";
    static final String P_ALIVE = "p_alive";
    static final String CLV_SCORE = "clv";
    static final String TIER = "tier";
    /** How many ids go into one {@code IN (...)} list. */
    static final int IN_CHUNK = 500;

    private static final String US = "'" + ChurnAlertsPlugin.ID + "'";

    /**
     * One page of customers, in id order, after a given id: the plugin's churn scores, the clv
     * plugin's p_alive and clv, and the rfm plugin's tier pivoted into one row per customer. The
     * range condition and the grouping follow the primary key of {@code scores}
     * (customer_id, plugin_id, name), so each page is one index range scan and no page holds
     * more than {@code LIMIT} customers: the run listener streams a million customers in
     * constant memory. Customers with neither churn scores nor p_alive are left out (they can
     * fire nothing).
     */
    private static final String PAGE = "SELECT p.customer_id AS customer_id, c.name AS name, p.risk AS risk,"
            + " p.risk_why AS risk_why, p.overdue AS overdue, p.overdue_why AS overdue_why, p.spend AS spend,"
            + " p.spend_why AS spend_why, p.one_time AS one_time, p.one_time_why AS one_time_why, p.p_alive AS p_alive,"
            + " p.p_alive_why AS p_alive_why, p.tier AS tier, p.clv AS clv"
            + " FROM (SELECT s.customer_id AS customer_id,"
            + " MAX(CASE WHEN s.plugin_id = " + US + " AND s.name = 'churn_risk' THEN s.label END) AS risk,"
            + " MAX(CASE WHEN s.plugin_id = " + US + " AND s.name = 'churn_risk' THEN s.explanation END) AS risk_why,"
            + " MAX(CASE WHEN s.plugin_id = " + US + " AND s.name = 'overdue_ratio' THEN s.value END) AS overdue,"
            + " MAX(CASE WHEN s.plugin_id = " + US + " AND s.name = 'overdue_ratio' THEN s.explanation END) AS overdue_why,"
            + " MAX(CASE WHEN s.plugin_id = " + US + " AND s.name = 'spend_change' THEN s.value END) AS spend,"
            + " MAX(CASE WHEN s.plugin_id = " + US + " AND s.name = 'spend_change' THEN s.explanation END) AS spend_why,"
            + " MAX(CASE WHEN s.plugin_id = " + US + " AND s.name = 'one_time_days' THEN s.value END) AS one_time,"
            + " MAX(CASE WHEN s.plugin_id = " + US + " AND s.name = 'one_time_days' THEN s.explanation END) AS one_time_why,"
            + " MAX(CASE WHEN s.plugin_id = 'clv' AND s.name = 'p_alive' THEN s.value END) AS p_alive,"
            + " MAX(CASE WHEN s.plugin_id = 'clv' AND s.name = 'p_alive' THEN s.explanation END) AS p_alive_why,"
            + " MAX(CASE WHEN s.plugin_id = 'clv' AND s.name = 'clv' THEN s.value END) AS clv,"
            + " MAX(CASE WHEN s.plugin_id = 'rfm' AND s.name = 'tier' THEN s.label END) AS tier"
            + " FROM scores s"
            + " WHERE s.customer_id > ?"
            + " AND ((s.plugin_id = " + US + " AND s.name IN ('churn_risk', 'overdue_ratio', 'spend_change', 'one_time_days'))"
            + " OR (s.plugin_id = 'clv' AND s.name IN ('p_alive', 'clv'))"
            + " OR (s.plugin_id = 'rfm' AND s.name = 'tier'))"
            + " GROUP BY s.customer_id"
            + " HAVING MAX(CASE WHEN s.plugin_id = " + US + " AND s.name = 'churn_risk' THEN 1 END) IS NOT NULL"
            + " OR MAX(CASE WHEN s.plugin_id = 'clv' AND s.name = 'p_alive' THEN 1 END) IS NOT NULL"
            + " ORDER BY s.customer_id"
            + " LIMIT ?) p"
            + " LEFT JOIN customers c ON c.id = p.customer_id"
            + " ORDER BY p.customer_id";

    private static final String OPEN_IN_RANGE = "SELECT dedup_key, customer_id, rule, status FROM alerts"
            + " WHERE plugin_id = ? AND status <> 'resolved' AND customer_id > ? AND customer_id <= ?";

    private static final String OPEN_AFTER = "SELECT dedup_key, customer_id, rule, status FROM alerts"
            + " WHERE plugin_id = ? AND status <> 'resolved' AND customer_id > ?";

    private static final String P_ALIVE_PROBE = "SELECT customer_id FROM scores WHERE plugin_id = 'clv' AND name = 'p_alive'"
            + " LIMIT 1";

    private static final String FLAGGED = "SELECT rule, status, COUNT(*) AS n FROM alerts"
            + " WHERE plugin_id = ? AND status <> 'resolved' GROUP BY rule, status";

    private static final String INSERT_RUN = "INSERT INTO churn_alerts_runs (run_id, as_of, finished_at, duration_ms, customers,"
            + " evaluated, p_alive_available, flagged_overdue, flagged_p_alive, flagged_spend_decline, flagged_one_time, opened,"
            + " refreshed, resolved, resume_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (run_id) DO UPDATE SET as_of = excluded.as_of, finished_at = excluded.finished_at,"
            + " duration_ms = excluded.duration_ms, customers = excluded.customers, evaluated = excluded.evaluated,"
            + " p_alive_available = excluded.p_alive_available, flagged_overdue = excluded.flagged_overdue,"
            + " flagged_p_alive = excluded.flagged_p_alive, flagged_spend_decline = excluded.flagged_spend_decline,"
            + " flagged_one_time = excluded.flagged_one_time, opened = excluded.opened, refreshed = excluded.refreshed,"
            + " resolved = excluded.resolved, resume_after = excluded.resume_after";

    /** Keeps the newest {@value #KEEP_RUNS} rows. */
    private static final String TRIM_RUNS = "DELETE FROM churn_alerts_runs WHERE finished_at < (SELECT MIN(t.finished_at)"
            + " FROM (SELECT finished_at FROM churn_alerts_runs ORDER BY finished_at DESC LIMIT " + ChurnStore.KEEP_RUNS + ") t)";

    private static final String LATEST_RUN = "SELECT run_id, as_of, finished_at, duration_ms, customers, evaluated,"
            + " p_alive_available, flagged_overdue, flagged_p_alive, flagged_spend_decline, flagged_one_time, opened, refreshed,"
            + " resolved, resume_after FROM churn_alerts_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1";

    private static final String CUSTOMER = "SELECT id, name FROM customers WHERE id = ?";

    private static final String CUSTOMER_SCORES = "SELECT plugin_id, name, value, label, explanation, computed_at FROM scores"
            + " WHERE customer_id = ? AND (plugin_id = " + US + " OR (plugin_id = 'clv' AND name IN ('p_alive', 'clv'))"
            + " OR (plugin_id = 'rfm' AND name = 'tier')) ORDER BY plugin_id, name";

    private static final String CUSTOMER_ALERTS = "SELECT id, dedup_key, rule, severity, title, detail, status, opened_at,"
            + " last_seen_at FROM alerts WHERE plugin_id = ? AND customer_id = ? AND status <> 'resolved'"
            + " ORDER BY opened_at, dedup_key";

    static final int KEEP_RUNS = 100;

    private ChurnStore() {
    }

    /** One customer's scores as the run listener needs them; any column may be null. */
    record CustomerRow(String customerId, String name, String risk, String riskWhy, Double overdue, String overdueWhy,
                       Double spend, String spendWhy, Double oneTime, String oneTimeWhy, Double pAlive, String pAliveWhy,
                       String tier, Double clv) {

        /** Whether the plugin's scorer scored this customer (it always writes {@code churn_risk}). */
        boolean scored() {
            return risk != null;
        }

        /** The explanation of the score behind a summary rule. */
        String why(Rule rule) {
            return switch (rule) {
                case OVERDUE -> overdueWhy;
                case SPEND_DECLINE -> spendWhy;
                case ONE_TIME -> oneTimeWhy;
                case P_ALIVE -> pAliveWhy;
            };
        }
    }

    /** An unresolved alert of this plugin. */
    record OpenAlert(String dedupKey, String customerId, String rule, String status) {
    }

    /** Customers after {@code afterId}, at most {@code limit}, in id order. */
    static List<CustomerRow> page(PluginDatabase db, String afterId, int limit) {
        return db.query(PAGE, ChurnStore::customerRow, afterId, limit);
    }

    private static CustomerRow customerRow(Row r) {
        return new CustomerRow(r.text("customer_id"), r.text("name"), r.text("risk"), r.text("risk_why"),
                r.decimal("overdue"), r.text("overdue_why"), r.decimal("spend"), r.text("spend_why"), r.decimal("one_time"),
                r.text("one_time_why"), r.decimal("p_alive"), r.text("p_alive_why"), r.text("tier"), r.decimal("clv"));
    }

    /** This plugin's unresolved alerts of customers with ids in (afterId, upToId]; no upper bound when {@code upToId} is null. */
    static List<OpenAlert> openAlerts(PluginDatabase db, String pluginId, String afterId, String upToId) {
        return upToId == null
                ? db.query(OPEN_AFTER, ChurnStore::openAlert, pluginId, afterId)
                : db.query(OPEN_IN_RANGE, ChurnStore::openAlert, pluginId, afterId, upToId);
    }

    /** This plugin's unresolved alerts of the given customers, in chunks of {@value #IN_CHUNK} ids. */
    static List<OpenAlert> openAlertsOf(PluginDatabase db, String pluginId, Collection<String> customerIds) {
        List<OpenAlert> result = new ArrayList<>();
        for (List<String> chunk : chunks(customerIds)) {
            Object[] parameters = new Object[chunk.size() + 1];
            parameters[0] = pluginId;
            for (int i = 0; i < chunk.size(); i++) {
                parameters[i + 1] = chunk.get(i);
            }
            result.addAll(db.query("SELECT dedup_key, customer_id, rule, status FROM alerts WHERE plugin_id = ?"
                    + " AND status <> 'resolved' AND customer_id IN (" + placeholders(chunk.size()) + ")",
                    ChurnStore::openAlert, parameters));
        }
        return result;
    }

    /** The epoch millisecond of each customer's latest stored order. */
    static Map<String, Long> lastOrderMillis(PluginDatabase db, Collection<String> customerIds) {
        Map<String, Long> result = new java.util.HashMap<>();
        for (List<String> chunk : chunks(customerIds)) {
            db.query("SELECT customer_id, MAX(placed_at) AS last_at FROM orders WHERE customer_id IN ("
                            + placeholders(chunk.size()) + ") GROUP BY customer_id",
                    r -> result.put(r.text("customer_id"), r.whole("last_at")), chunk.toArray());
        }
        return result;
    }

    private static OpenAlert openAlert(Row r) {
        return new OpenAlert(r.text("dedup_key"), r.text("customer_id"), r.text("rule"), r.text("status"));
    }

    /** Whether the clv plugin's p_alive scores are in the scores table (stops at the first). */
    static boolean pAliveScoresExist(PluginDatabase db) {
        return !db.query(P_ALIVE_PROBE, r -> r.text("customer_id")).isEmpty();
    }

    /** Customers with an unresolved alert, per rule: open and acknowledged. */
    static Map<Rule, long[]> flagged(PluginDatabase db, String pluginId) {
        Map<Rule, long[]> counts = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            counts.put(rule, new long[2]);
        }
        db.query(FLAGGED, r -> {
            Rule rule = Rule.fromId(r.text("rule"));
            if (rule != null) {
                counts.get(rule)["acknowledged".equals(r.text("status")) ? 1 : 0] += r.whole("n");
            }
            return null;
        }, pluginId);
        return counts;
    }

    /**
     * What one run found and did.
     *
     * @param resumeAfter null when the run looked at every customer; else the customer id after which
     *     the next run starts, because this one stopped at its time budget
     */
    record RunRecord(String runId, String asOf, long finishedAt, long durationMs, long customers, long evaluated,
                     boolean pAliveAvailable, Map<Rule, Long> flagged, long opened, long refreshed, long resolved,
                     String resumeAfter) {

        boolean complete() {
            return resumeAfter == null;
        }
    }

    static void recordRun(PluginDatabase db, RunRecord run) {
        db.update(INSERT_RUN, run.runId(), run.asOf(), run.finishedAt(), run.durationMs(), run.customers(), run.evaluated(),
                run.pAliveAvailable(), run.flagged().get(Rule.OVERDUE), run.flagged().get(Rule.P_ALIVE),
                run.flagged().get(Rule.SPEND_DECLINE), run.flagged().get(Rule.ONE_TIME), run.opened(), run.refreshed(),
                run.resolved(), run.resumeAfter());
        db.update(TRIM_RUNS);
    }

    static Optional<RunRecord> latestRun(PluginDatabase db) {
        return db.queryOne(LATEST_RUN, r -> {
            Map<Rule, Long> flagged = new EnumMap<>(Rule.class);
            flagged.put(Rule.OVERDUE, r.whole("flagged_overdue"));
            flagged.put(Rule.P_ALIVE, r.whole("flagged_p_alive"));
            flagged.put(Rule.SPEND_DECLINE, r.whole("flagged_spend_decline"));
            flagged.put(Rule.ONE_TIME, r.whole("flagged_one_time"));
            return new RunRecord(r.text("run_id"), r.text("as_of"), r.whole("finished_at"), r.whole("duration_ms"),
                    r.whole("customers"), r.whole("evaluated"), Boolean.TRUE.equals(r.bool("p_alive_available")), flagged,
                    r.whole("opened"), r.whole("refreshed"), r.whole("resolved"), r.text("resume_after"));
        });
    }

    /** A customer's id and name, if the customer exists. */
    record Customer(String id, String name) {
    }

    static Optional<Customer> customer(PluginDatabase db, String customerId) {
        return db.queryOne(CUSTOMER, r -> new Customer(r.text("id"), r.text("name")), customerId);
    }

    /** One stored score of a customer. */
    record StoredScore(String pluginId, String name, Double value, String label, String explanation, long computedAt) {
    }

    static List<StoredScore> customerScores(PluginDatabase db, String customerId) {
        return db.query(CUSTOMER_SCORES, r -> new StoredScore(r.text("plugin_id"), r.text("name"), r.decimal("value"),
                r.text("label"), r.text("explanation"), r.whole("computed_at")), customerId);
    }

    /** An unresolved alert of a customer, as the panel and the API show it. */
    record CustomerAlert(String id, String dedupKey, String customerId, String rule, String severity, String title,
                         String detail, String status, long openedAt, long lastSeenAt) {
    }

    static List<CustomerAlert> customerAlerts(PluginDatabase db, String pluginId, String customerId) {
        return db.query(CUSTOMER_ALERTS, r -> new CustomerAlert(r.text("id"), r.text("dedup_key"), customerId, r.text("rule"),
                r.text("severity"), r.text("title"), r.text("detail"), r.text("status"), r.whole("opened_at"),
                r.whole("last_seen_at")), pluginId, customerId);
    }

    /**
     * The newest open (not acknowledged) alerts of this plugin, most severe first, at most
     * {@code limit}; only {@code rule}'s when it is not null. One query per severity, each following
     * the inbox's (status, severity, opened_at) index, so it stops after {@code limit} rows.
     */
    static List<CustomerAlert> newestOpen(PluginDatabase db, String pluginId, Rule rule, int limit) {
        List<CustomerAlert> result = new ArrayList<>();
        for (String severity : List.of("CRITICAL", "WARNING", "INFO")) {
            int left = limit - result.size();
            if (left <= 0) {
                break;
            }
            String sql = "SELECT id, dedup_key, customer_id, rule, severity, title, detail, status, opened_at, last_seen_at"
                    + " FROM alerts WHERE status = 'open' AND severity = ? AND plugin_id = ?"
                    + (rule == null ? "" : " AND rule = ?") + " ORDER BY opened_at DESC, id DESC LIMIT ?";
            Object[] parameters = rule == null ? new Object[] {severity, pluginId, left}
                    : new Object[] {severity, pluginId, rule.id(), left};
            result.addAll(db.query(sql, r -> new CustomerAlert(r.text("id"), r.text("dedup_key"), r.text("customer_id"),
                    r.text("rule"), r.text("severity"), r.text("title"), r.text("detail"), r.text("status"),
                    r.whole("opened_at"), r.whole("last_seen_at")), parameters));
        }
        return result;
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>(Math.min(IN_CHUNK, ids.size()));
        for (String id : ids) {
            current.add(id);
            if (current.size() == IN_CHUNK) {
                chunks.add(current);
                current = new ArrayList<>(IN_CHUNK);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static String placeholders(int n) {
        StringBuilder sql = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.toString();
    }
}
