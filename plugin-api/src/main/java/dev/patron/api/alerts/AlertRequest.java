package dev.patron.api.alerts;

import java.util.Objects;

/**
 * An alert a plugin raises.
 *
 * @param dedupKey identifies the condition, e.g. {@code overdue:c-1001}: while an alert with this
 *     key is open or acknowledged, raising it again only refreshes it
 * @param customerId the customer concerned, or null
 * @param rule short rule id, e.g. {@code overdue}
 * @param title one line for the inbox
 * @param detail why it fired, with the numbers
 */
public record AlertRequest(String dedupKey, String customerId, String rule, Severity severity, String title, String detail) {

    public AlertRequest {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
    }
}
