package dev.patron.plugin.rfm;

import dev.patron.api.PluginContext;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.Scorer;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * Recency, frequency and monetary quintile scores, the RFM code, a named segment and a value tier.
 *
 * <p>Only customers with at least one order take part: a customer who never bought has no
 * recency, and counting them would push every buyer's frequency score up for no reason. For each
 * buyer, R is {@link CustomerSummary#daysSinceLastOrder()}, F the number of orders and M the net
 * spend (or net spend per order, setting {@value RfmSettings#MONETARY}). See {@link QuintileCuts}
 * for the scoring rule, {@link SegmentTable} for segments and {@link ValueTiers} for tiers.
 *
 * <p>Scores per buyer: {@code recency}, {@code frequency}, {@code monetary} (1-5 each),
 * {@code rfm} (e.g. 545, with label "545"), {@code segment} and {@code tier} (labels).
 *
 * <p>Settings are read at fit time and stored in the model, so {@link #score} depends only on
 * the customer and the model. It is safe to call from several threads: the only state is a cache
 * of the last compiled model, replaced as a whole.
 */
@Extension
public final class RfmScorer implements Scorer {

    static final String RECENCY = "recency";
    static final String FREQUENCY = "frequency";
    static final String MONETARY = "monetary";
    static final String RFM = "rfm";
    static final String SEGMENT = "segment";
    static final String TIER = "tier";

    private final PluginContext context;
    private final MoneyFormat money;
    private volatile Compiled last;

    /** Called by the host with the plugin's context; settings are read from it at each fit. */
    public RfmScorer(PluginContext context) {
        this.context = context;
        this.money = new MoneyFormat(context.currency());
    }

    /**
     * Ranks every customer with at least one order. One pass collects R, F and M into primitive
     * arrays, then each dimension is sorted once; the monetary sort serves both the quintiles and
     * the tiers. With no buyer at all there is nothing to rank against, so the model is
     * {@link Model#EMPTY} and nobody is scored until a run sees an order.
     *
     * @throws dev.patron.api.PatronPluginException if a setting is invalid, naming it and the fix
     */
    @Override
    public Model fit(Population population) {
        RfmSettings settings = RfmSettings.read(context.settings());
        int capacity = Math.max(16, population.size());
        double[] recency = new double[capacity];
        double[] frequency = new double[capacity];
        double[] monetary = new double[capacity];
        int n = 0;
        for (CustomerSummary customer : population) {
            if (!customer.hasOrders()) {
                continue;
            }
            if (n == recency.length) { // only if the population under-reports its size
                recency = Arrays.copyOf(recency, n * 2);
                frequency = Arrays.copyOf(frequency, n * 2);
                monetary = Arrays.copyOf(monetary, n * 2);
            }
            recency[n] = -customer.daysSinceLastOrder(); // oriented: larger is better
            frequency[n] = customer.orderCount();
            monetary[n] = settings.monetary().valueOf(customer);
            n++;
        }
        if (n == 0) {
            return Model.EMPTY;
        }
        Arrays.sort(recency, 0, n);
        Arrays.sort(frequency, 0, n);
        Arrays.sort(monetary, 0, n);
        double[] recencyCuts = QuintileCuts.fromSorted(recency, n);
        double[] frequencyCuts = QuintileCuts.fromSorted(frequency, n);
        double[] monetaryCuts = QuintileCuts.fromSorted(monetary, n);
        double[] recencyCutDays = new double[recencyCuts.length];
        for (int k = 0; k < recencyCuts.length; k++) {
            recencyCutDays[k] = 0.0 - recencyCuts[k]; // back to days; 0.0 - x avoids a stored -0.0
        }
        RfmModel fitted = new RfmModel(n, settings.monetary(), settings.segments(),
                recencyCutDays, frequencyCuts, monetaryCuts,
                QuintileCuts.countsPerScore(recency, n, recencyCuts),
                QuintileCuts.countsPerScore(frequency, n, frequencyCuts),
                QuintileCuts.countsPerScore(monetary, n, monetaryCuts),
                settings.tiers(), ValueTiers.thresholds(monetary, n, settings.tiers()));
        Model model = fitted.toModel();
        last = new Compiled(model, fitted, new Explanations(fitted, money));
        return model;
    }

    /**
     * Scores one customer from the model alone: three searches over four cut points, a table
     * lookup and three threshold comparisons. Returns nothing for a customer without orders or
     * for {@link Model#EMPTY}.
     */
    @Override
    public List<Score> score(CustomerSummary customer, Model model) {
        if (!customer.hasOrders() || model.isEmpty()) {
            return List.of();
        }
        Compiled compiled = compile(model);
        RfmModel rfm = compiled.model();
        Explanations explain = compiled.explanations();
        long days = customer.daysSinceLastOrder();
        int orders = customer.orderCount();
        double monetary = rfm.monetaryMode().valueOf(customer);
        int r = rfm.recencyScore(days);
        int f = rfm.frequencyScore(orders);
        int m = rfm.monetaryScore(monetary);
        ValueTier tier = rfm.tierOf(monetary);
        return List.of(
                Score.numeric(RECENCY, r, explain.recency(r, days)),
                Score.numeric(FREQUENCY, f, explain.frequency(f, orders)),
                Score.numeric(MONETARY, m, explain.monetary(m, monetary)),
                new Score(RFM, (double) (r * 100 + f * 10 + m), Explanations.rfmLabel(r, f, m), Explanations.rfm(r, f, m)),
                Score.labelled(SEGMENT, rfm.segments().segmentName(r, f, m), explain.segment(r, f, m)),
                Score.labelled(TIER, tier.label(), explain.tier(tier, monetary)));
    }

    /**
     * The typed form of {@code model}, reused while the host keeps passing the same (or an equal,
     * e.g. re-read from JSON) model, so the segment table is parsed once per fit, not per customer.
     */
    private Compiled compile(Model model) {
        Compiled cached = last;
        if (cached != null && (cached.source() == model || cached.source().equals(model))) {
            return cached;
        }
        RfmModel rfm = RfmModel.from(model);
        Compiled compiled = new Compiled(model, rfm, new Explanations(rfm, money));
        last = compiled;
        return compiled;
    }

    private record Compiled(Model source, RfmModel model, Explanations explanations) {
    }
}
