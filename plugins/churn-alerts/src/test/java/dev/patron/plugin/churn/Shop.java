package dev.patron.plugin.churn;

import dev.patron.api.scoring.RunListener;
import dev.patron.testkit.PluginTestbed;
import dev.patron.testkit.RaisedAlert;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helpers over a {@link PluginTestbed}: a full run as the host does it (the scorer's run,
 * then the run listener in a write transaction of its own), and other plugins' scores written
 * straight into {@code scores}, since the testbed scores only the plugin under test.
 */
final class Shop {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private Shop() {
    }

    /**
     * A full scoring run as of {@code asOf}: the churn scorer scores everyone (rows in
     * {@code scores}), then the listener acts on the run in one write transaction, as the host's
     * ScoringEngine does. The testbed has no way to run a {@link RunListener}, so this calls it
     * with the testbed's own {@code PluginStore.write} handle.
     */
    static String run(PluginTestbed bed, LocalDate asOf) {
        return run(bed, asOf, bed.extension(ChurnRunListener.class));
    }

    static String run(PluginTestbed bed, LocalDate asOf, ChurnRunListener listener) {
        bed.score(bed.extension(ChurnScorer.class), asOf);
        String runId = "run-" + RUNS.incrementAndGet();
        long customers = bed.queryOne("SELECT COUNT(*) AS n FROM customers", r -> r.whole("n")).orElse(0L);
        bed.store().write(db -> {
            listener.runFinished(new RunListener.FinishedRun(runId, asOf, customers), db);
            return null;
        });
        return runId;
    }

    /** A full run as of the testbed's today. */
    static String run(PluginTestbed bed) {
        return run(bed, bed.today());
    }

    /** Writes (or replaces) another plugin's score for a customer, as that plugin's run would. */
    static void score(PluginTestbed bed, String customerId, String pluginId, String name, Double value, String label) {
        bed.update("INSERT INTO scores (customer_id, plugin_id, name, value, label, explanation, run_id, computed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?) ON CONFLICT (customer_id, plugin_id, name) DO UPDATE SET"
                        + " value = excluded.value, label = excluded.label, explanation = excluded.explanation,"
                        + " computed_at = excluded.computed_at",
                customerId, pluginId, name, value, label, pluginId + " " + name + " for " + customerId, bed.now());
    }

    static void pAlive(PluginTestbed bed, String customerId, double value) {
        score(bed, customerId, "clv", "p_alive", value, null);
    }

    static void tier(PluginTestbed bed, String customerId, String tier) {
        score(bed, customerId, "rfm", "tier", null, tier);
    }

    static void clv(PluginTestbed bed, String customerId, double value) {
        score(bed, customerId, "clv", "clv", value, null);
    }

    /** The plugin's alerts with this rule, oldest first. */
    static List<RaisedAlert> alerts(PluginTestbed bed, String rule) {
        return bed.alerts().stream().filter(a -> a.rule().equals(rule)).toList();
    }

    /** The plugin's alerts with this dedup key, oldest first. */
    static List<RaisedAlert> alertsWithKey(PluginTestbed bed, String key) {
        return bed.alerts().stream().filter(a -> a.dedupKey().equals(key)).toList();
    }

    /** Lifecycle events in the webhook outbox of this type, e.g. {@code alert.opened}. */
    static long outbox(PluginTestbed bed, String type) {
        return bed.queryOne("SELECT COUNT(*) AS n FROM outbox WHERE event_type = ?", r -> r.whole("n"), type).orElse(0L);
    }

    /** Marks an alert acknowledged as staff would in the inbox (the testbed has no call for it). */
    static void acknowledge(PluginTestbed bed, String dedupKey) {
        bed.update("UPDATE alerts SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = 'staff'"
                + " WHERE plugin_id = ? AND dedup_key = ? AND status = 'open'", bed.now(), bed.pluginId(), dedupKey);
    }

    /**
     * A regular customer: four orders of 100.00, 30 days apart (2026-01-05 to 2026-04-05), so by
     * the testbed's default today (2026-06-30) 86 days have passed since the last, 2.87 × the gap.
     */
    static void regular(PluginTestbed bed, String id) {
        bed.customer(id, java.util.Map.of());
        bed.order(id + "-o1", id, "2026-01-05T10:00:00Z", 100_00);
        bed.order(id + "-o2", id, "2026-02-04T10:00:00Z", 100_00);
        bed.order(id + "-o3", id, "2026-03-06T10:00:00Z", 100_00);
        bed.order(id + "-o4", id, "2026-04-05T10:00:00Z", 100_00);
    }
}
