package dev.patron.host.shop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of one JSON object while collecting every problem with its path, so a
 * request with five mistakes gets five messages at once.
 */
final class JsonReader {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}");

    private final JsonObject json;
    private final String path;
    private final List<FieldError> errors;

    JsonReader(JsonObject json, String path, List<FieldError> errors) {
        this.json = json;
        this.path = path;
        this.errors = errors;
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void error(String name, String message) {
        errors.add(new FieldError(field(name), message));
    }

    /** Reports every field not in {@code allowed}, in name order. */
    void rejectUnknown(Set<String> allowed) {
        if (allowed.containsAll(json.fieldNames())) {
            return;
        }
        for (String name : new TreeSet<>(json.fieldNames())) {
            if (!allowed.contains(name)) {
                error(name, "is not a known field; allowed fields are " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /**
     * Whether {@code text} matches {@link #ID}: 1 to 128 ASCII letters, digits and {@code . _ : @ / -},
     * starting with a letter or digit. Checked by hand: ids are read twice per imported row.
     */
    static boolean isId(String text) {
        int length = text.length();
        if (length == 0 || length > 128 || !isLetterOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char ch = text.charAt(i);
            if (!isLetterOrDigit(ch) && ch != '.' && ch != '_' && ch != ':' && ch != '@' && ch != '/' && ch != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9';
    }

    String id(String name, boolean required) {
        String value = text(name, required, 128);
        if (value != null && !isId(value)) {
            error(name, "must be 1-128 characters of letters, digits and . _ : @ / -, starting with a letter or digit");
            return null;
        }
        return value;
    }

    String text(String name, boolean required, int maxLength) {
        Object raw = json.getValue(name);
        if (raw == null) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        if (!(raw instanceof String s)) {
            error(name, "must be a string");
            return null;
        }
        if (required && s.isBlank()) {
            error(name, "must not be blank");
            return null;
        }
        if (s.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    Instant instant(String name, boolean required) {
        String raw = text(name, required, 64);
        if (raw == null) {
            return null;
        }
        Instant fast = IsoTimes.utc(raw);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            error(name, "must be an ISO-8601 date-time with an offset, e.g. 2026-01-02T10:00:00Z, not '" + raw + "'");
            return null;
        }
    }

    /** A money amount as a decimal string; {@code positive} demands > 0, otherwise >= 0. */
    Long money(String name, Currency currency, boolean positive) {
        Object raw = json.getValue(name);
        if (raw == null) {
            error(name, "is required");
            return null;
        }
        if (raw instanceof Number) {
            error(name, "must be a decimal string such as \"" + raw + "\", not a JSON number (binary floats lose cents)");
            return null;
        }
        if (!(raw instanceof String s)) {
            error(name, "must be a decimal string");
            return null;
        }
        try {
            long minor = Money.parse(s, currency);
            if (positive ? minor <= 0 : minor < 0) {
                error(name, "'" + s + "' must be " + (positive ? "greater than 0" : "0 or more"));
                return null;
            }
            return minor;
        } catch (IllegalArgumentException e) {
            error(name, "'" + s + "' " + e.getMessage());
            return null;
        }
    }

    Long wholeNumber(String name, long min, long max) {
        Object raw = json.getValue(name);
        if (!(raw instanceof Integer || raw instanceof Long)) {
            error(name, raw == null ? "is required" : "must be a whole number");
            return null;
        }
        long value = ((Number) raw).longValue();
        if (value < min || value > max) {
            error(name, "must be between " + min + " and " + max + ", not " + value);
            return null;
        }
        return value;
    }

    JsonObject object(String name) {
        Object raw = json.getValue(name);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof JsonObject o)) {
            error(name, "must be a JSON object");
            return null;
        }
        return o;
    }

    JsonArray array(String name) {
        Object raw = json.getValue(name);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof JsonArray a)) {
            error(name, "must be a JSON array");
            return null;
        }
        return a;
    }

    static List<FieldError> newErrors() {
        return new ArrayList<>();
    }
}
