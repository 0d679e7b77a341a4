package dev.patron.api.web;

import java.util.Objects;
import java.util.Set;

/**
 * A REST route a plugin adds under {@code /api/v1/plugins/<plugin id>}.
 *
 * @param method GET, POST, PUT, PATCH or DELETE
 * @param path below the plugin's prefix, starting with {@code /}; {@code :name} segments are
 *     parameters, e.g. {@code /accounts/:customerId/ledger}
 * @param role the least role that may call it: {@code viewer}, {@code staff} or {@code admin}
 * @param summary one line for the API description
 */
public record ApiRoute(String method, String path, String role, String summary, ApiHandler handler) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ROLES = Set.of("viewer", "staff", "admin");

    public ApiRoute {
        Objects.requireNonNull(handler, "handler");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("route method must be one of " + METHODS + ", not " + method);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("route role must be one of " + ROLES + ", not " + role);
        }
    }

    public static ApiRoute get(String path, String summary, ApiHandler handler) {
        return new ApiRoute("GET", path, "viewer", summary, handler);
    }

    public static ApiRoute post(String path, String summary, ApiHandler handler) {
        return new ApiRoute("POST", path, "staff", summary, handler);
    }

    /** A copy that needs {@code newRole} at least. */
    public ApiRoute requiring(String newRole) {
        return new ApiRoute(method, path, newRole, summary, handler);
    }
}
