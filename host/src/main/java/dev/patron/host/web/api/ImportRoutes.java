package dev.patron.host.web.api;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.imports.ImportFormat;
import dev.patron.host.imports.ImportJobs;
import dev.patron.host.imports.ImportKind;
import dev.patron.host.imports.ImportOptions;
import dev.patron.host.imports.ImportRefusedException;
import dev.patron.host.imports.ImportService;
import dev.patron.host.imports.ImportStatus;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.NotFoundException;
import dev.patron.host.web.auth.Access;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/imports?kind=orders&...} with the file as the body streams the upload to
 * the data folder, checks its header and answers 202 with the job; the import runs on one worker
 * thread, one job at a time. {@code GET /api/v1/imports/{id}} follows it;
 * {@code GET /api/v1/imports/{id}/report} downloads every skipped and rejected row as CSV.
 */
final class ImportRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);
    /** Largest accepted upload; gzip it to send more rows. */
    static final long MAX_UPLOAD_BYTES = 4L * 1024 * 1024 * 1024;
    private static final String PATH = "/api/v1/imports";

    private final Vertx vertx;
    private final ImportJobs jobs;
    private final ImportService imports;
    private final WorkerExecutor worker;
    /** The jobs this server is running, so {@code ?wait=} can answer when one ends. */
    private final java.util.Map<String, Future<ImportStatus>> running = new java.util.concurrent.ConcurrentHashMap<>();

    ImportRoutes(Vertx vertx, Patron patron) {
        this.vertx = vertx;
        this.jobs = ImportJobs.of(patron);
        this.imports = jobs.service();
        this.worker = vertx.createSharedWorkerExecutor(ImportJobs.WORKER, 1, 24, TimeUnit.HOURS);
    }

    void mount(Router router) {
        // Runs before the API's BodyHandler (order -1), which would read the whole upload into memory
        // and refuse it over 16 MiB: pause the request until it is authenticated, and mark the body
        // as handled so BodyHandler passes it on untouched; upload() then streams it to disk.
        router.post(PATH).order(-1).handler(ImportRoutes::streamLater);
        router.post(PATH).handler(Access.require(Role.ADMIN)).handler(this::upload);
        router.get(PATH).handler(Access.require(Role.VIEWER)).handler(this::list);
        router.get(PATH + "/:id").handler(Access.require(Role.VIEWER)).handler(this::one);
        router.get(PATH + "/:id/report").handler(Access.require(Role.VIEWER)).handler(this::report);
    }

    private static void streamLater(RoutingContext ctx) {
        ctx.request().pause();
        ((RoutingContextInternal) ctx).visitHandler(RoutingContextInternal.BODY_HANDLER);
        ctx.next();
    }

    private void upload(RoutingContext ctx) {
        ImportOptions options = options(ctx);
        boolean score = flag(ctx, "score", new ArrayList<>());
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > MAX_UPLOAD_BYTES) {
            ctx.fail(413);
            return;
        }
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
            // BodyHandler answers this for other routes; curl sends it for bodies over 1 MB and waits for it.
            ctx.response().writeContinue();
        }
        String id = imports.newId();
        Path upload = imports.uploadFile(id);
        vertx.fileSystem().mkdirs(upload.getParent().toString())
                .compose(v -> vertx.fileSystem().open(upload.toString(), new OpenOptions().setWrite(true).setCreate(true)
                        .setTruncateExisting(true)))
                .compose(file -> ctx.request().pipeTo(file))
                .compose(v -> vertx.executeBlocking(() -> imports.submit(id, upload, options, "api", true), false))
                .onSuccess(status -> {
                    Future<ImportStatus> job = worker.executeBlocking(() -> jobs.run(id, score), true);
                    running.put(id, job);
                    job.onComplete(done -> running.remove(id)).onFailure(e -> LOG.error("import {} failed", id, e));
                    ctx.response().setStatusCode(202).putHeader("Location", PATH + "/" + id);
                    ctx.json(json(status));
                })
                .onFailure(e -> {
                    vertx.fileSystem().delete(upload.toString()).otherwiseEmpty();
                    if (e instanceof ImportRefusedException) {
                        Problems.send(ctx, 400, "Import refused", e.getMessage() + "; nothing was imported", List.of());
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    private ImportOptions options(RoutingContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        ImportKind kind = parse(errors, "kind", ctx.request().getParam("kind"), ImportKind::parse, true);
        ImportFormat format = parse(errors, "format", ctx.request().getParam("format"), ImportFormat::parse, false);
        Charset charset = parse(errors, "encoding", ctx.request().getParam("encoding"), Charset::forName, false);
        ZoneId zone = parse(errors, "timezone", ctx.request().getParam("timezone"), ZoneId::of, false);
        String delimiter = ctx.request().getParam("delimiter");
        if (delimiter != null && delimiter.length() != 1) {
            errors.add(new FieldError("delimiter", "must be one character, e.g. ; or a tab"));
        }
        java.util.Map<String, String> renames = parse(errors, "map", ctx.queryParam("map"), ImportOptions::parseRenames, false);
        boolean dryRun = flag(ctx, "dryRun", errors);
        boolean strict = flag(ctx, "strict", errors);
        boolean createCustomers = flag(ctx, "createCustomers", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String fileName = ctx.request().getParam("fileName", "upload");
        return new ImportOptions(kind, format, ctx.request().getParam("mapping"), renames, dryRun, strict, charset, zone,
                delimiter == null || delimiter.length() != 1 ? null : delimiter.charAt(0), createCustomers, 0, fileName);
    }

    private static <T, R> R parse(List<FieldError> errors, String name, T raw, java.util.function.Function<T, R> parser,
                                  boolean required) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            if (required) {
                errors.add(new FieldError(name, "is required, e.g. ?" + name + "=orders"));
            }
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            errors.add(new FieldError(name, e.getMessage() == null ? "'" + raw + "' is not valid" : e.getMessage()));
            return null;
        }
    }

    private static boolean flag(RoutingContext ctx, String name, List<FieldError> errors) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isEmpty() || raw.equals("false") || raw.equals("0")) {
            return false;
        }
        if (raw.equals("true") || raw.equals("1")) {
            return true;
        }
        errors.add(new FieldError(name, "'" + raw + "' must be true or false"));
        return false;
    }

    private void list(RoutingContext ctx) {
        int limit = CustomerRoutes.intParam(ctx, "limit", 20, 1, 200);
        vertx.executeBlocking(() -> imports.recent(limit), false)
                .onSuccess(jobs -> {
                    JsonArray list = new JsonArray();
                    jobs.forEach(job -> list.add(json(job)));
                    ctx.json(new JsonObject().put("imports", list));
                })
                .onFailure(ctx::fail);
    }

    /** With {@code ?wait=N} (seconds, at most 60) a job running here is answered when it ends or after N seconds. */
    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int wait = CustomerRoutes.intParam(ctx, "wait", 0, 0, 60);
        Future<ImportStatus> job = running.get(id);
        Future<?> ended = wait == 0 || job == null ? Future.succeededFuture() : job.timeout(wait, TimeUnit.SECONDS).otherwiseEmpty();
        ended.compose(ignored -> vertx.executeBlocking(() -> imports.status(id)
                        .orElseThrow(() -> new NotFoundException("import " + id + " does not exist")), false))
                .onSuccess(status -> ctx.json(json(status)))
                .onFailure(ctx::fail);
    }

    private void report(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> {
            imports.status(id).orElseThrow(() -> new NotFoundException("import " + id + " does not exist"));
            return imports.report(id).orElseThrow(() -> new NotFoundException("the report of import " + id
                    + " is not there (not started yet, or its file was deleted from the data folder)"));
        }, false).onSuccess(file -> ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-report.csv\"")
                .sendFile(file.toString()))
                .onFailure(ctx::fail);
    }

    private static JsonObject json(ImportStatus status) {
        return status.toJson(Instant.now()).put("report", PATH + "/" + status.id() + "/report");
    }
}
