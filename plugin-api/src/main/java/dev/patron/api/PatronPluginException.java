package dev.patron.api;

/**
 * The one exception type a plugin throws for a condition a person must fix (a bad setting,
 * an invalid segment table). Its message says what is wrong and how to fix it; the host shows
 * it verbatim in the console and the API.
 */
public class PatronPluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PatronPluginException(String message) {
        super(message);
    }

    public PatronPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
