package dev.patron.api.alerts;

/** How urgent an alert is, lowest first. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
