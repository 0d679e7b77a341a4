package dev.patron.testkit;

import dev.patron.api.PluginContext;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.Scorer;
import java.util.List;
import org.pf4j.Extension;

/** A tiny scorer for the testkit's own tests: order count, net spend and a repeat-buyer label. */
@Extension
public class OrderCountScorer implements Scorer {

    private final PluginContext context;

    public OrderCountScorer(PluginContext context) {
        this.context = context;
    }

    PluginContext context() {
        return context;
    }

    @Override
    public Model fit(Population population) {
        int buyers = 0;
        for (CustomerSummary customer : population) {
            if (customer.hasOrders()) {
                buyers++;
            }
        }
        return Model.builder().number("buyers", buyers).text("as_of", population.asOf().toString()).build();
    }

    @Override
    public List<Score> score(CustomerSummary customer, Model model) {
        if (!customer.hasOrders()) {
            return List.of();
        }
        Double buyers = model.number("buyers");
        String among = buyers == null ? "" : " (one of " + buyers.intValue() + " buyers)";
        return List.of(
                Score.numeric("orders", customer.orderCount(), customer.orderCount() + " orders" + among),
                Score.numeric("net_spend", customer.netSpendMinor(), "net spend " + customer.netSpendMinor() + " minor units"),
                Score.labelled("kind", customer.orderCount() > 1 ? "repeat" : "one-time",
                        customer.purchaseDayCount() + " purchase day(s)"));
    }
}
