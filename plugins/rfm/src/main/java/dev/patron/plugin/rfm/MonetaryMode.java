package dev.patron.plugin.rfm;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.CustomerSummary;
import java.util.Locale;

/**
 * How M, the monetary value, is measured. Both modes use net spend (orders less refunds) so that
 * a customer who returns most of what they buy does not rank as a big spender.
 */
enum MonetaryMode {

    /** Net spend over the whole history, in minor units: rewards customers worth the most in total. */
    TOTAL("total"),

    /**
     * Net spend divided by the number of orders, in (possibly fractional) minor units: separates
     * basket size from frequency, which F already measures.
     */
    AVERAGE("average");

    private final String settingValue;

    MonetaryMode(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The spelling used in the {@code monetary} setting and stored in the model. */
    String settingValue() {
        return settingValue;
    }

    /** M of a customer with at least one order. */
    double valueOf(CustomerSummary customer) {
        long net = customer.netSpendMinor();
        return this == TOTAL ? (double) net : (double) net / customer.orderCount();
    }

    /** Parses the setting (case and surrounding blanks ignored); fails naming the setting and the fix. */
    static MonetaryMode fromSetting(String raw) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        for (MonetaryMode mode : values()) {
            if (mode.settingValue.equals(value)) {
                return mode;
            }
        }
        throw new PatronPluginException("setting '" + RfmSettings.MONETARY + "' must be 'total' or 'average', but is '"
                + raw + "'; set it to total (net spend over all orders) or average (net spend per order)");
    }
}
