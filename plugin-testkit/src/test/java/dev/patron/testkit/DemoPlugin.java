package dev.patron.testkit;

import dev.patron.api.PatronPlugin;
import dev.patron.api.PluginContext;

/** A plugin class that counts its lifecycle calls. */
public class DemoPlugin extends PatronPlugin {

    int starts;
    int stops;

    public DemoPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        starts++;
    }

    @Override
    public void stop() {
        stops++;
    }
}
