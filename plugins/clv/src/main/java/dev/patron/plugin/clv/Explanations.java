package dev.patron.plugin.clv;

/**
 * The one-line explanations of a customer's scores, with the numbers behind them, e.g.
 * "P(alive) 0.82: 6 purchase days, the last 21 days ago, over 310 days since the first". Money
 * is written in major units of the shop currency without a sign ({@link Decimals}).
 */
final class Explanations {

    private final ClvModel model;
    private final Decimals decimals;
    private final String horizon;
    private final String terms;

    Explanations(ClvModel model, Decimals decimals) {
        this.model = model;
        this.decimals = decimals;
        this.horizon = "the next " + Decimals.days(model.settings.horizonDays());
        String discount = model.settings.discountRatePercent() == 0 ? "undiscounted"
                : "discounted at " + Decimals.percent(model.settings.discountRatePercent()) + "% a year";
        this.terms = Decimals.percent(model.settings.marginPercent()) + "% margin, " + discount;
    }

    String pAlive(ClvEngine.Value v) {
        String p = "P(alive) " + Decimals.fixed(v.pAlive(), 2) + ": ";
        if (v.purchaseDays() == 1) {
            return p + "a single purchase day, " + Decimals.daysAgo(v.daysSinceLast())
                    + " (BG/NBD counts a customer as active until their first repeat purchase)";
        }
        return p + Decimals.purchaseDays(v.purchaseDays()) + ", the last " + Decimals.daysAgo(v.daysSinceLast()) + ", over "
                + Decimals.days(v.daysSinceFirst()) + " since the first";
    }

    String expectedPurchases(ClvEngine.Value v) {
        String head = Decimals.fixed(v.expectedPurchases(), 2) + " purchase days expected in " + horizon;
        if (model.method == Method.MARGIN) {
            return head + " at " + Decimals.fixed(v.purchasesPerYear(), 2) + " a year for up to "
                    + Decimals.years(model.settings.lifespanYears()) + " (margin model: "
                    + Decimals.purchaseDays(v.purchaseDays()) + " since the first " + Decimals.daysAgo(v.daysSinceFirst()) + ")";
        }
        return head + " (BG/NBD: P(alive) " + Decimals.fixed(v.pAlive(), 2) + ", " + Decimals.purchaseDays(v.purchaseDays())
                + " over " + Decimals.days(v.daysSinceFirst()) + ")";
    }

    String expectedOrderValue(ClvEngine.Value v) {
        if (model.method == Method.MARGIN) {
            return "Average order value " + decimals.money(v.expectedOrderValue()) + ": "
                    + decimals.money(v.averageOrder() * v.purchaseDays()) + " net of refunds over "
                    + Decimals.purchaseDays(v.purchaseDays()) + " (margin model)";
        }
        String head = "Expected order value " + decimals.money(v.expectedOrderValue()) + ": ";
        double shop = model.gammaGammaParameters().meanOrderValue();
        int repeat = v.purchaseDays() - 1;
        if (repeat == 0) {
            return head + "the shop-wide expected value, as there is no repeat purchase yet (Gamma-Gamma)";
        }
        return head + repeat + (repeat == 1 ? " repeat purchase day of " : " repeat purchase days averaging ")
                + decimals.money(v.repeatMean()) + ", weighed with the shop-wide " + decimals.money(shop) + " (Gamma-Gamma)";
    }

    String clv(ClvEngine.Value v) {
        String head = "CLV " + decimals.money(v.clv()) + " over " + horizon;
        if (model.method == Method.MARGIN) {
            return head + " (margin model): " + decimals.money(v.expectedOrderValue()) + " per purchase day × "
                    + Decimals.fixed(v.expectedPurchases(), 2) + " purchase days × " + terms;
        }
        return head + ": " + Decimals.fixed(v.expectedPurchases(), 2) + " expected purchase days × "
                + decimals.money(v.expectedOrderValue()) + " × " + terms;
    }
}
