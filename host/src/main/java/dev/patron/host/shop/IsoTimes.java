package dev.patron.host.shop;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A fast path for the date-times exports write on every row: {@code 2026-01-02T10:00:00Z},
 * {@code 2026-01-02T10:00:00.250Z} and the local {@code 2026-01-02 10:00:00} /
 * {@code 2026-01-02T10:00:00}. It reads digits at fixed places instead of running a
 * {@link java.time.format.DateTimeFormatter}, which costs a fifth of an import's parsing. Anything
 * else (offsets other than Z, missing seconds, odd shapes) answers null, and the caller parses it
 * the general way, so both ways accept exactly the same text.
 */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} as an instant; null when the text has another shape or is not a valid time. */
    public static Instant utc(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(10) != 'T' || text.charAt(n - 1) != 'Z') {
            return null;
        }
        LocalDateTime local = local(text, n - 1);
        return local == null ? null : local.toInstant(java.time.ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-dd[T ]HH:mm:ss[.f{1,9}]} as a local date-time; null when the text has another shape or is not valid. */
    public static LocalDateTime local(String text) {
        char sep = text.length() > 10 ? text.charAt(10) : 0;
        return sep == 'T' || sep == ' ' ? local(text, text.length()) : null;
    }

    private static LocalDateTime local(String text, int end) {
        if (end < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (end > 19) {
            int fraction = end - 20;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, end);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1 || hour > 23
                || minute > 59 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    }

    /** The decimal number in {@code text[from, to)}; -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
