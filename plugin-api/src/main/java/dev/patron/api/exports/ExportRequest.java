package dev.patron.api.exports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The filters of one export, as the person asked for them: each is present only when asked for
 * and only when the export declares it in {@link DataExport#filters()}. Immutable.
 *
 * @since 1.1.0
 */
public final class ExportRequest {

    private static final ExportRequest ALL = new ExportRequest(null, null);

    private final Instant since;
    private final String customerId;

    private ExportRequest(Instant since, String customerId) {
        this.since = since;
        this.customerId = customerId;
    }

    /** Every row: no filter. */
    public static ExportRequest all() {
        return ALL;
    }

    /** This request, keeping only rows at or after {@code instant} ({@link ExportFilter#SINCE}). */
    public ExportRequest since(Instant instant) {
        return new ExportRequest(Objects.requireNonNull(instant, "since"), customerId);
    }

    /** This request, keeping only the rows of one customer ({@link ExportFilter#CUSTOMER}). */
    public ExportRequest customer(String id) {
        return new ExportRequest(since, Objects.requireNonNull(id, "customerId"));
    }

    /** {@link ExportFilter#SINCE}: the earliest instant wanted. */
    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    /** {@link ExportFilter#CUSTOMER}: the one customer wanted. */
    public Optional<String> customerId() {
        return Optional.ofNullable(customerId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExportRequest r && Objects.equals(since, r.since) && Objects.equals(customerId, r.customerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(since, customerId);
    }

    @Override
    public String toString() {
        return "ExportRequest[since=" + since + ", customerId=" + customerId + "]";
    }
}
