package dev.patron.testkit;

/**
 * An event handler threw or overran its time limit during {@link PluginTestbed#deliver}. As in
 * the host, only that handler's writes were rolled back (to its savepoint); the other handlers'
 * writes were committed. In the host the plugin would now be marked failed and the events kept in
 * its backlog.
 */
public final class EventDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String handler;

    EventDeliveryException(String handler, String message, Throwable cause) {
        super(message, cause);
        this.handler = handler;
    }

    /** The class name of the handler that failed. */
    public String handler() {
        return handler;
    }

    /** The handler's own exception, or null when it overran the time limit. */
    public Throwable pluginFailure() {
        Throwable cause = getCause();
        return cause instanceof java.util.concurrent.TimeoutException || cause instanceof InterruptedException ? null : cause;
    }
}
