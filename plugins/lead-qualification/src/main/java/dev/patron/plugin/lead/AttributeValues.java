package dev.patron.plugin.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads profile attributes, which arrive as text whatever their JSON type ({@code 50000},
 * {@code "50000.00"}, {@code true}), leniently enough for data typed by people and imported
 * from spreadsheets.
 */
final class AttributeValues {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "\u662f");

    private AttributeValues() {
    }

    /** The attribute's value, trimmed; null when the name is blank, or the value is absent or blank. */
    static String text(Map<String, String> attributes, String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        String value = attributes.get(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Trimmed, with runs of white space inside collapsed to one space. */
    static String normalise(String text) {
        return text == null ? "" : SPACES.matcher(text.trim()).replaceAll(" ");
    }

    /** A decimal such as {@code 50000}, {@code 50000.00} or {@code 50,000.00}; null when it is not one. */
    static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(",", "");
        }
        if (!DECIMAL.matcher(t).matches() || t.length() > 40) {
            return null;
        }
        return new BigDecimal(t);
    }

    /** Whether a flag reads as yes: {@code true}, {@code yes}, {@code y}, {@code 1} or {@code 是}, any case. */
    static boolean truthy(String text) {
        return text != null && TRUE.contains(text.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * A calendar day in the shop zone from {@code 2026-06-27}, {@code 2026/06/27}, an instant
     * ({@code 2026-06-27T10:00:00Z}), a date-time with an offset, or a local date-time (read in
     * the shop zone); null when it is none of these.
     */
    static LocalDate date(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() <= 10) {
                return LocalDate.parse(t.replace('/', '-'));
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return LocalDate.ofInstant(Instant.parse(t.toUpperCase(Locale.ROOT)), zone);
            }
            if (t.length() > 19 && (t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10)) {
                return LocalDate.ofInstant(OffsetDateTime.parse(t).toInstant(), zone);
            }
            return LocalDateTime.parse(t.replace(' ', 'T')).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
