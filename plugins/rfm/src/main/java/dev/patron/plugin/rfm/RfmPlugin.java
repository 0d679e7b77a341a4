package dev.patron.plugin.rfm;

import dev.patron.api.PatronPlugin;
import dev.patron.api.PluginContext;

/**
 * The plugin class the host loads for plugin id {@code rfm}. It has no lifecycle work of its
 * own: all behaviour lives in the {@link RfmScorer} extension, which is stateless apart from a
 * cache of the last model it compiled, so there is nothing to start or stop.
 */
public class RfmPlugin extends PatronPlugin {

    /** Called by the host with the context it built for this plugin. */
    public RfmPlugin(PluginContext context) {
        super(context);
    }
}
