package dev.patron.plugin.churn;

import dev.patron.api.PluginContext;
import dev.patron.api.health.HealthCheck;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Up while the settings are usable. The detail names the active rules and, when the clv plugin's
 * scores are missing, says that the probability-alive rule is unavailable: the other rules still
 * work, so that is a note, not a failure. One small read of the plugin's own run record.
 */
@Extension
public final class ChurnHealth implements HealthCheck {

    private final PluginContext context;

    public ChurnHealth(PluginContext context) {
        this.context = context;
    }

    @Override
    public Health check() {
        ChurnStatus.Snapshot status = ChurnStatus.read(context);
        if (status.settingsProblem() != null) {
            return Health.unhealthy("settings cannot be used, so the next scoring run will raise no churn alerts: "
                    + status.settingsProblem());
        }
        List<String> active = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (ChurnStatus.RuleState rule : status.rules()) {
            if (rule.state().equals(ChurnStatus.ACTIVE)) {
                active.add(rule.rule().id());
            } else if (rule.state().equals(ChurnStatus.OFF)) {
                off.add(rule.rule().id());
            }
        }
        StringBuilder detail = new StringBuilder();
        if (status.rule(Rule.P_ALIVE).state().equals(ChurnStatus.UNAVAILABLE)) {
            detail.append("p_alive rule unavailable: ").append(status.pAliveReason()).append("; ");
        } else {
            detail.append("ok; ");
        }
        detail.append("active rules: ").append(active.isEmpty() ? "none" : String.join(", ", active));
        if (!off.isEmpty()) {
            detail.append("; off: ").append(String.join(", ", off));
        }
        status.lastRun().ifPresent(run -> {
            detail.append("; last run ").append(run.runId()).append(" as of ").append(run.asOf());
            if (!run.complete()) {
                detail.append(" stopped at its time budget after customer ").append(run.resumeAfter())
                        .append(", the next run continues from there");
            }
        });
        return new Health(true, detail.toString());
    }
}
