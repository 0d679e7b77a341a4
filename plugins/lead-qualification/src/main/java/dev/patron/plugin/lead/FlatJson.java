package dev.patron.plugin.lead;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the host's {@code customers.attributes} column, a JSON object of scalar values, into
 * text the way scoring summaries show it: strings as they are, numbers and booleans in their
 * literal spelling, nulls left out. Nested objects and arrays are skipped. Malformed text gives
 * an empty map rather than an error: a lead's attributes must never break a page or an order.
 */
final class FlatJson {

    private final String text;
    private int pos;

    private FlatJson(String text) {
        this.text = text;
    }

    static Map<String, String> attributes(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return new FlatJson(json).object();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Map.of();
        }
    }

    private Map<String, String> object() {
        Map<String, String> result = new LinkedHashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
            return result;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            String value = scalarOrSkip();
            if (value != null) {
                result.put(key, value);
            }
            skipSpace();
            char c = text.charAt(pos++);
            if (c == '}') {
                return result;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or } at " + (pos - 1));
            }
        }
    }

    /** A scalar as text; null for JSON null and for nested values, which are skipped. */
    private String scalarOrSkip() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            skipNested();
            return null;
        }
        int start = pos;
        while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("expected a value at " + start);
        }
        return literal.equals("null") ? null : literal;
    }

    private void skipNested() {
        int depth = 0;
        do {
            char c = text.charAt(pos);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + pos);
        }
        pos++;
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
