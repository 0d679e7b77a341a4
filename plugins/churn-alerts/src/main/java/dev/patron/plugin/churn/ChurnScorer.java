package dev.patron.plugin.churn;

import dev.patron.api.PluginContext;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.Scorer;
import java.util.List;
import org.pf4j.Extension;

/**
 * Per-customer churn scores from the order history: {@code overdue_ratio}, {@code spend_change},
 * {@code one_time_days} and the {@code churn_risk} label naming the rules that fire (or
 * {@code none}). Every rule but probability alive is decided here; that one needs the clv
 * plugin's scores and is applied by {@link ChurnRunListener} after the run.
 *
 * <p>Nothing is learned from the population: {@link #fit} stores the settings in force, so a
 * settings change applies to everyone at the next full run, and re-scoring after an order uses the
 * rules of the last run. {@link #score} is a pure function of the summary and the model.
 */
@Extension
public final class ChurnScorer implements Scorer {

    private final PluginContext context;
    private final Money money;
    private final ScoringRules defaults;
    private volatile Compiled last;

    public ChurnScorer(PluginContext context) {
        this.context = context;
        this.money = new Money(context.currency());
        this.defaults = ChurnSettings.defaults().scoringRules(context.currency());
    }

    /**
     * @throws dev.patron.api.PatronPluginException when a stored setting is unusable, naming it
     */
    @Override
    public Model fit(Population population) {
        return ChurnSettings.read(context.settings()).scoringRules(context.currency()).toModel();
    }

    @Override
    public List<Score> score(CustomerSummary customer, Model model) {
        if (!customer.hasOrders()) {
            return List.of();
        }
        return evaluator(model).score(customer);
    }

    /** The evaluator for {@code model}, reused while the host passes the same (or an equal) model. */
    private ChurnEvaluator evaluator(Model model) {
        Compiled cached = last;
        if (cached != null && (cached.model() == model || cached.model().equals(model))) {
            return cached.evaluator();
        }
        ChurnEvaluator evaluator = new ChurnEvaluator(ScoringRules.fromModel(model, defaults), money);
        last = new Compiled(model, evaluator);
        return evaluator;
    }

    private record Compiled(Model model, ChurnEvaluator evaluator) {
    }
}
