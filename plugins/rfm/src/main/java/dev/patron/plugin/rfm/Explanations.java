package dev.patron.plugin.rfm;

/**
 * The one-line explanations of the scores, worded for a shop assistant.
 *
 * <p>Each score band is described by the share of customers that had it at fit time ("top 40%
 * by number of orders"), taken from the stored counts rather than the nominal 20% per score:
 * ties can put 60% of customers on F1, and an explanation saying "bottom 20%" would then be
 * wrong. Everything that depends only on the model is worked out once here, so a score call
 * only glues the customer's own numbers in.
 */
final class Explanations {

    private static final String[] RFM_LABELS = new String[SegmentTable.CELLS];
    private static final String[] RFM_LINES = new String[SegmentTable.CELLS];

    static {
        for (int cell = 0; cell < SegmentTable.CELLS; cell++) {
            int r = cell / 25 + 1;
            int f = cell / 5 % 5 + 1;
            int m = cell % 5 + 1;
            RFM_LABELS[cell] = "" + r + f + m;
            RFM_LINES[cell] = scores(r, f, m) + ": recency " + r + ", frequency " + f + ", monetary " + m
                    + " (each from 1 to 5, 5 is best)";
        }
    }

    private final MoneyFormat money;
    private final boolean average;
    private final String[] recencyBands;
    private final String[] frequencyBands;
    private final String[] monetaryBands;
    private final String[] segmentLines = new String[SegmentTable.CELLS];
    private final String[] tierEndings = new String[ValueTier.values().length];

    Explanations(RfmModel model, MoneyFormat money) {
        this.money = money;
        this.average = model.monetaryMode() == MonetaryMode.AVERAGE;
        int n = model.participants();
        recencyBands = bands(model.recencyCounts(), n, "most recent %s of customers",
                "middle %s of customers by recency", "least recent %s of customers",
                "more recent than any customer at the last full scoring run");
        frequencyBands = bands(model.frequencyCounts(), n, "top %s by number of orders",
                "middle %s by number of orders", "bottom %s by number of orders",
                "more orders than any customer at the last full scoring run");
        String by = average ? "by average spend" : "by spend";
        monetaryBands = bands(model.monetaryCounts(), n, "top %s " + by, "middle %s " + by, "bottom %s " + by,
                (average ? "a higher average spend" : "more spend") + " than any customer at the last full scoring run");
        SegmentTable segments = model.segments();
        for (int cell = 0; cell < SegmentTable.CELLS; cell++) {
            int r = cell / 25 + 1;
            int f = cell / 5 % 5 + 1;
            int m = cell % 5 + 1;
            String name = segments.segmentName(r, f, m);
            String meaning = segments.meaning(r, f, m);
            segmentLines[cell] = meaning.isEmpty()
                    ? name + ": the segment table's segment for " + scores(r, f, m)
                    : name + " (" + scores(r, f, m) + "): " + meaning;
        }
        for (ValueTier tier : ValueTier.RANKED) {
            tierEndings[tier.ordinal()] = ", in the top " + model.tierPercents().cumulativeText(tier) + "% " + by
                    + " (" + tier.label() + " from " + money.format(model.tierThreshold(tier)) + ")";
        }
        tierEndings[ValueTier.LEAD.ordinal()] = leadEnding(model, by);
    }

    /** E.g. "R5: last order 3 days ago (most recent 20% of customers)". */
    String recency(int score, long days) {
        String ago = days <= 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
        return "R" + score + ": last order " + ago + recencyBands[score];
    }

    /** E.g. "F4: 7 orders (top 40% by number of orders)". */
    String frequency(int score, int orders) {
        return "F" + score + ": " + orders + (orders == 1 ? " order" : " orders") + frequencyBands[score];
    }

    /** E.g. "M3: spent 1,234.50 net of refunds (middle 20% by spend)". */
    String monetary(int score, double monetary) {
        return "M" + score + ": " + spend(monetary) + monetaryBands[score];
    }

    /** The three digits, e.g. "545". */
    static String rfmLabel(int r, int f, int m) {
        return RFM_LABELS[SegmentTable.cell(r, f, m)];
    }

    static String rfm(int r, int f, int m) {
        return RFM_LINES[SegmentTable.cell(r, f, m)];
    }

    /** E.g. "Champions (R5 F4 M3): bought very recently and buy often". */
    String segment(int r, int f, int m) {
        return segmentLines[SegmentTable.cell(r, f, m)];
    }

    /** E.g. "Gold: spent 2,000.00 net of refunds, in the top 5% by spend (Gold from 1,500.00)". */
    String tier(ValueTier tier, double monetary) {
        return tier.label() + ": " + spend(monetary) + tierEndings[tier.ordinal()];
    }

    private String spend(double monetary) {
        return average
                ? "spends " + money.format(monetary) + " per order on average, net of refunds"
                : "spent " + money.format(monetary) + " net of refunds";
    }

    /** Lead is described by the lowest tier that has a share of its own, the one to climb into. */
    private String leadEnding(RfmModel model, String by) {
        TierPercents percents = model.tierPercents();
        for (int i = ValueTier.RANKED.length - 1; i >= 0; i--) {
            ValueTier above = ValueTier.RANKED[i];
            if (percents.own(above) > 0) {
                return ", outside the top " + percents.cumulativeText(above) + "% " + by + " (" + above.label()
                        + " from " + money.format(model.tierThreshold(above)) + ")";
            }
        }
        return "; no higher tier is set up (all tier shares are 0)";
    }

    /**
     * Band wordings indexed by score 1..5: scores 4-5 count from the top, 1-2 from the bottom and 3
     * on its own, which is how "top 40%" and "bottom 20%" are usually read.
     */
    private static String[] bands(int[] counts, int n, String top, String middle, String bottom, String aboveAll) {
        String[] bands = new String[QuintileCuts.TOP_SCORE + 1];
        for (int score = 1; score <= QuintileCuts.TOP_SCORE; score++) {
            long count = 0;
            String template;
            if (score > 3) {
                for (int s = score; s <= QuintileCuts.TOP_SCORE; s++) {
                    count += counts[s - 1];
                }
                template = top;
            } else if (score < 3) {
                for (int s = 1; s <= score; s++) {
                    count += counts[s - 1];
                }
                template = bottom;
            } else {
                count = counts[2];
                template = middle;
            }
            String band;
            if (count == 0) {
                // Only R5/F5/M5 can be empty at fit and still be reached later, by a new best value.
                band = score == QuintileCuts.TOP_SCORE ? aboveAll : "no customer had this score at the last full scoring run";
            } else if (count == n) {
                band = "all customers share this score";
            } else {
                band = template.replace("%s", share(count, n));
            }
            bands[score] = " (" + band + ")";
        }
        return bands;
    }

    /** A share as a whole percent, never rounded to a misleading 0% or 100%. */
    static String share(long count, long n) {
        double percent = 100.0 * count / n;
        long rounded = Math.round(percent);
        if (rounded == 0) {
            return "under 1%";
        }
        if (rounded == 100 && count < n) {
            return "over 99%";
        }
        return rounded + "%";
    }

    private static String scores(int r, int f, int m) {
        return "R" + r + " F" + f + " M" + m;
    }
}
