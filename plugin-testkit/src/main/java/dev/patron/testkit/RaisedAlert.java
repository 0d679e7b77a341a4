package dev.patron.testkit;

import dev.patron.api.alerts.Severity;
import java.time.Instant;

/**
 * One row of the host's alert inbox that the plugin under test raised, as
 * {@link PluginTestbed#alerts()} reads it back.
 *
 * @param status {@code open}, {@code acknowledged} or {@code resolved}
 * @param openedAt when the alert was first raised (the testbed clock's time)
 * @param lastSeenAt when it was last raised again while unresolved
 */
public record RaisedAlert(String dedupKey, String customerId, String rule, Severity severity, String title, String detail,
                          String status, Instant openedAt, Instant lastSeenAt) {

    /** Whether the alert is still unresolved. */
    public boolean isOpen() {
        return !"resolved".equals(status);
    }
}
