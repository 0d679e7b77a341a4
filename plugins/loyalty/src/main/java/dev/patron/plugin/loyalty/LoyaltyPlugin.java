package dev.patron.plugin.loyalty;

import dev.patron.api.PatronPlugin;
import dev.patron.api.PluginContext;

/**
 * The plugin class the host loads for plugin id {@code loyalty}. It keeps no state: the ledger is
 * the only truth, in the store, so a restart (or a second instance on the same PostgreSQL) picks up
 * exactly where the last one stopped. The work is in the extensions: {@link LoyaltyEvents},
 * {@link LoyaltyWeb}, {@link LoyaltySettingsSchema}, {@link ExpiryJob}, {@link TierReviewJob} and
 * {@link LedgerExport}.
 */
public class LoyaltyPlugin extends PatronPlugin {

    public LoyaltyPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("loyalty {} started", context().pluginVersion());
    }
}
