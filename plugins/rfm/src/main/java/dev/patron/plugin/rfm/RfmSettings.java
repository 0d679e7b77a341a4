package dev.patron.plugin.rfm;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import java.math.BigDecimal;

/**
 * The plugin's settings, read and validated at fit time. Reading them there (and storing the
 * result in the model) means a settings change takes effect at the next full run for everyone at
 * once, instead of mixing old cut points with a new segment table for re-scored customers.
 *
 * @param monetary how M is measured ({@value #MONETARY}: {@code total} or {@code average})
 * @param tiers the tier shares ({@value #PLATINUM_PERCENT}, {@value #GOLD_PERCENT},
 *     {@value #IRON_PERCENT})
 * @param segments the segment table ({@value #SEGMENTS}); the built-in table when unset or blank
 */
record RfmSettings(MonetaryMode monetary, TierPercents tiers, SegmentTable segments) {

    static final String MONETARY = "monetary";
    static final String SEGMENTS = "segments";
    static final String PLATINUM_PERCENT = "tiers.platinumPercent";
    static final String GOLD_PERCENT = "tiers.goldPercent";
    static final String IRON_PERCENT = "tiers.ironPercent";

    /**
     * Reads and validates every setting.
     *
     * @throws PatronPluginException naming the setting and the fix when a value is unusable
     */
    static RfmSettings read(PluginSettings settings) {
        MonetaryMode monetary = MonetaryMode.fromSetting(settings.text(MONETARY, MonetaryMode.TOTAL.settingValue()));
        TierPercents tiers = new TierPercents(
                percent(settings, PLATINUM_PERCENT, TierPercents.DEFAULT.platinum()),
                percent(settings, GOLD_PERCENT, TierPercents.DEFAULT.gold()),
                percent(settings, IRON_PERCENT, TierPercents.DEFAULT.iron()));
        BigDecimal total = tiers.cumulative(ValueTier.IRON);
        if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new PatronPluginException("settings '" + PLATINUM_PERCENT + "' (" + text(tiers.platinum()) + "), '"
                    + GOLD_PERCENT + "' (" + text(tiers.gold()) + ") and '" + IRON_PERCENT + "' ("
                    + text(tiers.iron()) + ") add up to " + total.stripTrailingZeros().toPlainString()
                    + "%, more than 100%; lower them so that together they are at most 100 (Lead takes the rest)");
        }
        String table = settings.text(SEGMENTS, "");
        SegmentTable segments = table.isBlank() ? SegmentTable.defaults() : SegmentTable.parse(table);
        return new RfmSettings(monetary, tiers, segments);
    }

    private static double percent(PluginSettings settings, String key, double defaultValue) {
        double value = settings.number(key, defaultValue);
        if (!(value >= 0 && value <= 100)) { // also rejects NaN
            throw new PatronPluginException("setting '" + key + "' must be a percentage from 0 to 100, but is '"
                    + settings.get(key).orElse("") + "'; set it to the share of customers the tier should hold"
                    + " (default " + text(defaultValue) + ")");
        }
        return value;
    }

    private static String text(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
