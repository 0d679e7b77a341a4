package dev.patron.host.imports;

/**
 * Why a row was not imported as it stands. {@link Outcome#REJECTED} rows are invalid (and make a
 * {@code --strict} import write nothing); {@link Outcome#SKIPPED} rows are valid but deliberately
 * not imported by the file's conventions; a {@link Outcome#NOTE} tells about a row that was imported.
 */
public enum IssueCode {
    INVALID("invalid", Outcome.REJECTED),
    MALFORMED_ROW("malformed-row", Outcome.REJECTED),
    UNKNOWN_CUSTOMER("unknown-customer", Outcome.REJECTED),
    UNKNOWN_ORDER("unknown-order", Outcome.REJECTED),
    ID_CONFLICT("id-conflict", Outcome.REJECTED),
    REFUND_EXCEEDS_ORDER("refund-exceeds-order", Outcome.REJECTED),
    CUSTOMER_MISMATCH("customer-mismatch", Outcome.REJECTED),
    MIXED_INVOICE("mixed-invoice", Outcome.REJECTED),
    NEGATIVE_PRICE("negative-price", Outcome.REJECTED),
    GUEST_LINE("guest-line", Outcome.SKIPPED),
    NOT_A_SALE("not-a-sale", Outcome.SKIPPED),
    DUPLICATE_LINE("duplicate-line", Outcome.SKIPPED),
    ZERO_PRICE("zero-price", Outcome.SKIPPED),
    ZERO_QUANTITY("zero-quantity", Outcome.SKIPPED),
    CANCELLATION_UNMATCHED("cancellation-unmatched", Outcome.SKIPPED),
    CANCELLATION_CAPPED("cancellation-capped", Outcome.NOTE);

    /** What became of a row with this issue. */
    public enum Outcome { REJECTED, SKIPPED, NOTE }

    private final String code;
    private final Outcome outcome;

    IssueCode(String code, Outcome outcome) {
        this.code = code;
        this.outcome = outcome;
    }

    /** The stable name in reports and the API, e.g. {@code guest-line}. */
    public String code() {
        return code;
    }

    public Outcome outcome() {
        return outcome;
    }

    public static IssueCode byCode(String code) {
        for (IssueCode value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown issue code " + code);
    }
}
