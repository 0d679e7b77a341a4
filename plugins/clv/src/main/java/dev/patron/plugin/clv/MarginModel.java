package dev.patron.plugin.clv;

/**
 * The margin model, always available: CLV = average order value x purchases per year x years x
 * gross margin, discounted. A customer's purchases per year are their purchase days divided by the
 * years since their first purchase, but never by less than one year, so a customer who first
 * bought last week is not projected at 52 purchases a year. The years counted are the lifespan
 * setting, capped by the horizon: the margin model has no notion of customers stopping, so the
 * lifespan stands in for it, and the horizon bounds every model alike.
 */
final class MarginModel {

    private MarginModel() {
    }

    /** Purchase days per year over the time since the first purchase (at least one year). */
    static double purchasesPerYear(int purchaseDays, long daysSinceFirst) {
        return purchaseDays / Math.max(1.0, daysSinceFirst / DiscountSchedule.DAYS_PER_YEAR);
    }

    /** Expected purchases in the next t days: the yearly rate, for at most the lifespan. */
    static double expectedPurchases(double perYear, double lifespanYears, double tDays) {
        return perYear * Math.min(tDays, lifespanYears * DiscountSchedule.DAYS_PER_YEAR) / DiscountSchedule.DAYS_PER_YEAR;
    }
}
