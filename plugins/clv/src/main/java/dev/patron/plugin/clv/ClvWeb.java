package dev.patron.plugin.clv;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginContext;
import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiResponse;
import dev.patron.api.web.ApiRoute;
import dev.patron.api.web.ConsolePage;
import dev.patron.api.web.PageRequest;
import dev.patron.api.web.PageView;
import dev.patron.api.web.WebContribution;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * What the plugin adds to the API and the console:
 * <ul>
 *   <li>{@code GET /api/v1/plugins/clv/model}: the latest stored model, both fits with their
 *       parameters, log-likelihoods, customers used, time unit, as-of date and convergence;</li>
 *   <li>the console page {@code /console/plugins/clv}: the same, with warnings and a histogram of
 *       CLV drawn as SVG on the server;</li>
 *   <li>a panel on each customer's page with their CLV scores and explanations.</li>
 * </ul>
 * Everything is read from the host's tables ({@code scoring_models}, {@code scores}) through the
 * plugin store; nothing is cached.
 */
@Extension
public final class ClvWeb implements WebContribution {

    private final PluginContext context;
    private final Decimals decimals;

    public ClvWeb(PluginContext context) {
        this.context = context;
        this.decimals = new Decimals(context.currency());
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/model", "The latest fitted CLV models (BG/NBD and Gamma-Gamma): parameters,"
                + " log-likelihood, customers used, time unit, as-of date, convergence and warnings", request -> model()));
    }

    ApiResponse model() {
        Optional<StoredModels.Stored> latest;
        try {
            latest = StoredModels.latest(context.store(), context.pluginId());
        } catch (PatronPluginException e) {
            throw new ApiProblem(500, "Unreadable CLV model", e.getMessage());
        }
        return latest.map(stored -> ApiResponse.ok(ModelReport.json(stored, decimals)))
                .orElseThrow(() -> new ApiProblem(404, "No CLV model yet", "the clv plugin has not been fitted yet; start a"
                        + " full scoring run (bin/patron score or POST /api/v1/scoring/runs) and ask again"));
    }

    @Override
    public List<ConsolePage> pages() {
        return List.of(new ConsolePage("/", "clv.nav", "clv.title", this::modelPage));
    }

    PageView modelPage(PageRequest request) {
        return new PageView("model.ftlh",
                ModelPage.view(StoredModels.latest(context.store(), context.pluginId()), decimals, context.shopZone()));
    }

    @Override
    public Optional<PageView> customerPanel(PageRequest request) {
        if (request.customerId() == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = CustomerPanel.rows(context.store(), context.pluginId(), request.customerId(),
                decimals, context.currency().getCurrencyCode());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PageView("panel.ftlh", Map.of("customerId", request.customerId(), "scores", rows)));
    }
}
