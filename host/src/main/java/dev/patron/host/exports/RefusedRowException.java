package dev.patron.host.exports;

/** A plugin's export handed over a row the host cannot write: the wrong number of values, or a value of an unknown type. */
public final class RefusedRowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    RefusedRowException(String message) {
        super(message);
    }
}
