package dev.patron.host.web.auth;

import dev.patron.host.auth.Auth;
import dev.patron.host.auth.Principal;
import dev.patron.host.auth.Role;
import dev.patron.host.auth.Secrets;
import dev.patron.host.auth.Sessions;
import dev.patron.host.auth.Users;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.Map;

/**
 * Sign-in for the console: a session cookie (HttpOnly, SameSite=Strict, Secure over TLS) backed by
 * the store, a CSRF token checked on every form post, sign-in throttling, and a first-run setup
 * page guarded by a one-time code printed in the server log while no user exists. Every other
 * console page needs a session; without one the browser is sent to the sign-in page.
 */
public final class ConsoleSecurity {

    /** The session of the request, for templates (CSRF token) and role checks. */
    public static final String SESSION = "patron.session";

    private final Vertx vertx;
    private final Auth auth;
    private final String setupCode;
    private final BiConsumer<RoutingContext, Map<String, Object>> loginPage;
    private final BiConsumer<RoutingContext, Map<String, Object>> setupPage;

    /**
     * @param setupCode the one-time code for the first-run setup page, or null when users exist
     * @param loginPage renders the sign-in page with a model (error, next, name)
     * @param setupPage renders the setup page with a model (error)
     */
    public ConsoleSecurity(Vertx vertx, Auth auth, String setupCode, BiConsumer<RoutingContext, Map<String, Object>> loginPage,
                           BiConsumer<RoutingContext, Map<String, Object>> setupPage) {
        this.vertx = vertx;
        this.auth = auth;
        this.setupCode = setupCode;
        this.loginPage = loginPage;
        this.setupPage = setupPage;
    }

    public static Sessions.Session session(RoutingContext ctx) {
        return ctx.get(SESSION);
    }

    public void mount(Router router) {
        // Forms, and plugin jars uploaded by admins (to a private temp folder, deleted after the request).
        router.route().pathRegex("/console(/.*)?").handler(BodyHandler.create(
                        java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "patron-uploads").toString())
                .setBodyLimit(64 * 1024 * 1024).setDeleteUploadedFilesOnEnd(true));
        router.get("/console/login").handler(ctx -> loginPage.accept(ctx, model(ctx.request().getParam("next"), null, null)));
        router.post("/console/login").handler(this::signIn);
        router.get("/console/setup").handler(this::setupForm);
        router.post("/console/setup").handler(this::setup);
        router.route().pathRegex("/console(/.*)?").handler(this::requireSession);
        router.post("/console/logout").handler(this::signOut);
    }

    private void requireSession(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(ApiAuthHandler.SESSION_COOKIE);
        vertx.executeBlocking(() -> auth.sessions().find(cookie == null ? null : cookie.getValue()), false).onSuccess(session -> {
            if (session.isEmpty()) {
                if (ctx.request().method() == HttpMethod.GET) {
                    String next = ctx.request().uri();
                    ctx.redirect("/console/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    ctx.fail(401, new ApiAuthHandler.UnauthorizedException("your session ended; sign in again"));
                }
                return;
            }
            if (ctx.request().method() == HttpMethod.POST && !Secrets.same(ctx.request().getFormAttribute("csrf"), session.get().csrfToken())) {
                ctx.fail(403, new Access.ForbiddenException("the form's security token is missing or stale; reload the page and try again"));
                return;
            }
            ctx.put(SESSION, session.get());
            ctx.put(Access.PRINCIPAL, session.get().principal());
            ctx.next();
        }).onFailure(ctx::fail);
    }

    private void signIn(RoutingContext ctx) {
        String name = ctx.request().getFormAttribute("name");
        String password = ctx.request().getFormAttribute("password");
        String next = ctx.request().getFormAttribute("next");
        String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        vertx.executeBlocking(() -> {
            Duration wait = auth.throttle().waitFor(name, address);
            if (!wait.isZero()) {
                return new Attempt(null, "Too many failed sign-ins; try again in " + Math.max(1, wait.toMinutes()) + " minute(s).");
            }
            Optional<Users.User> user = auth.users().authenticate(name, password);
            if (user.isEmpty()) {
                auth.throttle().failed(name, address);
                return new Attempt(null, "The name or the password is wrong.");
            }
            auth.throttle().succeeded(name);
            auth.audit().record("user:" + user.get().name(), "sign-in", null, address);
            return new Attempt(auth.sessions().start(user.get()), null);
        }, false).onSuccess(attempt -> {
            if (attempt.cookie() == null) {
                ctx.response().setStatusCode(401);
                loginPage.accept(ctx, model(next, attempt.error(), name));
                return;
            }
            ctx.response().addCookie(sessionCookie(ctx, attempt.cookie()));
            ctx.redirect(safeNext(next));
        }).onFailure(ctx::fail);
    }

    private record Attempt(String cookie, String error) {
    }

    private void signOut(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(ApiAuthHandler.SESSION_COOKIE);
        vertx.executeBlocking(() -> {
            auth.sessions().end(cookie == null ? null : cookie.getValue());
            return null;
        }, false).onSuccess(ignored -> {
            ctx.response().addCookie(sessionCookie(ctx, "").setMaxAge(0));
            ctx.redirect("/console/login");
        }).onFailure(ctx::fail);
    }

    private void setupForm(RoutingContext ctx) {
        vertx.executeBlocking(() -> auth.users().count(), false).onSuccess(count -> {
            if (count > 0 || setupCode == null) {
                ctx.redirect("/console/login");
            } else {
                setupPage.accept(ctx, model(null, null, null));
            }
        }).onFailure(ctx::fail);
    }

    private void setup(RoutingContext ctx) {
        String code = ctx.request().getFormAttribute("code");
        String name = ctx.request().getFormAttribute("name");
        String password = ctx.request().getFormAttribute("password");
        vertx.executeBlocking(() -> {
            if (setupCode == null || auth.users().count() > 0) {
                return "Setup is finished; sign in instead.";
            }
            if (!Secrets.same(code == null ? null : code.trim(), setupCode)) {
                return "The one-time code is wrong; it is printed in the server log.";
            }
            try {
                Users.User user = auth.users().add(name, Role.ADMIN, password);
                auth.audit().record("setup", "user.add", user.name(), "admin");
                return null;
            } catch (dev.patron.host.shop.InvalidInputException e) {
                return String.join("; ", e.errors().stream().map(err -> err.field() + " " + err.message()).toList());
            }
        }, false).onSuccess(error -> {
            if (error == null) {
                ctx.redirect("/console/login");
            } else {
                ctx.response().setStatusCode(400);
                setupPage.accept(ctx, model(null, error, name));
            }
        }).onFailure(ctx::fail);
    }

    private static Cookie sessionCookie(RoutingContext ctx, String value) {
        return Cookie.cookie(ApiAuthHandler.SESSION_COOKIE, value).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setPath("/").setSecure(ctx.request().isSSL());
    }

    /** Only console paths: never an open redirect to another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/console") && !next.startsWith("//") && !next.contains("\\") ? next : "/console";
    }

    private static Map<String, Object> model(String next, String error, String name) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("next", safeNext(next));
        model.put("error", error == null ? "" : error);
        model.put("name", name == null ? "" : name);
        return model;
    }

    /** The caller's principal, if signed in. */
    public static Principal principal(RoutingContext ctx) {
        return Access.principal(ctx);
    }
}
