package com.example.basketsize;

import dev.patron.api.PluginContext;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.Scorer;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Classifies each customer with at least one order by average order value net of refunds:
 * (sum of orders - sum of refunds) / number of orders, in the shop currency.
 *
 * <p>Scores per buyer:
 * <ul>
 *   <li>{@code basket_tier}: the label Small, Medium, Large or Premium;</li>
 *   <li>{@code average_order_value}: the average in major units (e.g. 182.4 for 182.40).</li>
 * </ul>
 * Customers without orders get no scores. The thresholds are read at fit time and stored in the
 * model, so a settings change applies to everyone at the next full run, never half-way; before
 * the first run (an empty model) the current settings are used.
 */
@Extension
public class BasketSizeScorer implements Scorer {

    static final String TIER = "basket_tier";
    static final String AVERAGE = "average_order_value";

    private final PluginContext context;
    private final Currency currency;

    public BasketSizeScorer(PluginContext context) {
        this.context = context;
        this.currency = context.currency();
    }

    /** Reads the thresholds and counts the share of buyers in each tier, for the explanations. */
    @Override
    public Model fit(Population population) {
        Thresholds thresholds = Thresholds.read(context.settings(), currency);
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        int buyers = 0;
        for (CustomerSummary customer : population) {
            if (customer.hasOrders()) {
                counts.merge(thresholds.classify(average(customer)), 1, Integer::sum);
                buyers++;
            }
        }
        Model.Builder model = Model.builder().number("buyers", buyers);
        thresholds.writeTo(model);
        for (Tier tier : Tier.values()) {
            model.number("share." + tier.key(), buyers == 0 ? 0 : counts.getOrDefault(tier, 0) / (double) buyers);
        }
        return model.build();
    }

    @Override
    public List<Score> score(CustomerSummary customer, Model model) {
        if (!customer.hasOrders()) {
            return List.of();
        }
        Thresholds fitted = Thresholds.fromModel(model);
        Thresholds thresholds = fitted != null ? fitted : Thresholds.read(context.settings(), currency);
        double average = average(customer);
        Tier tier = thresholds.classify(average);
        String amount = Thresholds.format(average, currency);
        String orders = customer.orderCount() == 1 ? "1 order" : customer.orderCount() + " orders";
        return List.of(
                Score.labelled(TIER, tier.label(), tier.label() + ": average order " + amount + " net of refunds over "
                        + orders + " (" + bounds(thresholds, tier) + share(model, tier) + ")"),
                Score.numeric(AVERAGE, majorUnits(average), "Average order " + amount + " " + currency.getCurrencyCode()
                        + ": net spend " + Thresholds.format(customer.netSpendMinor(), currency) + " over " + orders));
    }

    /** Net spend per order in minor units; never negative. */
    static double average(CustomerSummary customer) {
        return Math.max(0, customer.netSpendMinor()) / (double) customer.orderCount();
    }

    private double majorUnits(double minor) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return java.math.BigDecimal.valueOf(Math.round(minor), digits).doubleValue();
    }

    /** "Large from 150.00, Premium from 500.00": where this tier starts and the next one begins. */
    private String bounds(Thresholds thresholds, Tier tier) {
        StringBuilder text = new StringBuilder();
        if (tier != Tier.SMALL) {
            text.append(tier.label()).append(" from ").append(Thresholds.format(thresholds.floor(tier), currency));
        }
        if (tier != Tier.PREMIUM) {
            Tier next = Tier.values()[tier.ordinal() + 1];
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(next.label()).append(" from ").append(Thresholds.format(thresholds.floor(next), currency));
        }
        return text.toString();
    }

    /** "; 12% of buyers" from the last fit, or nothing before the first run. */
    private static String share(Model model, Tier tier) {
        Double share = model.number("share." + tier.key());
        if (share == null) {
            return "";
        }
        long percent = Math.round(share * 100);
        return "; " + (percent == 0 && share > 0 ? "<1" : Long.toString(percent)) + "% of buyers";
    }
}
