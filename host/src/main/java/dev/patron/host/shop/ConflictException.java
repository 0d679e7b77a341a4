package dev.patron.host.shop;

/** The request contradicts what is stored (an order id reused with other content). Nothing was written. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
