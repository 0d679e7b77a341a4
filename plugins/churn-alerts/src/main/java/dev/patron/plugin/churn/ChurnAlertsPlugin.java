package dev.patron.plugin.churn;

import dev.patron.api.PatronPlugin;
import dev.patron.api.PluginContext;

/**
 * The plugin class the host loads for plugin id {@value #ID}. All behaviour lives in extensions:
 * {@link ChurnScorer}, {@link ChurnRunListener}, {@link ReturnResolver}, {@link ChurnSettingsSchema},
 * {@link ChurnWeb} and {@link ChurnHealth}.
 */
public class ChurnAlertsPlugin extends PatronPlugin {

    /** The plugin id. */
    public static final String ID = "churn-alerts";

    public ChurnAlertsPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("churn-alerts {} started", context().pluginVersion());
    }
}
