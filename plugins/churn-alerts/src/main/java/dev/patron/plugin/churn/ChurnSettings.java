package dev.patron.plugin.churn;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The plugin's settings, read and checked in one place: by the settings schema when staff submit
 * them, by the scorer at fit time (stored in the model as {@link ScoringRules}), and by the run
 * listener, health check and pages.
 *
 * @param gapMultiple k: a customer is overdue when the days since their last purchase day exceed
 *     k times their mean gap between purchase days; more than 1
 * @param overdueMinDays the overdue rule never fires before this many days since the last order
 * @param pAliveThreshold the p_alive rule fires below this probability; strictly between 0 and 1
 * @param spendWindowDays W, the length of each of the two compared windows, in days; at least 1
 * @param spendDeclinePercent X, the decline that fires the rule, 0 to 100
 * @param minEarlierSpend the least net spend in the earlier window (major units) for the rule to judge
 * @param oneTimeDays N: a one-time buyer fires once this many days have passed since their purchase
 * @param lostAfterDays a customer whose last order is more than this many days ago is lost: no
 *     rule judges them and no alert is raised (the inbox is for customers who can still be won back)
 * @param clvWarning CLV (major units) from which severity is at least WARNING, when {@code useClv}
 * @param clvCritical CLV (major units) from which severity is CRITICAL, when {@code useClv}
 */
