package dev.patron.api.exports;

/**
 * Where a {@link DataExport} hands its rows, one at a time; the host writes each to the file or
 * HTTP response as CSV or NDJSON at once. Blocking: it waits while the reader is slow. Valid only
 * during the {@link DataExport#export} call that received it; not thread-safe.
 *
 * @since 1.1.0
 */
@FunctionalInterface
public interface ExportSink {

    /**
     * Writes one row: exactly one value per column of {@link DataExport#columns()}, in that order.
     * A value is a {@code String}, a whole number ({@code Long}, {@code Integer}), a finite
     * {@code Double}, a {@code Boolean}, a {@code java.math.BigDecimal} (written as its plain
     * decimal string, in NDJSON too: use it, or a string, for money), an {@code Instant} (written
     * as ISO-8601 UTC), a {@code LocalDate} (ISO-8601), or null (an empty CSV field, a JSON null).
     *
     * @throws IllegalArgumentException when the number of values or a value's type is wrong
     * @throws IllegalStateException when the download was cut off (the reader went away or the
     *     time limit passed) or the call has ended; let it propagate
     */
    void row(Object... values);
}
