package dev.patron.host.web.auth;

import dev.patron.host.auth.Auth;
import dev.patron.host.auth.Principal;
import dev.patron.host.auth.Secrets;
import dev.patron.host.auth.Sessions;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Authenticates every {@code /api/v1} request: {@code Authorization: Bearer <token>}, or the
 * console's session cookie (then a changing request must also carry the session's CSRF token in
 * {@code X-CSRF-Token}, so another site cannot ride on the cookie). 401 otherwise.
 */
public final class ApiAuthHandler implements Handler<RoutingContext> {

    public static final String SESSION_COOKIE = "patron_session";

    private final Vertx vertx;
    private final Auth auth;

    public ApiAuthHandler(Vertx vertx, Auth auth) {
        this.vertx = vertx;
        this.auth = auth;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        String csrf = ctx.request().getHeader("X-CSRF-Token");
        boolean changing = ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD;
        vertx.executeBlocking(() -> identify(header, cookie == null ? null : cookie.getValue(), csrf, changing), false)
                .onSuccess(principal -> {
                    if (principal.isPresent()) {
                        ctx.put(Access.PRINCIPAL, principal.get());
                        ctx.next();
                    } else {
                        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"patron\"");
                        ctx.fail(401, new UnauthorizedException(header == null && cookie == null
                                ? "send Authorization: Bearer <token>; create a token with 'patron tokens create --name N --role R'"
                                : "the token or session is not valid (revoked, expired, or mistyped)"));
                    }
                })
                .onFailure(ctx::fail);
    }

    private Optional<Principal> identify(String header, String cookie, String csrf, boolean changing) {
        if (header != null) {
            return header.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.tokens().verify(header.substring(7).trim()) : Optional.empty();
        }
        Optional<Sessions.Session> session = auth.sessions().find(cookie);
        if (session.isEmpty() || changing && !Secrets.same(csrf, session.get().csrfToken())) {
            return Optional.empty();
        }
        return Optional.of(session.get().principal());
    }

    /** No valid credentials. */
    public static final class UnauthorizedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnauthorizedException(String message) {
            super(message);
        }
    }
}
