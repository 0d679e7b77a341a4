package dev.patron.plugin.churn;

import dev.patron.api.scoring.Model;

/**
 * The part of the settings the scorer applies, as stored in its model at fit time: a settings
 * change reaches every customer at the next full run at once, and re-scoring after an order uses
 * the same rules as the run before it.
 *
 * @param minEarlierSpendMinor the least earlier-window net spend, in minor units
 */
record ScoringRules(boolean overdueOn, double gapMultiple, long overdueMinDays,
                    boolean spendDeclineOn, long spendWindowDays, double spendDeclinePercent, long minEarlierSpendMinor,
                    boolean oneTimeOn, long oneTimeDays, long lostAfterDays) {

    private static final String OVERDUE_ON = "overdue.on";
    private static final String GAP_MULTIPLE = "overdue.gap_multiple";
    private static final String OVERDUE_MIN_DAYS = "overdue.min_days";
    private static final String SPEND_ON = "spend_decline.on";
    private static final String SPEND_WINDOW = "spend_decline.window_days";
    private static final String SPEND_PERCENT = "spend_decline.percent";
    private static final String SPEND_MIN = "spend_decline.min_earlier_minor";
    private static final String ONE_TIME_ON = "one_time.on";
    private static final String ONE_TIME_DAYS = "one_time.days";
    private static final String LOST_AFTER_DAYS = "lost.after_days";

    /** Whether a summary rule is on. */
    boolean enabled(Rule rule) {
        return switch (rule) {
            case OVERDUE -> overdueOn;
            case SPEND_DECLINE -> spendDeclineOn;
            case ONE_TIME -> oneTimeOn;
            case P_ALIVE -> false;
        };
    }

    Model toModel() {
        return Model.builder()
                .number(OVERDUE_ON, overdueOn ? 1 : 0)
                .number(GAP_MULTIPLE, gapMultiple)
                .number(OVERDUE_MIN_DAYS, overdueMinDays)
                .number(SPEND_ON, spendDeclineOn ? 1 : 0)
                .number(SPEND_WINDOW, spendWindowDays)
                .number(SPEND_PERCENT, spendDeclinePercent)
                .number(SPEND_MIN, minEarlierSpendMinor)
                .number(ONE_TIME_ON, oneTimeOn ? 1 : 0)
                .number(ONE_TIME_DAYS, oneTimeDays)
                .number(LOST_AFTER_DAYS, lostAfterDays)
                .build();
    }

    /**
     * The rules stored in {@code model}; {@code fallback} fills what it lacks (a model never
     * fitted is {@link Model#EMPTY}).
     */
    static ScoringRules fromModel(Model model, ScoringRules fallback) {
        return new ScoringRules(
                flag(model, OVERDUE_ON, fallback.overdueOn),
                number(model, GAP_MULTIPLE, fallback.gapMultiple),
                (long) number(model, OVERDUE_MIN_DAYS, fallback.overdueMinDays),
                flag(model, SPEND_ON, fallback.spendDeclineOn),
                (long) number(model, SPEND_WINDOW, fallback.spendWindowDays),
                number(model, SPEND_PERCENT, fallback.spendDeclinePercent),
                (long) number(model, SPEND_MIN, fallback.minEarlierSpendMinor),
                flag(model, ONE_TIME_ON, fallback.oneTimeOn),
                (long) number(model, ONE_TIME_DAYS, fallback.oneTimeDays),
                (long) number(model, LOST_AFTER_DAYS, fallback.lostAfterDays));
    }

    private static boolean flag(Model model, String name, boolean fallback) {
        Double value = model.number(name);
        return value == null ? fallback : value != 0;
    }

    private static double number(Model model, String name, double fallback) {
        Double value = model.number(name);
        return value == null ? fallback : value;
    }
}
