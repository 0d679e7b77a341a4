package dev.patron.api.scoring;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Computes named scores for customers from the summary the host builds in one pass over the
 * orders. Implementations are pure functions: no IO, no shared mutable state. The host calls
 * {@link #fit} once per full scoring run on a worker thread, stores the returned model, and then
 * calls {@link #score} for every customer, possibly from several threads at once. After an
 * order arrives the host re-scores that one customer with the last stored model, without a refit.
 *
 * <p>Mark implementations with {@code @Extension}. If the class has a public constructor taking a
 * {@link dev.patron.api.PluginContext}, the host uses it.
 */
public interface Scorer extends ExtensionPoint {

    /**
     * Learns what scoring needs from the whole population (cut points, model parameters).
     * Called once per full run. The default learns nothing.
     *
     * @param population every customer, including those without orders; never null
     * @return the fitted model, stored by the host as the scorer's latest; never null
     */
    default Model fit(Population population) {
        return Model.EMPTY;
    }

    /**
     * Scores one customer.
     *
     * @param customer the customer's summary as of {@link CustomerSummary#asOf()}; never null
     * @param model the model returned by the latest {@link #fit}, or {@link Model#EMPTY} if no
     *     run has fitted one yet; never null
     * @return the customer's scores; empty when the scorer has nothing to say about this
     *     customer (for example no orders). Names must be unique within the plugin.
     */
    List<Score> score(CustomerSummary customer, Model model);
}