record ChurnSettings(boolean overdueOn, double gapMultiple, long overdueMinDays,
                     boolean pAliveOn, double pAliveThreshold,
                     boolean spendDeclineOn, long spendWindowDays, double spendDeclinePercent, BigDecimal minEarlierSpend,
                     boolean oneTimeOn, long oneTimeDays, long lostAfterDays,
                     boolean useClv, BigDecimal clvWarning, BigDecimal clvCritical) {

    static final String OVERDUE_ON = "overdue.enabled";
    static final String GAP_MULTIPLE = "overdue.gapMultiple";
    static final String OVERDUE_MIN_DAYS = "overdue.minDays";
    static final String P_ALIVE_ON = "pAlive.enabled";
    static final String P_ALIVE_THRESHOLD = "pAlive.threshold";
    static final String SPEND_ON = "spendDecline.enabled";
    static final String SPEND_WINDOW = "spendDecline.windowDays";
    static final String SPEND_PERCENT = "spendDecline.percent";
    static final String SPEND_MIN_EARLIER = "spendDecline.minEarlierSpend";
    static final String ONE_TIME_ON = "oneTime.enabled";
    static final String ONE_TIME_DAYS = "oneTime.days";
    static final String LOST_AFTER_DAYS = "lost.afterDays";
    static final String USE_CLV = "severity.useClv";
    static final String CLV_WARNING = "severity.clvWarning";
    static final String CLV_CRITICAL = "severity.clvCritical";

    static final double DEFAULT_GAP_MULTIPLE = 2;
    static final long DEFAULT_OVERDUE_MIN_DAYS = 14;
    static final double DEFAULT_P_ALIVE_THRESHOLD = 0.3;
    static final long DEFAULT_SPEND_WINDOW = 90;
    static final double DEFAULT_SPEND_PERCENT = 50;
    static final String DEFAULT_MIN_EARLIER = "50.00";
    static final long DEFAULT_ONE_TIME_DAYS = 60;
    static final long DEFAULT_LOST_AFTER_DAYS = 365;
    static final String DEFAULT_CLV_WARNING = "500.00";
    static final String DEFAULT_CLV_CRITICAL = "2000.00";
    /** Upper bound of every day count: ten years. */
    static final long MAX_DAYS = 3650;

    /** The settings with every default. */
    static ChurnSettings defaults() {
        return read(PluginSettings.empty());
    }

    /**
     * Reads and checks every setting.
     *
     * @throws PatronPluginException listing every problem, each naming the setting and the fix
     */
    static ChurnSettings read(PluginSettings settings) {
        List<String> problems = new ArrayList<>();
        ChurnSettings result = read(settings, problems);
        if (!problems.isEmpty()) {
            throw new PatronPluginException(String.join("; ", problems));
        }
        return result;
    }

    /** Every problem with these settings, one message each; empty when they are usable. */
    static List<String> problems(PluginSettings settings) {
        List<String> problems = new ArrayList<>();
        read(settings, problems);
        return problems;
    }

    private static ChurnSettings read(PluginSettings s, List<String> problems) {
        Reader r = new Reader(s, problems);
        boolean overdueOn = r.bool(OVERDUE_ON);
        double k = r.number(GAP_MULTIPLE, DEFAULT_GAP_MULTIPLE);
        if (r.ok(GAP_MULTIPLE) && !(k > 1 && k <= 100)) {
            r.problem(GAP_MULTIPLE, "must be more than 1 and at most 100 (a customer is overdue after k times their usual"
                    + " gap between purchases; 1 would flag everyone who is merely on time)");
        }
        long minDays = r.whole(OVERDUE_MIN_DAYS, DEFAULT_OVERDUE_MIN_DAYS, 0, MAX_DAYS);
        boolean pAliveOn = r.bool(P_ALIVE_ON);
        double threshold = r.number(P_ALIVE_THRESHOLD, DEFAULT_P_ALIVE_THRESHOLD);
        if (r.ok(P_ALIVE_THRESHOLD) && !(threshold > 0 && threshold < 1)) {
            r.problem(P_ALIVE_THRESHOLD, "must be a probability strictly between 0 and 1, e.g. 0.3");
        }
        boolean spendOn = r.bool(SPEND_ON);
        long window = r.whole(SPEND_WINDOW, DEFAULT_SPEND_WINDOW, 1, MAX_DAYS);
        double percent = r.number(SPEND_PERCENT, DEFAULT_SPEND_PERCENT);
        if (r.ok(SPEND_PERCENT) && !(percent >= 0 && percent <= 100)) {
            r.problem(SPEND_PERCENT, "must be a percentage from 0 to 100 (the decline that raises an alert, e.g. 50)");
        }
        BigDecimal minEarlier = r.money(SPEND_MIN_EARLIER, DEFAULT_MIN_EARLIER);
        boolean oneTimeOn = r.bool(ONE_TIME_ON);
        long oneTimeDays = r.whole(ONE_TIME_DAYS, DEFAULT_ONE_TIME_DAYS, 1, MAX_DAYS);
        long lostAfterDays = r.whole(LOST_AFTER_DAYS, DEFAULT_LOST_AFTER_DAYS, 1, MAX_DAYS);
        if (r.ok(LOST_AFTER_DAYS) && r.ok(ONE_TIME_DAYS) && lostAfterDays <= oneTimeDays) {
            problems.add("setting '" + LOST_AFTER_DAYS + "' (" + lostAfterDays + ") must be more than '" + ONE_TIME_DAYS + "' ("
                    + oneTimeDays + "): a one-time buyer must be able to fire before they count as lost");
        }
        if (r.ok(LOST_AFTER_DAYS) && r.ok(OVERDUE_MIN_DAYS) && lostAfterDays <= minDays) {
            problems.add("setting '" + LOST_AFTER_DAYS + "' (" + lostAfterDays + ") must be more than '" + OVERDUE_MIN_DAYS
                    + "' (" + minDays + "): a customer must be able to become overdue before they count as lost");
        }
        boolean useClv = r.bool(USE_CLV);
        BigDecimal clvWarning = r.money(CLV_WARNING, DEFAULT_CLV_WARNING);
        BigDecimal clvCritical = r.money(CLV_CRITICAL, DEFAULT_CLV_CRITICAL);
        if (r.ok(CLV_WARNING) && r.ok(CLV_CRITICAL) && clvCritical.compareTo(clvWarning) < 0) {
            problems.add("setting '" + CLV_CRITICAL + "' (" + plain(clvCritical) + ") must be at least '" + CLV_WARNING
                    + "' (" + plain(clvWarning) + "): critical is the higher customer value");
        }
        return new ChurnSettings(overdueOn, k, minDays, pAliveOn, threshold, spendOn, window, percent, minEarlier,
                oneTimeOn, oneTimeDays, lostAfterDays, useClv, clvWarning, clvCritical);
    }

    /** Whether a rule is switched on. */
    boolean enabled(Rule rule) {
        return switch (rule) {
            case OVERDUE -> overdueOn;
            case P_ALIVE -> pAliveOn;
            case SPEND_DECLINE -> spendDeclineOn;
            case ONE_TIME -> oneTimeOn;
        };
    }

    /** What the scorer needs, with the money threshold in minor units of {@code currency}. */
    ScoringRules scoringRules(Currency currency) {
        return new ScoringRules(overdueOn, gapMultiple, overdueMinDays, spendDeclineOn, spendWindowDays, spendDeclinePercent,
                Money.toMinor(minEarlierSpend, currency), oneTimeOn, oneTimeDays, lostAfterDays);
    }

    /** The severity rule in force. */
    SeverityPolicy severityPolicy() {
        return new SeverityPolicy(useClv, clvWarning.doubleValue(), clvCritical.doubleValue());
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Reads typed values, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final PluginSettings settings;
        private final List<String> problems;
        private final List<String> failed = new ArrayList<>();

        Reader(PluginSettings settings, List<String> problems) {
            this.settings = settings;
            this.problems = problems;
        }

        boolean ok(String key) {
            return !failed.contains(key);
        }

        void problem(String key, String what) {
            failed.add(key);
            problems.add("setting '" + key + "' " + what + ", but is '" + settings.get(key).orElse("") + "'");
        }

        boolean bool(String key) {
            String raw = settings.get(key).orElse("true").trim();
            if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(raw.toLowerCase(Locale.ROOT));
            }
            problem(key, "must be true or false");
            return true;
        }

        double number(String key, double defaultValue) {
            String raw = settings.get(key).orElse(null);
            if (raw == null) {
                return defaultValue;
            }
            try {
                double value = Double.parseDouble(raw.trim());
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                problem(key, "must be a number");
                return defaultValue;
            }
        }

        long whole(String key, long defaultValue, long min, long max) {
            String raw = settings.get(key).orElse(null);
            if (raw == null) {
                return defaultValue;
            }
            long value;
            try {
                value = new BigDecimal(raw.trim()).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problem(key, "must be a whole number of days");
                return defaultValue;
            }
            if (value < min || value > max) {
                problem(key, "must be a whole number of days from " + min + " to " + max);
                return defaultValue;
            }
            return value;
        }

        BigDecimal money(String key, String defaultValue) {
            String raw = settings.get(key).orElse(defaultValue).trim();
            try {
                BigDecimal value = new BigDecimal(raw);
                if (value.signum() < 0) {
                    problem(key, "must be an amount of at least 0 in the shop currency, e.g. " + defaultValue);
                    return new BigDecimal(defaultValue);
                }
                return value;
            } catch (NumberFormatException e) {
                problem(key, "must be an amount in the shop currency, e.g. " + defaultValue);
                return new BigDecimal(defaultValue);
            }
        }
    }
}
