package dev.patron.plugin.rfm;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.Model;

/**
 * The fitted RFM model in typed form, and its mapping to and from the host's {@link Model}.
 *
 * <p>It holds everything {@link RfmScorer#score} needs, so that re-scoring one customer after a
 * new order works from the stored model alone: the cut points (recency in days, frequency in
 * orders, monetary in minor units), how many customers got each score at fit time (to word
 * explanations with real shares), the tier shares and thresholds, the monetary mode and the
 * segment table. Keys are listed as constants; all amounts are minor units of the shop currency.
 */
final class RfmModel {

    /** Number: layout version of this model, so a future layout can ask for a refit. */
    static final String VERSION = "version";
    /** Number: customers with at least one order at fit time. */
    static final String PARTICIPANTS = "participants";
    /** Text: {@code total} or {@code average}. */
    static final String MONETARY_MODE = "monetary";
    /** Text: the segment table in canonical form. */
    static final String SEGMENTS = "segments";
    /** Array of 4: recency cut points in days since the last order (descending). */
    static final String RECENCY_CUTS = "recency.cutDays";
    /** Array of 4: frequency cut points in orders (ascending). */
    static final String FREQUENCY_CUTS = "frequency.cutOrders";
    /** Array of 4: monetary cut points in minor units (ascending). */
    static final String MONETARY_CUTS = "monetary.cutMinor";
    /** Array of 5: customers per recency score 1..5 at fit time. */
    static final String RECENCY_COUNTS = "recency.countPerScore";
    /** Array of 5: customers per frequency score 1..5 at fit time. */
    static final String FREQUENCY_COUNTS = "frequency.countPerScore";
    /** Array of 5: customers per monetary score 1..5 at fit time. */
    static final String MONETARY_COUNTS = "monetary.countPerScore";
    /** Array of 3: minimum M, in minor units, for Platinum, Gold and Iron (0 for a tier that is empty). */
    static final String TIER_THRESHOLDS = "tiers.thresholdMinor";
    /** Number: the Platinum share in percent, as configured. */
    static final String PLATINUM_PERCENT = RfmSettings.PLATINUM_PERCENT;
    /** Number: the Gold share in percent, as configured. */
    static final String GOLD_PERCENT = RfmSettings.GOLD_PERCENT;
    /** Number: the Iron share in percent, as configured. */
    static final String IRON_PERCENT = RfmSettings.IRON_PERCENT;

    private static final int LAYOUT_VERSION = 1;

    private final int participants;
    private final MonetaryMode monetaryMode;
    private final SegmentTable segments;
    private final double[] recencyCutDays;
    private final double[] recencyOrientedCuts;
    private final double[] frequencyCuts;
    private final double[] monetaryCuts;
    private final int[] recencyCounts;
    private final int[] frequencyCounts;
    private final int[] monetaryCounts;
    private final TierPercents tierPercents;
    private final double[] tierThresholds;
    private final boolean[] tierOpen;

    RfmModel(int participants, MonetaryMode monetaryMode, SegmentTable segments,
             double[] recencyCutDays, double[] frequencyCuts, double[] monetaryCuts,
             int[] recencyCounts, int[] frequencyCounts, int[] monetaryCounts,
             TierPercents tierPercents, double[] tierThresholds) {
        this.participants = participants;
        this.monetaryMode = monetaryMode;
        this.segments = segments;
        this.recencyCutDays = recencyCutDays.clone();
        this.recencyOrientedCuts = new double[recencyCutDays.length];
        for (int k = 0; k < recencyCutDays.length; k++) {
            recencyOrientedCuts[k] = -recencyCutDays[k];
        }
        this.frequencyCuts = frequencyCuts.clone();
        this.monetaryCuts = monetaryCuts.clone();
        this.recencyCounts = recencyCounts.clone();
        this.frequencyCounts = frequencyCounts.clone();
        this.monetaryCounts = monetaryCounts.clone();
        this.tierPercents = tierPercents;
        this.tierThresholds = tierThresholds.clone();
        this.tierOpen = new boolean[ValueTier.RANKED.length];
        for (int i = 0; i < tierOpen.length; i++) {
            tierOpen[i] = tierPercents.open(ValueTier.RANKED[i]);
        }
    }

