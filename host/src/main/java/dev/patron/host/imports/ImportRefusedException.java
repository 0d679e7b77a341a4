package dev.patron.host.imports;

/**
 * The import cannot start: its options or the file's header or currency do not fit. Nothing was
 * read past the header and nothing was written; the message says what to change.
 */
public class ImportRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ImportRefusedException(String message) {
        super(message);
    }
}
