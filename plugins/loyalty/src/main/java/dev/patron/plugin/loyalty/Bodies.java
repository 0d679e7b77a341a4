package dev.patron.plugin.loyalty;

import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads request bodies and query parameters, gathering one message per invalid field so a caller
 * learns every problem at once ({@code 400} with {@code errors}), and nothing is written.
 */
final class Bodies {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** The body as an object; fields other than {@code allowed} are reported. */
    Map<String, Object> object(ApiRequest request, List<String> allowed) {
        Map<String, Object> body = request.bodyObject();
        for (String field : body.keySet()) {
            if (!allowed.contains(field)) {
                errors.put(field, "is not a field of this request; send " + String.join(", ", allowed));
            }
        }
        return body;
    }

    /** A whole number from {@code min} to {@code max}; null when absent (an error if required) or invalid. */
    Long whole(Map<String, Object> body, String field, boolean required, long min, long max) {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                errors.put(field, "is required: a whole number");
            }
            return null;
        }
        Long number = asWhole(value);
        if (number == null) {
            errors.put(field, "must be a whole number, not " + describe(value));
            return null;
        }
        if (number < min || number > max) {
            errors.put(field, "must be from " + min + " to " + max + ", not " + number);
            return null;
        }
        return number;
    }

    /** Text of at most {@code maxLength} characters, trimmed; null when absent (an error if required) or blank. */
    String text(Map<String, Object> body, String field, boolean required, int maxLength) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            errors.put(field, "must be text, not " + describe(value));
            return null;
        }
        String text = value == null ? "" : ((String) value).trim();
        if (text.isEmpty()) {
            if (required) {
                errors.put(field, "is required and must not be blank");
            }
            return null;
        }
        if (text.length() > maxLength) {
            errors.put(field, "must be at most " + maxLength + " characters, not " + text.length());
            return null;
        }
        return text;
    }

    /** A query parameter that is a whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    Long query(ApiRequest request, String name, long fallback, long min, long max) {
        Optional<String> raw = request.queryParameter(name);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.get().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(name, "must be a whole number from " + min + " to " + max + ", not '" + raw.get() + "'");
        return fallback;
    }

    void error(String field, String message) {
        errors.put(field, message);
    }

    /** Throws a {@code 400} naming every invalid field, if there is any. */
    void check() {
        if (errors.isEmpty()) {
            return;
        }
        String detail = errors.size() == 1
                ? errors.keySet().iterator().next() + " " + errors.values().iterator().next() + "; nothing was written"
                : errors.size() + " fields are invalid (" + String.join(", ", errors.keySet()) + "); nothing was written";
        throw new ApiProblem(400, "Invalid input", detail, errors, Map.of());
    }

    private static Long asWhole(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            if (value instanceof BigInteger big) {
                return big.longValueExact();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.longValueExact();
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
            }
        } catch (ArithmeticException e) {
            return null;
        }
        return null;
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "the text '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value.toString();
    }
}
