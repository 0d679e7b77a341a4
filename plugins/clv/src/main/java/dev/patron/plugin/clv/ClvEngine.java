package dev.patron.plugin.clv;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.CustomerSummary;

/**
 * Values one customer with a fitted {@link ClvModel}, from their summary alone (all orders up to
 * the summary's as-of date). Immutable and thread-safe; the {@link PurchaseHistory} passed in is
 * the caller's scratch space.
 *
 * <p>Probabilistic method: with x, t_x and T from the customer's purchase days (in the fitting
 * unit), P(alive) and the expected purchases come from BG/NBD, the expected order value from
 * Gamma-Gamma given x and the mean net value m_x of the repeat purchase days, and
 * CLV = margin x expected order value x discounted expected purchases over the horizon
 * ({@link DiscountSchedule}). Margin method: see {@link MarginModel}.
 */
final class ClvEngine {

    /**
     * A customer's value. Amounts are major units of the shop currency.
     *
     * @param pAlive P(alive); NaN under the margin model, which has no such notion
     * @param discountedPurchases expected purchases over the horizon, each discounted to today
     */
    record Value(double clv, double pAlive, double expectedPurchases, double discountedPurchases,
                 double expectedOrderValue, int purchaseDays, long daysSinceLast, long daysSinceFirst, double repeatMean,
                 double averageOrder, double purchasesPerYear) {
    }

    private final ClvModel model;
    private final double minorPerMajor;
    private final DiscountSchedule schedule;
    private final double margin;
    private final BgNbd bgnbd;
    private final GammaGamma gammaGamma;
    private final double unitDays;

    ClvEngine(ClvModel model, double minorPerMajor) {
        this.model = model;
        this.minorPerMajor = minorPerMajor;
        this.schedule = new DiscountSchedule(model.settings.horizonDays(), model.settings.discountRate());
        this.margin = model.settings.margin();
        this.unitDays = model.unit().days();
        boolean probabilistic = model.method == Method.PROBABILISTIC;
        this.bgnbd = probabilistic ? model.bgNbdParameters() : null;
        this.gammaGamma = probabilistic ? model.gammaGammaParameters() : null;
    }

    ClvModel model() {
        return model;
    }

    /** The customer's value as of their summary's date; null for a customer without orders. */
    Value value(CustomerSummary customer, PurchaseHistory history) {
        if (!customer.hasOrders() || !history.read(customer, customer.asOf().toEpochDay())) {
            return null;
        }
        long asOfDay = customer.asOf().toEpochDay();
        long sinceFirst = asOfDay - history.firstDay();
        long sinceLast = asOfDay - history.lastDay();
        int days = history.purchaseDays();
        double repeatMean = history.repeatMeanNetMinor() / minorPerMajor;
        double averageOrder = history.averageNetMinor() / minorPerMajor;
        double perYear = MarginModel.purchasesPerYear(days, sinceFirst);
        if (bgnbd == null) {
            double lifespan = model.settings.lifespanYears();
            DiscountSchedule.Discounted purchases = schedule.apply(t -> MarginModel.expectedPurchases(perYear, lifespan, t));
            return new Value(margin * averageOrder * purchases.discounted(), Double.NaN, purchases.expected(),
                    purchases.discounted(), averageOrder, days, sinceLast, sinceFirst, repeatMean, averageOrder, perYear);
        }
        int x = history.repeatDays();
        double tx = history.lastPurchaseAfterFirstDays() / unitDays;
        double bigT = sinceFirst / unitDays;
        double pAlive = bgnbd.probabilityAlive(x, tx, bigT);
        DiscountSchedule.Discounted purchases;
        try {
            purchases = schedule.apply(t -> bgnbd.expectedPurchases(x, tx, bigT, t / unitDays));
        } catch (ArithmeticException e) {
            throw new PatronPluginException("cannot compute the expected purchases of customer " + customer.id() + " over "
                    + model.settings.horizonDays() + " days (" + e.getMessage() + "); this happens only for a horizon"
                    + " tens of thousands of times longer than alpha + T, so shorten the setting '" + ClvSettings.HORIZON_DAYS
                    + "'");
        }
        double orderValue = gammaGamma.expectedOrderValue(x, repeatMean);
        return new Value(margin * orderValue * purchases.discounted(), pAlive, purchases.expected(), purchases.discounted(),
                orderValue, days, sinceLast, sinceFirst, repeatMean, averageOrder, perYear);
    }
}
