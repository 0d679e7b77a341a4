package dev.patron.it;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares what a document shows as a response body with what came back. The rules, as the
 * document's conventions state them:
 * <ul>
 *   <li>JSON: every key shown must be there (more may be); a value shown must be equal, except
 *       {@code "…"} (any value) and a string ending in {@code …} (a string starting with the rest);
 *       an array shown lists the first elements of the actual one, which may have more.</li>
 *   <li>Several lines of JSON (NDJSON): the first lines of the answer, each as above.</li>
 *   <li>Anything else (CSV): the first lines of the answer exactly; a last line {@code …} means
 *       more may follow, without it the answer must end there.</li>
 * </ul>
 */
final class ExpectedBody {

    private static final String ANY = "…";

    private ExpectedBody() {
    }

    /** What does not match; empty when the answer matches. */
    static List<String> mismatches(String expected, String actual) {
        List<String> problems = new ArrayList<>();
        String shown = expected.strip();
        if (shown.isEmpty()) {
            return problems;
        }
        Object single = json(shown);
        if (single != null) {
            Object answer = json(actual.strip());
            if (answer == null) {
                problems.add("the answer is not JSON: " + abbreviate(actual));
            } else {
                compare(single, answer, "$", problems);
            }
            return problems;
        }
        List<String> expectedLines = shown.lines().toList();
        List<String> actualLines = actual.lines().toList();
        if (expectedLines.stream().filter(l -> !l.equals(ANY)).allMatch(l -> json(l) != null)) {
            for (int i = 0; i < expectedLines.size() && !expectedLines.get(i).equals(ANY); i++) {
                Object answer = i < actualLines.size() ? json(actualLines.get(i)) : null;
                if (answer == null) {
                    problems.add("line " + (i + 1) + " of the answer is not JSON: "
                            + (i < actualLines.size() ? abbreviate(actualLines.get(i)) : "(missing)"));
                } else {
                    compare(json(expectedLines.get(i)), answer, "line " + (i + 1), problems);
                }
            }
            return problems;
        }
        boolean more = expectedLines.get(expectedLines.size() - 1).equals(ANY);
        List<String> fixed = more ? expectedLines.subList(0, expectedLines.size() - 1) : expectedLines;
        for (int i = 0; i < fixed.size(); i++) {
            String got = i < actualLines.size() ? actualLines.get(i) : "(missing)";
            if (!fixed.get(i).equals(got)) {
                problems.add("line " + (i + 1) + ": expected '" + fixed.get(i) + "' but got '" + got + "'");
            }
        }
        if (!more && actualLines.size() > fixed.size()) {
            problems.add("the answer has " + actualLines.size() + " lines, the document shows " + fixed.size()
                    + "; end the shown body with a line '…' if more may follow");
        }
        return problems;
    }

    private static void compare(Object expected, Object actual, String path, List<String> problems) {
        if (expected instanceof String text && (text.equals(ANY) || text.endsWith(ANY))) {
            String prefix = text.substring(0, text.length() - ANY.length());
            if (!prefix.isEmpty() && !(actual instanceof String s && s.startsWith(prefix))) {
                problems.add(path + ": expected a string starting with '" + prefix + "' but got " + Json.encode(actual));
            }
        } else if (expected instanceof JsonObject object) {
            if (!(actual instanceof JsonObject got)) {
                problems.add(path + ": expected an object but got " + abbreviate(Json.encode(actual)));
                return;
            }
            for (Map.Entry<String, Object> entry : object) {
                if (!got.containsKey(entry.getKey())) {
                    problems.add(path + "." + entry.getKey() + ": missing (the answer has " + got.fieldNames() + ")");
                } else {
                    compare(entry.getValue(), got.getValue(entry.getKey()), path + "." + entry.getKey(), problems);
                }
            }
        } else if (expected instanceof JsonArray array) {
            if (!(actual instanceof JsonArray got)) {
                problems.add(path + ": expected an array but got " + abbreviate(Json.encode(actual)));
                return;
            }
            if (got.size() < array.size()) {
                problems.add(path + ": expected at least " + array.size() + " elements but got " + got.size());
                return;
            }
            for (int i = 0; i < array.size(); i++) {
                compare(array.getValue(i), got.getValue(i), path + "[" + i + "]", problems);
            }
        } else if (expected instanceof Number number) {
            if (!(actual instanceof Number got) || new BigDecimal(number.toString()).compareTo(new BigDecimal(got.toString())) != 0) {
                problems.add(path + ": expected " + number + " but got " + Json.encode(actual));
            }
        } else if (expected == null ? actual != null : !expected.equals(actual)) {
            problems.add(path + ": expected " + Json.encode(expected) + " but got " + Json.encode(actual));
        }
    }

    /** The JSON value of {@code text} (an object, array, string, number, boolean), or null when it is not JSON. */
    private static Object json(String text) {
        if (text.isEmpty() || !(text.startsWith("{") || text.startsWith("["))) {
            return null;
        }
        try {
            return Json.decodeValue(text);
        } catch (DecodeException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
