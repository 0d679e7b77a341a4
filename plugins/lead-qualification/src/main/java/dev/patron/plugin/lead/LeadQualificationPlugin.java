package dev.patron.plugin.lead;

import dev.patron.api.PatronPlugin;
import dev.patron.api.PluginContext;

/**
 * The plugin class the host loads for plugin id {@code lead-qualification}. It has no lifecycle
 * work of its own: the behaviour lives in its extensions ({@link LeadScorer},
 * {@link LeadSettingsSchema}, {@link ConversionHandler} and {@link LeadWeb}).
 */
public class LeadQualificationPlugin extends PatronPlugin {

    /** The plugin id, also the prefix of the REST routes and console pages. */
    public static final String ID = "lead-qualification";

    /** Called by the host with the context it built for this plugin. */
    public LeadQualificationPlugin(PluginContext context) {
        super(context);
    }
}
