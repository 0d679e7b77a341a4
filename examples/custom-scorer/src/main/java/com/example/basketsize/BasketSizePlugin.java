package com.example.basketsize;

import dev.patron.api.PatronPlugin;
import dev.patron.api.PluginContext;

/**
 * The plugin class named in the manifest ({@code Plugin-Class}). The host constructs it with the
 * plugin's context; the work is done by the extensions: {@link BasketSizeScorer},
 * {@link BasketSizeSettings} and {@link PremiumBasketAlerts}.
 */
public class BasketSizePlugin extends PatronPlugin {

    public BasketSizePlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("basket-size {} started", context().pluginVersion());
    }
}
