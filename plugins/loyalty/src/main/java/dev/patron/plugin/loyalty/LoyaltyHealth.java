package dev.patron.plugin.loyalty;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginContext;
import dev.patron.api.health.HealthCheck;
import org.pf4j.Extension;

/**
 * Down when the stored settings cannot be read (edited behind the validator's back, or left by an
 * older version): earning would fail and orders would wait in the plugin's backlog until they are
 * fixed, so {@code GET /health} says which setting to correct.
 */
@Extension
public final class LoyaltyHealth implements HealthCheck {

    private final PluginContext context;

    public LoyaltyHealth(PluginContext context) {
        this.context = context;
    }

    @Override
    public Health check() {
        try {
            LoyaltySettings.read(context.settings(), context.currency());
            return Health.healthy();
        } catch (PatronPluginException e) {
            return Health.unhealthy(e.getMessage());
        }
    }
}
