package dev.patron.plugin.churn;

import dev.patron.api.PluginContext;
import dev.patron.api.alerts.AlertRequest;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.scoring.RunListener;
import dev.patron.plugin.churn.ChurnStore.CustomerRow;
import dev.patron.plugin.churn.ChurnStore.OpenAlert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * After every full scoring run, turns the scores into alerts: one per customer and rule that fires
 * (dedup key {@code <rule>:<customer id>}), and resolves this plugin's unresolved alerts whose
 * condition no longer holds. Runs in the host's write transaction for the run.
 *
 * <p><b>What fires.</b> The summary rules (overdue, spend decline, one-time buyer) fire as the
 * plugin's own {@code churn_risk} score of this run says, if the rule is still on. Probability
 * alive fires when the rule is on, the clv plugin's {@code p_alive} scores exist, and the customer's
 * {@code p_alive} is below the threshold. Severity follows {@link SeverityPolicy} from the rfm
 * plugin's {@code tier} and the clv plugin's {@code clv}.
 *
 * <p><b>What resolves.</b> An unresolved alert whose rule does not fire for its customer any more is
 * resolved when that is known: the rule was switched off; p_alive scores are gone (clv uninstalled
 * or never run); or the customer has this run's scores and the rule did not fire. A customer with
 * no scores at all (their scoring failed) keeps their alerts until a run scores them again.
 *
 * <p><b>Scale.</b> Customers are read in pages of {@value #PAGE} in id order ({@link ChurnStore#page}:
 * one index range scan per page, pivoting every needed score into one row), and each page's
 * unresolved alerts are read for exactly its id range. Memory stays constant however many
 * customers there are; the number of statements grows with the number of alerts, which the host's
 * inbox raises and resolves one by one (about a millisecond per new alert, a fifth of that per
 * refresh).
 *
 * <p><b>Time budget.</b> The host stops a listener that overruns its limit and rolls back all it
 * did, so a first run over a big shop (hundreds of thousands of new alerts) would fail the same way
 * every time. The sweep therefore stops after {@link #BUDGET}, commits what it did, and records the
 * last customer it reached; the next run starts after that customer and, once it reaches the last
 * customer, the one after starts from the beginning again. Alerts of customers a run did not reach
 * are left as they are.
 */
@Extension
public final class ChurnRunListener implements RunListener {

    static final int PAGE = 5_000;
    /** Wall time a sweep may take before it stops and leaves the rest to the next run; the host allows 5 minutes. */
    static final Duration BUDGET = Duration.ofMinutes(3);

    /** Says when a sweep must stop; one per run. */
    interface Budget {
        boolean spent();

        /** Spent once {@code duration} of wall time has passed since it was made. */
        static Budget of(Duration duration) {
            long deadline = System.nanoTime() + duration.toNanos();
            return () -> System.nanoTime() - deadline > 0;
        }
    }

    private final PluginContext context;
    private final Money money;
    private final int pageSize;
    private final Supplier<Budget> budgets;

    public ChurnRunListener(PluginContext context) {
        this(context, PAGE, () -> Budget.of(BUDGET));
    }

    /** With a smaller page or another budget, for tests that cross page boundaries or run out of time. */
    ChurnRunListener(PluginContext context, int pageSize, Supplier<Budget> budgets) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, not " + pageSize);
        }
        this.context = context;
        this.money = new Money(context.currency());
        this.pageSize = pageSize;
        this.budgets = budgets;
    }

    @Override
    public void runFinished(FinishedRun run, PluginDatabase db) {
        long startedNanos = System.nanoTime();
        Budget budget = budgets.get();
        ChurnSettings settings = ChurnSettings.read(context.settings());
        String startAfter = ChurnStore.latestRun(db).map(ChurnStore.RunRecord::resumeAfter).orElse(null);
        Sweep sweep = new Sweep(settings, db, ChurnStore.pAliveScoresExist(db), budget);
        sweep.run(startAfter == null ? "" : startAfter);
        long finished = context.clock().millis();
        long durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
        ChurnStore.recordRun(db, new ChurnStore.RunRecord(run.runId(), String.valueOf(run.asOf()), finished,
                durationMs, run.customers(), sweep.evaluated, sweep.pAliveAvailable,
                sweep.flagged, sweep.opened, sweep.refreshed, sweep.resolved, sweep.resumeAfter));
        context.logger().info("after run {}: {} customers looked at{}, flagged {}, {} alerts opened, {} refreshed, {} resolved;"
                        + " p_alive rule {}", run.runId(), sweep.evaluated,
                startAfter == null || startAfter.isEmpty() ? "" : " (from after " + startAfter + ")", sweep.flagged, sweep.opened,
                sweep.refreshed, sweep.resolved,
                !settings.pAliveOn() ? "off" : sweep.pAliveAvailable ? "active" : "unavailable (no clv scores)");
        if (sweep.resumeAfter != null) {
            context.logger().warn("after run {}: stopped at the time budget after customer {}, {} ms in; the next run"
                    + " continues from there", run.runId(), sweep.resumeAfter, durationMs);
        }
    }

    /** One pass over the customers; counts what it did. */
    private final class Sweep {
        private final ChurnSettings settings;
        private final PluginDatabase db;
        private final boolean pAliveAvailable;
        private final SeverityPolicy severity;
        private final Budget budget;
        private final Map<Rule, Long> flagged = new EnumMap<>(Rule.class);
        private long evaluated;
        private long opened;
        private long refreshed;
        private long resolved;
        /** Null when the sweep reached the last customer. */
        private String resumeAfter;

        Sweep(ChurnSettings settings, PluginDatabase db, boolean pAliveAvailable, Budget budget) {
            this.settings = settings;
            this.db = db;
            this.pAliveAvailable = pAliveAvailable;
            this.severity = settings.severityPolicy();
            this.budget = budget;
            for (Rule rule : Rule.values()) {
                flagged.put(rule, 0L);
            }
        }

        /**
         * Walks the customers after {@code startAfter} page by page. Each page covers the id range
         * (previous page's last id, this page's last id], the final page everything after: every
         * unresolved alert in a covered range is looked at exactly once.
         */
        void run(String startAfter) {
            String after = startAfter;
            while (true) {
                List<CustomerRow> page = ChurnStore.page(db, after, pageSize);
                Map<String, CustomerRow> byId = new HashMap<>(page.size() * 2);
                Set<String> firing = new HashSet<>();
                String reached = null;
                boolean outOfTime = false;
                for (CustomerRow row : page) {
                    if (budget.spent()) {
                        outOfTime = true;
                        break;
                    }
                    byId.put(row.customerId(), row);
                    evaluated++;
                    raise(row, firing);
                    reached = row.customerId();
                }
                String upTo;
                if (outOfTime) {
                    if (reached == null) {
                        resumeAfter = after;
                        return;
                    }
                    upTo = reached;
                } else {
                    upTo = page.size() < pageSize ? null : reached;
                }
                List<String> gone = new ArrayList<>();
                for (OpenAlert alert : ChurnStore.openAlerts(db, context.pluginId(), after, upTo)) {
                    Rule rule = Rule.fromId(alert.rule());
                    if (rule != null && !firing.contains(alert.dedupKey()) && conditionGone(rule, byId.get(alert.customerId()))) {
                        gone.add(alert.dedupKey());
                    }
                }
                if (!gone.isEmpty()) {
                    resolved += context.alerts().resolve(gone, db);
                }
                if (outOfTime) {
                    resumeAfter = upTo;
                    return;
                }
                if (upTo == null) {
                    return;
                }
                after = upTo;
            }
        }

        private void raise(CustomerRow row, Set<String> firing) {
            List<Rule> rules = firingRules(row);
            if (rules.isEmpty()) {
                return;
            }
            SeverityPolicy.Verdict verdict = severity.of(row.tier(), row.clv(), money);
            for (Rule rule : rules) {
                String key = rule.dedupKey(row.customerId());
                AlertRequest request = new AlertRequest(key, row.customerId(), rule.id(), verdict.severity(),
                        rule.title() + ": " + displayName(row) + ", " + headline(rule, row),
                        detail(rule, row) + ". " + verdict.explanation() + ".");
                if (context.alerts().raise(request, db)) {
                    opened++;
                } else {
                    refreshed++;
                }
                flagged.merge(rule, 1L, Long::sum);
                firing.add(key);
            }
        }

        private List<Rule> firingRules(CustomerRow row) {
            List<Rule> rules = new ArrayList<>(4);
            if (ChurnEvaluator.LOST.equals(row.risk())) {
                return rules;  // gone beyond the horizon: not even p_alive raises an alert
            }
            for (Rule rule : ChurnEvaluator.rulesIn(row.risk())) {
                if (settings.enabled(rule)) {
                    rules.add(rule);
                }
            }
            if (settings.pAliveOn() && pAliveAvailable && row.pAlive() != null && row.pAlive() < settings.pAliveThreshold()) {
                rules.add(Rule.P_ALIVE);
            }
            return rules;
        }

        /** Whether an unresolved alert that did not fire this time is known to be over. */
        private boolean conditionGone(Rule rule, CustomerRow row) {
            if (!settings.enabled(rule)) {
                return true;
            }
            if (rule == Rule.P_ALIVE) {
                return !pAliveAvailable || row != null && row.pAlive() != null;
            }
            return row != null && row.scored();
        }

        private String detail(Rule rule, CustomerRow row) {
            if (rule == Rule.P_ALIVE) {
                return String.format(Locale.ROOT, "Probability alive %.2f (clv plugin) is below the threshold %s%s",
                        row.pAlive(), ChurnSettings.plain(settings.pAliveThreshold()),
                        row.pAliveWhy() == null ? "" : ": " + row.pAliveWhy());
            }
            String why = row.why(rule);
            return why == null ? "Fired by the churn_risk score: " + row.riskWhy() : why;
        }
    }

    private static String displayName(CustomerRow row) {
        return row.name() == null || row.name().isBlank() ? row.customerId() : row.name() + " (" + row.customerId() + ")";
    }

    private static String headline(Rule rule, CustomerRow row) {
        return switch (rule) {
            case OVERDUE -> row.overdue() == null ? "overdue"
                    : String.format(Locale.ROOT, "%.2f× their usual gap", row.overdue());
            case SPEND_DECLINE -> row.spend() == null ? "spend down"
                    : String.format(Locale.ROOT, "spend %+.1f%%", row.spend());
            case ONE_TIME -> row.oneTime() == null ? "no second purchase"
                    : String.format(Locale.ROOT, "no return in %d days", Math.round(row.oneTime()));
            case P_ALIVE -> String.format(Locale.ROOT, "p_alive %.2f", row.pAlive());
        };
    }
}
