package dev.patron.host.web.api;

import dev.patron.host.auth.Role;
import dev.patron.host.web.auth.Access;

import dev.patron.host.Patron;
import dev.patron.host.scoring.RunRequest;
import dev.patron.host.scoring.ScoringProgress;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** {@code POST /api/v1/scoring/runs} starts a full run in the background; {@code GET .../{id}} follows it. */
final class ScoringRoutes {

    private static final Set<String> FIELDS = Set.of("asOf", "plugins");

    private final Vertx vertx;
    private final Patron patron;
    private final Executor runner;

    ScoringRoutes(Vertx vertx, Patron patron, Executor runner) {
        this.vertx = vertx;
        this.patron = patron;
        this.runner = runner;
    }

    void mount(Router router) {
        router.post("/api/v1/scoring/runs").handler(Access.require(Role.STAFF)).handler(this::start);
        router.get("/api/v1/scoring/runs/:id").handler(Access.require(Role.VIEWER)).handler(this::one);
    }

    private void start(RoutingContext ctx) {
        RunRequest request = request(Bodies.optionalObject(ctx));
        vertx.executeBlocking(() -> patron.engine().start(request, runner, ScoringProgress.NONE), false)
                .compose(id -> vertx.executeBlocking(() -> patron.engine().status(id).orElseThrow(), false))
                .onSuccess(run -> {
                    ctx.response().setStatusCode(202).putHeader("Location", "/api/v1/scoring/runs/" + run.id());
                    ctx.json(ApiJson.run(run));
                })
                .onFailure(ctx::fail);
    }

    private RunRequest request(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : body.fieldNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a known field; allowed fields are asOf, plugins"));
            }
        }
        LocalDate asOf = patron.engine().today();
        Object rawAsOf = body.getValue("asOf");
        if (rawAsOf != null) {
            try {
                asOf = LocalDate.parse(String.valueOf(rawAsOf));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("asOf", "'" + rawAsOf + "' must be a date like 2026-11-23"));
            }
        }
        List<String> plugins = new ArrayList<>();
        Object rawPlugins = body.getValue("plugins");
        if (rawPlugins instanceof JsonArray array) {
            array.forEach(p -> {
                if (p instanceof String s && !s.isBlank()) {
                    plugins.add(s);
                } else {
                    errors.add(new FieldError("plugins", "must be an array of plugin ids (strings)"));
                }
            });
        } else if (rawPlugins != null) {
            errors.add(new FieldError("plugins", "must be an array of plugin ids, e.g. [\"rfm\"]"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RunRequest(asOf, plugins, "api");
    }

    /** With {@code ?wait=N} (seconds, at most 60) a running run is answered when it ends or after N seconds. */
    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int wait = CustomerRoutes.intParam(ctx, "wait", 0, 0, 60);
        Future<Void> finished = patron.engine().completion(id)
                .filter(done -> wait > 0)
                .map(done -> Future.fromCompletionStage(done, vertx.getOrCreateContext()).timeout(wait, TimeUnit.SECONDS)
                        .otherwiseEmpty())
                .orElse(Future.succeededFuture());
        finished.compose(ignored -> vertx.executeBlocking(() -> patron.engine().status(id)
                        .orElseThrow(() -> new NotFoundException("scoring run " + id + " does not exist")), false))
                .onSuccess(run -> ctx.json(ApiJson.run(run)))
                .onFailure(ctx::fail);
    }
}
