package dev.patron.api.exports;

/**
 * The filters an export may honour. The host parses and checks them ({@code --since} and
 * {@code --customer} on the command line, {@code ?since=} and {@code ?customerId=} over HTTP)
 * and hands them over in an {@link ExportRequest}.
 *
 * @since 1.1.0
 */
public enum ExportFilter {
    /**
     * Only rows that happened at or after an instant. The person asking gives an ISO-8601
     * instant ({@code 2026-01-01T00:00:00Z}) or a date, which means the start of that day in
     * the shop's time zone. Which time of a row counts is the export's to document.
     */
    SINCE,
    /** Only one customer's rows. */
    CUSTOMER
}
