package dev.patron.host.web.auth;

import dev.patron.host.auth.Principal;
import dev.patron.host.auth.Role;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Role checks on routes: {@code router.post(path).handler(Access.require(Role.STAFF)).handler(...)}. */
public final class Access {

    static final String PRINCIPAL = "patron.principal";

    private Access() {
    }

    /** The authenticated caller; set by the API or console authentication handler. */
    public static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    /** The caller's name for audit entries and plugin requests. */
    public static String actor(RoutingContext ctx) {
        Principal principal = principal(ctx);
        return principal == null ? "anonymous" : principal.kind() + ":" + principal.name();
    }

    /** Lets the request through only for {@code role} or above; 403 otherwise. */
    public static Handler<RoutingContext> require(Role role) {
        return ctx -> {
            Principal principal = principal(ctx);
            if (principal != null && principal.may(role)) {
                ctx.next();
            } else {
                ctx.fail(403, new ForbiddenException(principal == null ? "sign in first"
                        : principal.name() + " has role " + principal.role().json() + "; this needs " + role.json()));
            }
        };
    }

    /** The caller lacks the role a route needs. */
    public static final class ForbiddenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ForbiddenException(String message) {
            super(message);
        }
    }
}
