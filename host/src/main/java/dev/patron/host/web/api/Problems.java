package dev.patron.host.web.api;

import dev.patron.host.scoring.RunInProgressException;
import dev.patron.host.shop.ConflictException;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.NotFoundException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into RFC 9457 {@code application/problem+json} responses with a message a
 * person can act on. Unexpected failures are logged with a reference the response repeats, and
 * never leak a stack trace.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    /** The router's error handler: maps the failure of any API route to a problem response. */
    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof InvalidInputException invalid) {
            send(ctx, 400, "Invalid input", invalid.errors().size() == 1 ? invalid.getMessage()
                    : invalid.errors().size() + " fields are invalid; nothing was written", invalid.errors());
        } else if (failure instanceof DecodeException || failure instanceof IllegalArgumentException && failure.getCause() instanceof DecodeException) {
            send(ctx, 400, "Malformed JSON", "the request body is not valid JSON: " + rootMessage(failure), List.of());
        } else if (failure instanceof ConflictException || failure instanceof RunInProgressException) {
            send(ctx, 409, "Conflict", failure.getMessage(), List.of());
        } else if (failure instanceof dev.patron.host.web.auth.ApiAuthHandler.UnauthorizedException) {
            send(ctx, 401, "Unauthorized", failure.getMessage(), List.of());
        } else if (failure instanceof dev.patron.host.web.auth.Access.ForbiddenException) {
            send(ctx, 403, "Forbidden", failure.getMessage(), List.of());
        } else if (failure instanceof dev.patron.host.exports.UnknownExportException unknown) {
            send(ctx, 404, "Unknown export", unknown.getMessage(), List.of(), java.util.Map.of("kinds", unknown.kinds()));
        } else if (failure instanceof NotFoundException) {
            send(ctx, 404, "Not found", failure.getMessage(), List.of());
        } else if (failure == null) {
            int status = ctx.statusCode();
            send(ctx, status, titleOf(status), detailOf(status, ctx), List.of());
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("request {} {} failed (reference {})", ctx.request().method(), ctx.request().path(), reference, failure);
            send(ctx, 500, "Internal error", "the server failed to handle this request; the server log has the details under reference "
                    + reference, List.of());
        }
    }

    public static void send(RoutingContext ctx, int status, String title, String detail, List<FieldError> errors) {
        send(ctx, status, title, detail, errors, java.util.Map.of());
    }

    /** With extension members, e.g. {@code balance} on a refused redemption. */
    public static void send(RoutingContext ctx, int status, String title, String detail, List<FieldError> errors,
                            java.util.Map<String, Object> extensions) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        if (!errors.isEmpty()) {
            JsonArray list = new JsonArray();
            errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("message", e.message())));
            body.put("errors", list);
        }
        extensions.forEach((key, value) -> {
            if (!body.containsKey(key)) {
                body.put(key, value);
            }
        });
        ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(body.encodePrettily());
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            default -> "Error";
        };
    }

    private static String detailOf(int status, RoutingContext ctx) {
        return switch (status) {
            case 404 -> "no resource at " + ctx.request().path() + "; see /api/v1/openapi.json and docs/http-api.md";
            case 405 -> ctx.request().method() + " is not allowed on " + ctx.request().path();
            case 413 -> "the request body is larger than the limit; send large data as several batches or as an import";
            case 415 -> "send the body as application/json";
            default -> "the request could not be handled";
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }
}
