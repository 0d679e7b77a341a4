package dev.patron.host.exports;

import dev.patron.api.exports.ExportFilter;
import dev.patron.api.exports.ExportRequest;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the filters of an export request ({@code since}, {@code customerId}) as people write
 * them, and refuses those the kind does not take, so a filter is never silently ignored.
 */
final class ExportFilters {

    private ExportFilters() {
    }

    /**
     * @param since an ISO-8601 instant, or a date meaning the start of that day in {@code zone}; blank for none
     * @param customerId one customer's id; blank for none
     * @throws InvalidInputException naming every filter that is malformed or not taken by the kind
     */
    static ExportRequest parse(ExportKind kind, String since, String customerId, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        ExportRequest request = ExportRequest.all();
        if (since != null && !since.isBlank()) {
            if (!kind.filters().contains(ExportFilter.SINCE)) {
                errors.add(notTaken(kind, ExportFilter.SINCE));
            } else {
                try {
                    request = request.since(instant(since.trim(), zone));
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(parameter(ExportFilter.SINCE), "'" + since + "' is neither an instant nor a date;"
                            + " write 2026-01-01T00:00:00Z, or 2026-01-01 for the start of that day in the shop's time zone"));
                }
            }
        }
        if (customerId != null && !customerId.isBlank()) {
            if (!kind.filters().contains(ExportFilter.CUSTOMER)) {
                errors.add(notTaken(kind, ExportFilter.CUSTOMER));
            } else {
                request = request.customer(customerId.trim());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return request;
    }

    /** The filter's name over HTTP: {@code since}, {@code customerId}. */
    static String parameter(ExportFilter filter) {
        return switch (filter) {
            case SINCE -> "since";
            case CUSTOMER -> "customerId";
        };
    }

    private static Instant instant(String text, ZoneId zone) {
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant() : Instant.parse(text);
    }

    private static FieldError notTaken(ExportKind kind, ExportFilter filter) {
        String takes = kind.filters().isEmpty() ? "it takes no filters" : "it takes " + String.join(" and ", kind.filterParameters()) + " only";
        return new FieldError(parameter(filter), "the " + kind.name() + " export cannot be filtered by " + parameter(filter) + "; " + takes);
    }
}
