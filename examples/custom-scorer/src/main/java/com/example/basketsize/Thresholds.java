package com.example.basketsize;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import dev.patron.api.scoring.Model;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * Where each tier starts, as an average order value in minor units of the shop currency: below
 * {@code medium} is Small, from {@code medium} Medium, from {@code large} Large, from
 * {@code premium} Premium. Always strictly ascending.
 */
record Thresholds(long medium, long large, long premium) {

    Thresholds {
        if (!(0 <= medium && medium < large && large < premium)) {
            throw new IllegalArgumentException("thresholds must ascend: " + medium + " < " + large + " < " + premium);
        }
    }

    /**
     * Reads the thresholds from the settings (decimal amounts such as {@code 150.00}).
     *
     * @throws PatronPluginException naming the setting and the fix when a value is unusable
     */
    static Thresholds read(PluginSettings settings, Currency currency) {
        long medium = amount(settings, BasketSizeSettings.MEDIUM, BasketSizeSettings.DEFAULT_MEDIUM, currency);
        long large = amount(settings, BasketSizeSettings.LARGE, BasketSizeSettings.DEFAULT_LARGE, currency);
        long premium = amount(settings, BasketSizeSettings.PREMIUM, BasketSizeSettings.DEFAULT_PREMIUM, currency);
        if (!(medium < large && large < premium)) {
            throw new PatronPluginException("settings '" + BasketSizeSettings.MEDIUM + "', '" + BasketSizeSettings.LARGE
                    + "' and '" + BasketSizeSettings.PREMIUM + "' must ascend (Medium below Large below Premium), but are "
                    + format(medium, currency) + ", " + format(large, currency) + " and " + format(premium, currency)
                    + "; correct them in the plugin's settings");
        }
        return new Thresholds(medium, large, premium);
    }

    /** The thresholds stored in a fitted model, or null when the model has none (never fitted). */
    static Thresholds fromModel(Model model) {
        Double medium = model.number("threshold.medium");
        Double large = model.number("threshold.large");
        Double premium = model.number("threshold.premium");
        if (medium == null || large == null || premium == null) {
            return null;
        }
        return new Thresholds(medium.longValue(), large.longValue(), premium.longValue());
    }

    void writeTo(Model.Builder model) {
        model.number("threshold.medium", medium).number("threshold.large", large).number("threshold.premium", premium);
    }

    /** The tier of an average order value in minor units. */
    Tier classify(double averageMinor) {
        if (averageMinor >= premium) {
            return Tier.PREMIUM;
        } else if (averageMinor >= large) {
            return Tier.LARGE;
        } else if (averageMinor >= medium) {
            return Tier.MEDIUM;
        }
        return Tier.SMALL;
    }

    /** Where {@code tier} starts, in minor units (0 for Small). */
    long floor(Tier tier) {
        return switch (tier) {
            case SMALL -> 0;
            case MEDIUM -> medium;
            case LARGE -> large;
            case PREMIUM -> premium;
        };
    }

    private static long amount(PluginSettings settings, String key, String defaultValue, Currency currency) {
        String text = settings.text(key, defaultValue).trim();
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0) {
                throw new NumberFormatException("negative");
            }
            return value.setScale(digits, RoundingMode.UNNECESSARY).movePointRight(digits).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new PatronPluginException("setting '" + key + "' must be an amount of " + currency.getCurrencyCode()
                    + " such as " + defaultValue + ", but is '" + text + "'; correct it in the plugin's settings");
        }
    }

    /** Minor units as a decimal amount with thousands separators, e.g. {@code 1,234.50}; locale-independent. */
    static String format(double minor, Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return String.format(Locale.ROOT, "%,." + digits + "f", BigDecimal.valueOf(Math.round(minor), digits));
    }
}
