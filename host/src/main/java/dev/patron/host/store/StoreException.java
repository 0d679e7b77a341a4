package dev.patron.host.store;

/** The store failed (IO, corruption, a constraint the code did not expect); wraps the cause. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
