package dev.patron.host.web.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A plugin route path such as {@code /accounts/:customerId/ledger}, matched segment by segment. */
public final class RoutePattern {

    private final String[] segments;

    RoutePattern(String path) {
        this.segments = split(path);
    }

    /** The path parameters when {@code path} matches, else empty. */
    Optional<Map<String, String>> match(String path) {
        String[] actual = split(path);
        if (actual.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith(":")) {
                parameters.put(segments[i].substring(1), java.net.URLDecoder.decode(actual[i], java.nio.charset.StandardCharsets.UTF_8));
            } else if (!segments[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
