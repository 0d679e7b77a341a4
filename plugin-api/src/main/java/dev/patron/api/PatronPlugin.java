package dev.patron.api;

import org.pf4j.Plugin;

/**
 * Base class for a plugin's {@code Plugin-Class}. The host constructs it with the plugin's
 * {@link PluginContext}; subclasses must keep a public constructor taking exactly that argument.
 * Override {@link #start()} and {@link #stop()} for lifecycle work; both run off the event loop.
 */
public class PatronPlugin extends Plugin {

    private final PluginContext context;

    public PatronPlugin(PluginContext context) {
        this.context = context;
    }

    /** The context the host built for this plugin. */
    public PluginContext context() {
        return context;
    }
}
