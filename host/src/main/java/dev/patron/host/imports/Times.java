package dev.patron.host.imports;

import dev.patron.host.shop.IsoTimes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Date-times as exports write them: ISO-8601 with an offset ({@code 2011-12-09T12:50:00Z}), or a
 * local time ({@code 2011-12-09 12:50:00}, {@code 2011-12-09T12:50}) or a bare date, read in the
 * import's time zone. In the autumn overlap a local time takes the earlier offset; a time in the
 * spring gap moves forward by the gap (java.time's rules).
 */
final class Times {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    private Times() {
    }

    /**
     * @throws DateTimeException with a message naming the accepted forms
     */
    static Instant parse(String text, ZoneId zone) {
        String value = text.strip();
        // One parse per value, chosen by its shape: failed parses throw, and exceptions on every row cost seconds.
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (hasOffset(value)) {
                Instant fast = IsoTimes.utc(value);
                return fast != null ? fast : OffsetDateTime.parse(value).toInstant();
            }
            LocalDateTime local = IsoTimes.local(value);
            return (local != null ? local : LocalDateTime.parse(value, LOCAL)).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new DateTimeException("'" + text + "' is not a date-time; write 2026-01-02T10:00:00Z, or a local time"
                    + " such as 2026-01-02 10:00:00 (read in " + zone.getId() + ")");
        }
    }

    /** Whether the time part ends in Z or a +hh:mm / -hh:mm offset. */
    private static boolean hasOffset(String value) {
        char last = value.charAt(value.length() - 1);
        if (last == 'Z' || last == 'z') {
            return true;
        }
        for (int i = 11; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' || c == '-') {
                return true;
            }
        }
        return false;
    }
}
