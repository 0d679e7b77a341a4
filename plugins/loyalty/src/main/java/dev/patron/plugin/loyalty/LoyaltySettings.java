package dev.patron.plugin.loyalty;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

/**
 * The loyalty rules in force, read from the plugin's stored settings. Read afresh for every
 * event batch, request and job run (it is cheap), so a change applies from the next one on.
 *
 * @param pointsPerUnit points per one unit of the shop currency (e.g. per dollar), before multipliers
 * @param minimumOrderMinor orders below this amount earn nothing
 * @param windowMonths the rolling window over which tiers qualify
 * @param reviewDay day of the month reviews fall on (1-28)
 * @param expiryMonths months after earning that points expire; 0 for never
 * @param expiringSoonDays how far ahead "expiring soon" looks
 * @param fractionDigits the shop currency's minor-unit digits (2 for USD, 0 for JPY)
 */
record LoyaltySettings(BigDecimal pointsPerUnit, Rounding rounding, long minimumOrderMinor, Campaigns campaigns,
                       TierLadder tiers, TierBasis basis, int windowMonths, ReviewPeriod review, int reviewDay,
                       int expiryMonths, int expiringSoonDays, RefundPolicy refundPolicy, boolean earnOnImport,
                       int fractionDigits) {

    static final String POINTS_PER_UNIT = "pointsPerUnit";
    static final String ROUNDING = "rounding";
    static final String MINIMUM_ORDER = "minimumOrder";
    static final String CAMPAIGNS = "campaigns";
    static final String TIERS = "tiers";
    static final String TIER_BASIS = "tierBasis";
    static final String TIER_WINDOW_MONTHS = "tierWindowMonths";
    static final String TIER_REVIEW = "tierReview";
    static final String TIER_REVIEW_DAY = "tierReviewDay";
    static final String EXPIRY_MONTHS = "expiryMonths";
    static final String EXPIRING_SOON_DAYS = "expiringSoonDays";
    static final String REFUND_POLICY = "refundPolicy";
    static final String EARN_ON_IMPORT = "earnOnImport";

    static final String DEFAULT_POINTS_PER_UNIT = "1";
    static final String DEFAULT_MINIMUM_ORDER = "0";
    static final int DEFAULT_WINDOW_MONTHS = 12;
    static final int DEFAULT_REVIEW_DAY = 1;
    static final int DEFAULT_EXPIRY_MONTHS = 12;
    static final int DEFAULT_EXPIRING_SOON_DAYS = 30;

    /**
     * Reads and checks every setting.
     *
     * @throws PatronPluginException listing every problem, each naming its setting, when any is invalid
     */
    static LoyaltySettings read(PluginSettings settings, Currency currency) {
        List<String> problems = new ArrayList<>();
        LoyaltySettings result = read(settings, currency, problems);
        if (!problems.isEmpty()) {
            throw new PatronPluginException("the loyalty settings are invalid: " + String.join("; ", problems)
                    + "; correct them in the plugin's settings");
        }
        return result;
    }

    /** Reads every setting, adding one message per problem to {@code problems}. */
    static LoyaltySettings read(PluginSettings settings, Currency currency, List<String> problems) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal perUnit = decimal(settings, POINTS_PER_UNIT, DEFAULT_POINTS_PER_UNIT, problems);
        if (perUnit.signum() < 0) {
            problems.add(POINTS_PER_UNIT + ": must not be negative, not " + perUnit.toPlainString());
        }
        BigDecimal minimum = decimal(settings, MINIMUM_ORDER, DEFAULT_MINIMUM_ORDER, problems);
        long minimumMinor = 0;
        if (minimum.signum() < 0 || minimum.stripTrailingZeros().scale() > digits) {
            problems.add(MINIMUM_ORDER + ": '" + minimum.toPlainString() + "' must be an amount of " + currency.getCurrencyCode()
                    + " of at least 0 with at most " + digits + " decimal places");
        } else {
            minimumMinor = minimum.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        }
        TierBasis basis = choice(settings, TIER_BASIS, TierBasis.SPEND, TierBasis::parse, problems);
        return new LoyaltySettings(perUnit,
                choice(settings, ROUNDING, Rounding.FLOOR, Rounding::parse, problems),
                minimumMinor,
                Campaigns.parse(settings.text(CAMPAIGNS, ""), problems),
                TierLadder.parse(settings.text(TIERS, TierLadder.DEFAULT), basis, digits, problems),
                basis,
                whole(settings, TIER_WINDOW_MONTHS, DEFAULT_WINDOW_MONTHS, 1, 60, problems),
                choice(settings, TIER_REVIEW, ReviewPeriod.MONTHLY, ReviewPeriod::parse, problems),
                whole(settings, TIER_REVIEW_DAY, DEFAULT_REVIEW_DAY, 1, 28, problems),
                whole(settings, EXPIRY_MONTHS, DEFAULT_EXPIRY_MONTHS, 0, 120, problems),
                whole(settings, EXPIRING_SOON_DAYS, DEFAULT_EXPIRING_SOON_DAYS, 1, 365, problems),
                choice(settings, REFUND_POLICY, RefundPolicy.NEGATIVE, RefundPolicy::parse, problems),
                bool(settings, EARN_ON_IMPORT, true, problems),
                digits);
    }

    private static BigDecimal decimal(PluginSettings settings, String key, String fallback, List<String> problems) {
        String raw = settings.text(key, fallback).trim();
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            problems.add(key + ": '" + raw + "' is not a number");
            return new BigDecimal(fallback);
        }
    }

    private static int whole(PluginSettings settings, String key, int fallback, int min, int max, List<String> problems) {
        String raw = settings.text(key, Integer.toString(fallback)).trim();
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + ": '" + raw + "' must be a whole number from " + min + " to " + max);
        return fallback;
    }

    private static <T> T choice(PluginSettings settings, String key, T fallback, Function<String, T> parse,
                                List<String> problems) {
        String raw = settings.get(key).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": '" + raw + "' is not one of the allowed values");
            return fallback;
        }
    }

    private static boolean bool(PluginSettings settings, String key, boolean fallback, List<String> problems) {
        try {
            return settings.bool(key, fallback);
        } catch (PatronPluginException e) {
            problems.add(key + ": must be true or false");
            return fallback;
        }
    }
}
