package dev.patron.plugin.churn;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginContext;
import dev.patron.plugin.churn.ChurnStore.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of the rules as the health check, the console page and {@code GET /status} show it:
 * which rules are on, their thresholds, whether the probability-alive rule is available, and how
 * many customers each rule flags now (this plugin's unresolved alerts, open and acknowledged).
 *
 * <p>The probability-alive rule is <em>available</em> when the latest run the plugin acted on found
 * the clv plugin's {@code p_alive} scores. The plugin API offers no way to ask whether another
 * plugin is installed, and what the rule needs is the scores, not the plugin: clv installed but
 * never run, failed, or uninstalled before any run all mean there is nothing to judge by. Reading
 * the recorded run keeps these checks to one small read, never a scan of {@code scores}.
 */
final class ChurnStatus {

    static final String ACTIVE = "active";
    static final String OFF = "off";
    static final String UNAVAILABLE = "unavailable";

    /** One rule's state. {@code available} is false only for p_alive without clv scores. */
    record RuleState(Rule rule, boolean enabled, boolean available, String state, Map<String, Object> thresholds,
                     long open, long acknowledged) {
        long flagged() {
            return open + acknowledged;
        }
    }

    /** Everything shown; {@code settingsProblem} is set (and rules empty) when stored settings are unusable. */
    record Snapshot(List<RuleState> rules, Optional<RunRecord> lastRun, boolean pAliveAvailable, String pAliveReason,
                    ChurnSettings settings, String settingsProblem) {

        RuleState rule(Rule rule) {
            return rules.stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
        }
    }

    private ChurnStatus() {
    }

    static Snapshot read(PluginContext context) {
        record Read(Optional<RunRecord> run, Map<Rule, long[]> flagged) {
        }
        Read read = context.store().read(db -> new Read(ChurnStore.latestRun(db), ChurnStore.flagged(db, context.pluginId())));
        boolean available = read.run().map(RunRecord::pAliveAvailable).orElse(false);
        String reason = available ? "the clv plugin's p_alive scores were there in run " + read.run().get().runId()
                : read.run().isEmpty() ? "no scoring run has finished since the plugin was installed; a run with the clv"
                        + " plugin installed makes it available"
                : "the latest scoring run (" + read.run().get().runId() + ", as of " + read.run().get().asOf()
                        + ") found no p_alive scores: install and enable the clv plugin, then run scoring";
        ChurnSettings settings;
        try {
            settings = ChurnSettings.read(context.settings());
        } catch (PatronPluginException e) {
            return new Snapshot(List.of(), read.run(), available, reason, null, e.getMessage());
        }
        List<RuleState> rules = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            boolean enabled = settings.enabled(rule);
            boolean ruleAvailable = rule != Rule.P_ALIVE || available;
            String state = !enabled ? OFF : ruleAvailable ? ACTIVE : UNAVAILABLE;
            long[] counts = read.flagged().get(rule);
            rules.add(new RuleState(rule, enabled, ruleAvailable, state, thresholds(rule, settings), counts[0], counts[1]));
        }
        return new Snapshot(rules, read.run(), available, reason, settings, null);
    }

    static Map<String, Object> thresholds(Rule rule, ChurnSettings s) {
        Map<String, Object> t = new LinkedHashMap<>();
        switch (rule) {
            case OVERDUE -> {
                t.put("gapMultiple", s.gapMultiple());
                t.put("minDays", s.overdueMinDays());
            }
            case P_ALIVE -> t.put("threshold", s.pAliveThreshold());
            case SPEND_DECLINE -> {
                t.put("windowDays", s.spendWindowDays());
                t.put("percent", s.spendDeclinePercent());
                t.put("minEarlierSpend", s.minEarlierSpend().toPlainString());
            }
            case ONE_TIME -> t.put("days", s.oneTimeDays());
        }
        return t;
    }

    /** The snapshot as JSON-ready maps (the {@code GET /status} body). */
    static Map<String, Object> json(Snapshot snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleState r : snapshot.rules()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule", r.rule().id());
            rule.put("enabled", r.enabled());
            rule.put("available", r.available());
            rule.put("state", r.state());
            rule.put("thresholds", r.thresholds());
            Map<String, Object> flagged = new LinkedHashMap<>();
            flagged.put("open", r.open());
            flagged.put("acknowledged", r.acknowledged());
            flagged.put("total", r.flagged());
            rule.put("flagged", flagged);
            if (r.rule() == Rule.P_ALIVE && !r.available()) {
                rule.put("unavailableReason", snapshot.pAliveReason());
            }
            rules.add(rule);
        }
        body.put("rules", rules);
        if (snapshot.settingsProblem() != null) {
            body.put("settingsProblem", snapshot.settingsProblem());
        }
        if (snapshot.settings() != null) {
            ChurnSettings s = snapshot.settings();
            Map<String, Object> severity = new LinkedHashMap<>();
            severity.put("byTier", Map.of(SeverityPolicy.PLATINUM, "CRITICAL", SeverityPolicy.GOLD, "WARNING", "other", "INFO"));
            severity.put("useClv", s.useClv());
            severity.put("clvWarning", s.clvWarning().toPlainString());
            severity.put("clvCritical", s.clvCritical().toPlainString());
            severity.put("rule", "the higher of the severity by RFM tier and, when useClv and the customer has a clv score,"
                    + " by CLV; INFO without either");
            body.put("severity", severity);
        }
        body.put("pAliveAvailable", snapshot.pAliveAvailable());
        body.put("lastRun", snapshot.lastRun().map(ChurnStatus::runJson).orElse(null));
        return body;
    }

    private static Map<String, Object> runJson(RunRecord run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", run.runId());
        json.put("asOf", run.asOf());
        json.put("finishedAt", Instant.ofEpochMilli(run.finishedAt()).toString());
        json.put("durationMs", run.durationMs());
        json.put("customers", run.customers());
        json.put("evaluated", run.evaluated());
        json.put("pAliveAvailable", run.pAliveAvailable());
        Map<String, Object> flagged = new LinkedHashMap<>();
        run.flagged().forEach((rule, n) -> flagged.put(rule.id(), n));
        json.put("flagged", flagged);
        json.put("opened", run.opened());
        json.put("refreshed", run.refreshed());
        json.put("resolved", run.resolved());
        json.put("complete", run.complete());
        json.put("resumeAfter", run.resumeAfter());
        return json;
    }
}
