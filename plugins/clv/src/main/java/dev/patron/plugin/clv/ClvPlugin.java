package dev.patron.plugin.clv;

import dev.patron.api.PatronPlugin;
import dev.patron.api.PluginContext;

/**
 * The plugin class the host loads for plugin id {@code clv}. It has no lifecycle work of its own:
 * the behaviour lives in the {@link ClvScorer}, {@link ClvSettingsSchema} and {@link ClvWeb}
 * extensions, so there is nothing to start or stop.
 */
public class ClvPlugin extends PatronPlugin {

    /** Called by the host with the context it built for this plugin. */
    public ClvPlugin(PluginContext context) {
        super(context);
    }
}