    /** R: 5 for the most recent buyers; compares days since the last order with the cut points. */
    int recencyScore(long daysSinceLastOrder) {
        return QuintileCuts.score(-(double) daysSinceLastOrder, recencyOrientedCuts);
    }

    int frequencyScore(int orders) {
        return QuintileCuts.score(orders, frequencyCuts);
    }

    int monetaryScore(double monetary) {
        return QuintileCuts.score(monetary, monetaryCuts);
    }

    ValueTier tierOf(double monetary) {
        return ValueTiers.tierOf(monetary, tierThresholds, tierOpen);
    }

    int participants() {
        return participants;
    }

    MonetaryMode monetaryMode() {
        return monetaryMode;
    }

    SegmentTable segments() {
        return segments;
    }

    TierPercents tierPercents() {
        return tierPercents;
    }

    double tierThreshold(ValueTier tier) {
        return tierThresholds[tier.ordinal()];
    }

    int[] recencyCounts() {
        return recencyCounts.clone();
    }

    int[] frequencyCounts() {
        return frequencyCounts.clone();
    }

    int[] monetaryCounts() {
        return monetaryCounts.clone();
    }

    /** The host's form of this model. */
    Model toModel() {
        return Model.builder()
                .number(VERSION, LAYOUT_VERSION)
                .number(PARTICIPANTS, participants)
                .text(MONETARY_MODE, monetaryMode.settingValue())
                .text(SEGMENTS, segments.toText())
                .array(RECENCY_CUTS, recencyCutDays)
                .array(FREQUENCY_CUTS, frequencyCuts)
                .array(MONETARY_CUTS, monetaryCuts)
                .array(RECENCY_COUNTS, asDoubles(recencyCounts))
                .array(FREQUENCY_COUNTS, asDoubles(frequencyCounts))
                .array(MONETARY_COUNTS, asDoubles(monetaryCounts))
                .array(TIER_THRESHOLDS, tierThresholds)
                .number(PLATINUM_PERCENT, tierPercents.platinum())
                .number(GOLD_PERCENT, tierPercents.gold())
                .number(IRON_PERCENT, tierPercents.iron())
                .build();
    }

    /**
     * Reads a model written by {@link #toModel}.
     *
     * @throws PatronPluginException if an entry is missing or has the wrong shape, e.g. a model
     *     stored by another layout version; a full scoring run writes a fresh one
     */
    static RfmModel from(Model model) {
        Double version = model.number(VERSION);
        if (version == null || version != LAYOUT_VERSION) {
            throw damaged("has layout version " + version + " instead of " + LAYOUT_VERSION);
        }
        int participants = (int) number(model, PARTICIPANTS);
        return new RfmModel(participants,
                MonetaryMode.fromSetting(text(model, MONETARY_MODE)),
                SegmentTable.parse(text(model, SEGMENTS)),
                array(model, RECENCY_CUTS, QuintileCuts.CUT_COUNT),
                array(model, FREQUENCY_CUTS, QuintileCuts.CUT_COUNT),
                array(model, MONETARY_CUTS, QuintileCuts.CUT_COUNT),
                counts(model, RECENCY_COUNTS), counts(model, FREQUENCY_COUNTS), counts(model, MONETARY_COUNTS),
                new TierPercents(number(model, PLATINUM_PERCENT), number(model, GOLD_PERCENT), number(model, IRON_PERCENT)),
                array(model, TIER_THRESHOLDS, ValueTier.RANKED.length));
    }

    private static double number(Model model, String key) {
        Double value = model.number(key);
        if (value == null) {
            throw damaged("has no number '" + key + "'");
        }
        return value;
    }

    private static String text(Model model, String key) {
        String value = model.text(key);
        if (value == null) {
            throw damaged("has no text '" + key + "'");
        }
        return value;
    }

    private static double[] array(Model model, String key, int length) {
        double[] values = model.array(key);
        if (values == null || values.length != length) {
            throw damaged("has no array '" + key + "' of " + length + " numbers");
        }
        return values;
    }

    private static int[] counts(Model model, String key) {
        double[] values = array(model, key, QuintileCuts.TOP_SCORE);
        int[] counts = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            counts[i] = (int) values[i];
        }
        return counts;
    }

    private static double[] asDoubles(int[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    private static PatronPluginException damaged(String problem) {
        return new PatronPluginException("the stored RFM model " + problem
                + "; run a full scoring run so the rfm plugin fits a new model");
    }
}
