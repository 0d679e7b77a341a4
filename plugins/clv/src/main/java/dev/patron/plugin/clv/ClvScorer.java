package dev.patron.plugin.clv;

import dev.patron.api.PluginContext;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.Scorer;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Customer lifetime value. {@link #fit} fits BG/NBD (purchases and survival) and Gamma-Gamma
 * (order value) by maximum likelihood on the population as of the calibration end, or falls back
 * to the margin model with a message when the data cannot support them (see {@link ClvFitter}).
 * {@link #score} then values each customer with orders from their summary and the model alone.
 *
 * <p>Scores per customer with orders: {@code clv} (major units of the shop currency, over the
 * horizon), {@code p_alive} (probabilistic method only), {@code expected_purchases_<horizon>d}
 * (e.g. {@code expected_purchases_365d}) and {@code expected_order_value} (major units).
 *
 * <p>Settings are read at fit time and stored in the model. Thread-safe: the only state is a
 * cache of the last compiled model, replaced as a whole.
 */
@Extension
public final class ClvScorer implements Scorer {

    static final String CLV = "clv";
    static final String P_ALIVE = "p_alive";
    static final String EXPECTED_ORDER_VALUE = "expected_order_value";

    private final PluginContext context;
    private final Decimals decimals;
    private volatile Compiled last;

    /** Called by the host with the plugin's context; settings are read from it at each fit. */
    public ClvScorer(PluginContext context) {
        this.context = context;
        this.decimals = new Decimals(context.currency());
    }

    /**
     * Fits the models on the whole population. Never returns {@link Model#EMPTY}: when nothing can
     * be fitted (no orders at all, say) the model holds the margin model and the reason, so the
     * model page explains it and customers re-scored after their first order are still valued.
     *
     * @throws dev.patron.api.PatronPluginException if a setting is invalid, naming it and the fix
     */
    @Override
    public Model fit(Population population) {
        ClvSettings settings = ClvSettings.read(context.settings());
        ClvModel fitted = ClvFitter.fit(population, settings, context.currency().getCurrencyCode(),
                decimals.minorPerMajor());
        Model model = fitted.toModel();
        last = new Compiled(model, new ClvEngine(fitted, decimals.minorPerMajor()), new Explanations(fitted, decimals));
        if (fitted.fallback != null) {
            context.logger().info("clv: margin model in force: {}", fitted.fallback);
        }
        fitted.warnings.forEach(w -> context.logger().info("clv: {}", w));
        return model;
    }

    /** Scores one customer from the model alone; nothing for a customer without orders or for {@link Model#EMPTY}. */
    @Override
    public List<Score> score(CustomerSummary customer, Model model) {
        if (!customer.hasOrders() || model.isEmpty()) {
            return List.of();
        }
        Compiled compiled = compile(model);
        ClvEngine.Value v = compiled.engine().value(customer, new PurchaseHistory());
        if (v == null) {
            return List.of();
        }
        Explanations explain = compiled.explanations();
        List<Score> scores = new ArrayList<>(4);
        scores.add(Score.numeric(CLV, decimals.roundMoney(v.clv()), explain.clv(v)));
        if (!Double.isNaN(v.pAlive())) {
            scores.add(Score.numeric(P_ALIVE, v.pAlive(), explain.pAlive(v)));
        }
        scores.add(Score.numeric(compiled.engine().model().expectedPurchasesName(), v.expectedPurchases(),
                explain.expectedPurchases(v)));
        scores.add(Score.numeric(EXPECTED_ORDER_VALUE, decimals.roundMoney(v.expectedOrderValue()),
                explain.expectedOrderValue(v)));
        return scores;
    }

    /** The typed form of {@code model}, reused while the host keeps passing the same (or an equal) model. */
    private Compiled compile(Model model) {
        Compiled cached = last;
        if (cached != null && (cached.source() == model || cached.source().equals(model))) {
            return cached;
        }
        ClvModel clv = ClvModel.from(model);
        Compiled compiled = new Compiled(model, new ClvEngine(clv, decimals.minorPerMajor()), new Explanations(clv, decimals));
        last = compiled;
        return compiled;
    }

    private record Compiled(Model source, ClvEngine engine, Explanations explanations) {
    }
}
