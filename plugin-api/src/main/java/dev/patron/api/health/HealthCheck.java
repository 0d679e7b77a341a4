package dev.patron.api.health;

import org.pf4j.ExtensionPoint;

/** Reports whether a plugin can do its work; shown in {@code /health} and the console. Must answer within a second. */
public interface HealthCheck extends ExtensionPoint {

    Health check();

    /** A health result: up or down, with a reason a person can act on. */
    record Health(boolean up, String detail) {
        public static Health healthy() {
            return new Health(true, "ok");
        }

        public static Health unhealthy(String reason) {
            return new Health(false, reason);
        }
    }
}
