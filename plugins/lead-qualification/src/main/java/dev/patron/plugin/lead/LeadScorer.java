package dev.patron.plugin.lead;

import dev.patron.api.PluginContext;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.Scorer;
import java.util.List;
import org.pf4j.Extension;

/**
 * Qualifies every lead by the MAN (or BANT) rule. Scores per lead:
 * <ul>
 *   <li>{@code class} (label): {@code qualified}, {@code potential}, {@code lead},
 *       {@code not_target} or {@code converted};</li>
 *   <li>{@code combination} (label): the met criteria, e.g. {@code M+A}, {@code M+A+N}, {@code none};</li>
 *   <li>{@code priority} (number): the follow-up priority, see {@link Mode};</li>
 *   <li>{@code money}, {@code authority}, {@code need} and in BANT mode {@code timeline}: value
 *       1 or 0, label ✓ or ✗, and the evidence as explanation.</li>
 * </ul>
 * Customers without any of the configured attributes are not leads and get no scores. A lead
 * with an order up to the scoring date is {@code converted} (priority 0); the other scores still
 * show what the profile meets.
 *
 * <p>Nothing is learned from the population: the model only freezes the settings in force at the
 * full run, so re-scoring after an order uses the same rule as the run. Before any full run the
 * model is empty and the current settings apply.
 */
@Extension
public final class LeadScorer implements Scorer {

    private final PluginContext context;
    private volatile Compiled last;

    /** Called by the host with the plugin's context; settings are read from it at each fit. */
    public LeadScorer(PluginContext context) {
        this.context = context;
    }

    /**
     * Freezes the current settings into the model.
     *
     * @throws dev.patron.api.PatronPluginException if a setting is invalid, naming it and the fix
     */
    @Override
    public Model fit(Population population) {
        LeadSettings settings = LeadSettings.read(context.settings());
        Model.Builder builder = Model.builder().number("modelVersion", 1);
        settings.writeTo(builder);
        Model model = builder.build();
        last = new Compiled(model, new Qualifier(settings, context.currency()));
        return model;
    }

    @Override
    public List<Score> score(CustomerSummary customer, Model model) {
        Qualifier qualifier = compile(model);
        if (!qualifier.isLead(customer.attributes())) {
            return List.of();
        }
        return qualifier.qualify(customer.attributes(), customer.asOf(), customer.zone(),
                customer.hasOrders() ? customer.orderDay(0) : null).scores();
    }

    /** The rule for {@code model}, reused while the host keeps passing the same (or an equal) model. */
    private Qualifier compile(Model model) {
        Compiled cached = last;
        if (cached != null && (cached.source() == model || cached.source().equals(model))) {
            return cached.qualifier();
        }
        LeadSettings settings = LeadSettings.fromModel(model);
        if (settings == null) {
            // Not fitted yet: the settings as they are now. Not cached, so a settings change shows at once.
            return new Qualifier(LeadSettings.read(context.settings()), context.currency());
        }
        Qualifier qualifier = new Qualifier(settings, context.currency());
        last = new Compiled(model, qualifier);
        return qualifier;
    }

    private record Compiled(Model source, Qualifier qualifier) {
    }
}
