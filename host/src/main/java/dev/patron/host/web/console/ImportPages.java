package dev.patron.host.web.console;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.auth.Sessions;
import dev.patron.host.imports.ImportFormat;
import dev.patron.host.imports.ImportJobs;
import dev.patron.host.imports.ImportKind;
import dev.patron.host.imports.ImportMapping;
import dev.patron.host.imports.ImportOptions;
import dev.patron.host.imports.ImportPreview;
import dev.patron.host.imports.ImportRefusedException;
import dev.patron.host.imports.ImportService;
import dev.patron.host.imports.ImportStatus;
import dev.patron.host.shop.NotFoundException;
import dev.patron.host.web.auth.Access;
import dev.patron.host.web.auth.ApiAuthHandler;
import dev.patron.host.web.auth.ConsoleSecurity;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's import (administrators only): upload a CSV or NDJSON file, choose which column
 * gives which field with the first rows previewed and judged by the importer, then a dry run or
 * the import as a background job (the same job as {@code POST /api/v1/imports}), followed on a
 * status page until it ends with its rejected rows and a link to the report
 * ({@code GET /api/v1/imports/{id}/report}, which a console session may read).
 *
 * <p>Uploads are streamed to {@code imports/console/} next to the database, only after the
 * caller is known to be a signed-in administrator, and kept for a day; an import takes its upload
 * over (the job deletes it when done), a dry run leaves it for the import that follows.
 */
final class ImportPages {

    /** Largest file the console takes; the API takes up to 4 GiB, and gzip files are read as they are. */
    static final long MAX_UPLOAD_BYTES = 1L << 30;
    static final String BASE = "/console/imports";
    /** Room for the form's other fields and the multipart framing around the file. */
    private static final long FORM_BYTES = 1L << 20;
    private static final Duration KEEP_UPLOADS = Duration.ofDays(1);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Encodings offered; shop exports are mostly UTF-8, Windows code pages or Chinese national encodings. */
    static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-1", "GB18030", "Big5", "Shift_JIS",
            "UTF-16");
    private static final Logger LOG = LoggerFactory.getLogger(ImportPages.class);

    private final Vertx vertx;
    private final Patron patron;
    private final ConsoleRoutes console;
    private final ImportJobs jobs;
    private final ImportService imports;
    private final ImportPreview previews;
    private final WorkerExecutor worker;
    private final Path uploads;
    private final long maxUploadBytes;

    ImportPages(Vertx vertx, Patron patron, ConsoleRoutes console, long maxUploadBytes) {
        this.vertx = vertx;
        this.patron = patron;
        this.console = console;
        this.jobs = ImportJobs.of(patron);
        this.imports = jobs.service();
        this.previews = new ImportPreview(imports);
        this.worker = vertx.createSharedWorkerExecutor(ImportJobs.WORKER, 1, 24, TimeUnit.HOURS);
        this.uploads = imports.workDir().resolve("console");
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * The upload's own body handling; mount before the console's body handler, which would take
     * any file from anyone up to its limit before the session is checked.
     */
    void mountUpload(Router router) {
        router.post(BASE).handler(this::admit);
        router.post(BASE).handler(BodyHandler.create(uploads.resolve("incoming").toString())
                .setBodyLimit(maxUploadBytes + FORM_BYTES).setDeleteUploadedFilesOnEnd(true));
    }

    /** The pages; mount after the console's sign-in, which checks every form's CSRF token. */
    void mount(Router router) {
        router.get(BASE).handler(Access.require(Role.ADMIN)).handler(ctx -> form(ctx, List.of()));
        router.post(BASE).handler(Access.require(Role.ADMIN)).handler(this::upload);
        router.get(BASE + "/uploads/:upload").handler(Access.require(Role.ADMIN)).handler(this::preview);
        router.post(BASE + "/uploads/:upload").handler(Access.require(Role.ADMIN)).handler(this::start);
        router.get(BASE + "/:id").handler(Access.require(Role.ADMIN)).handler(this::status);
    }

    /**
     * Lets an upload's body in only for a signed-in administrator and a declared size under the
     * limit; the request stays paused (nothing is read) until then.
     */
    private void admit(RoutingContext ctx) {
        ctx.request().pause();
        Cookie cookie = ctx.request().getCookie(ApiAuthHandler.SESSION_COOKIE);
        vertx.executeBlocking(() -> patron.auth().sessions().find(cookie == null ? null : cookie.getValue()), false)
                .onSuccess(session -> {
                    if (session.isEmpty()) {
                        ctx.fail(401, new ApiAuthHandler.UnauthorizedException("your session ended; sign in again"));
                        return;
                    }
                    Sessions.Session signedIn = session.get();
                    if (!signedIn.principal().may(Role.ADMIN)) {
                        ctx.fail(403, new Access.ForbiddenException(signedIn.principal().name() + " has role "
                                + signedIn.principal().role().json() + "; importing needs admin"));
                        return;
                    }
                    long declared = contentLength(ctx);
                    if (declared > maxUploadBytes + FORM_BYTES) {
                        ctx.put(ConsoleSecurity.SESSION, signedIn);
                        ctx.response().setStatusCode(413).putHeader("Connection", "close");
                        LocaleFormats formats = console.formats(console.locale(ctx));
                        form(ctx, List.of(new ImportChoices.Problem("imports.problem.tooLarge", formats.bytes(declared),
                                formats.bytes(maxUploadBytes))));
                        return;
                    }
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }

    private static long contentLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        return length != null && length.matches("\\d{1,18}") ? Long.parseLong(length) : -1;
    }

    /** Step 1: the upload form and the latest imports. */
    private void form(RoutingContext ctx, List<ImportChoices.Problem> problems) {
        ImportChoices chosen = ImportChoices.from(ctx.request().formAttributes());
        vertx.executeBlocking(() -> {
            Map<String, Object> model = choicesModel(chosen);
            model.put("problems", problems);
            model.put("maxUpload", maxUploadBytes);
            model.put("recent", imports.recent(20));
            return model;
        }, false).onSuccess(model -> console.render(ctx, "imports.ftlh", model)).onFailure(ctx::fail);
    }

    private Map<String, Object> choicesModel(ImportChoices chosen) {
        Map<String, Object> model = new HashMap<>();
        model.put("choices", chosen);
        model.put("kinds", java.util.Arrays.stream(ImportKind.values()).map(ImportKind::json).toList());
        model.put("formats", java.util.Arrays.stream(ImportFormat.values()).map(ImportFormat::json).toList());
        model.put("encodings", ENCODINGS);
        Map<String, String> mappings = new LinkedHashMap<>();
        ImportMapping.builtInNames().forEach(name -> mappings.put(name, ImportMapping.builtIn(name).orElseThrow().kind().json()));
        model.put("mappings", mappings);
        return model;
    }

    /** Stores an uploaded file and shows its preview. */
    private void upload(RoutingContext ctx) {
        ImportChoices chosen = ImportChoices.from(ctx.request().formAttributes());
        List<FileUpload> files = ctx.fileUploads();
        vertx.executeBlocking(() -> {
            List<ImportChoices.Problem> problems = new ArrayList<>(chosen.problems());
            if (files.size() != 1 || files.get(0).size() == 0) {
                problems.add(new ImportChoices.Problem("imports.problem.noFile", ""));
            }
            if (!problems.isEmpty()) {
                return new Uploaded(null, problems);
            }
            FileUpload file = files.get(0);
            String id = UUID.randomUUID().toString();
            Files.createDirectories(uploads);
            Files.move(Path.of(file.uploadedFileName()), uploads.resolve(id + ".upload"));
            Files.writeString(uploads.resolve(id + ".name"), baseName(file.fileName()), StandardCharsets.UTF_8);
            forgetOldUploads();
            return new Uploaded(id, List.of());
        }, false).onSuccess(uploaded -> {
            if (uploaded.id() == null) {
                ctx.response().setStatusCode(400);
                form(ctx, uploaded.problems());
            } else {
                seeOther(ctx, BASE + "/uploads/" + uploaded.id() + "?" + chosen.query());
            }
        }).onFailure(ctx::fail);
    }

    private record Uploaded(String id, List<ImportChoices.Problem> problems) {
    }

    /** Step 2: the columns, the first rows, and what the importer makes of them. */
    private void preview(RoutingContext ctx) {
        String id = ctx.pathParam("upload");
        ImportChoices asked = ImportChoices.from(ctx.queryParams());
        vertx.executeBlocking(() -> {
            Upload upload = upload(id);
            Prepared prepared = prepare(upload, asked);
            ImportPreview.Result result = previews.preview(upload.file(), prepared.options(), ImportPreview.DEFAULT_ROWS);
            Map<String, Object> model = choicesModel(prepared.choices());
            model.put("problems", asked.problems());
            model.put("upload", id);
            model.put("fileName", upload.name());
            model.put("fileSize", Files.size(upload.file()));
            model.put("preview", result);
            Map<String, List<dev.patron.host.imports.Issue>> issuesByLine = new LinkedHashMap<>();
            result.issues().forEach(i -> issuesByLine.computeIfAbsent(String.valueOf(i.line()), k -> new ArrayList<>()).add(i));
            model.put("issuesByLine", issuesByLine);
            model.put("rejectedRows", result.rejectedLines().size());
            model.put("skippedRows", result.skippedLines().size());
            model.put("fieldsFor", prepared.choices().kind().json() + ":" + prepared.choices().mapping());
            return model;
        }, false).onSuccess(model -> console.render(ctx, "import-preview.ftlh", model)).onFailure(ctx::fail);
    }

    /** Choices with the columns applied: chosen ones, or at first the importer's own reading of the header. */
    private record Prepared(ImportChoices choices, ImportOptions options) {
    }

    private Prepared prepare(Upload upload, ImportChoices asked) throws IOException {
        ImportOptions plain = asked.options(upload.name(), Map.of());
        List<String> columns = previews.columns(upload.file(), plain);
        if (columns.isEmpty()) {
            return new Prepared(asked, plain);
        }
        String mapping = asked.mapping().isEmpty() ? null : asked.mapping();
        Map<String, String> fields = asked.fields() != null ? asked.fields()
                : ImportPreview.automatic(asked.kind(), mapping, Map.of(), columns);
        Map<String, String> renames = ImportPreview.renames(asked.kind(), mapping, columns, fields);
        Map<String, String> applied = ImportPreview.automatic(asked.kind(), mapping, renames, columns);
        return new Prepared(asked.withFields(applied), asked.options(upload.name(), renames));
    }

    /** Step 3: a new preview, or a dry run or the import as a background job. */
    private void start(RoutingContext ctx) {
        String id = ctx.pathParam("upload");
        MultiMap form = ctx.request().formAttributes();
        String action = form.get("action");
        ImportChoices asked = ImportChoices.from(form);
        boolean dryRun = "dry-run".equals(action);
        if (!dryRun && !"import".equals(action) || !asked.problems().isEmpty()) {
            seeOther(ctx, BASE + "/uploads/" + id + "?" + asked.query());
            return;
        }
        String actor = Access.actor(ctx);
        vertx.executeBlocking(() -> {
            Upload upload = upload(id);
            Prepared prepared = prepare(upload, asked);
            String jobId = imports.newId();
            Path jobFile = imports.uploadFile(jobId);
            Files.createDirectories(jobFile.getParent());
            if (dryRun) {
                linkOrCopy(upload.file(), jobFile);
            } else {
                Files.move(upload.file(), jobFile);
            }
            try {
                imports.submit(jobId, jobFile, prepared.options().withDryRun(dryRun), "console", true);
            } catch (ImportRefusedException e) {
                // The preview shows the same refusal, with the choices to change.
                if (dryRun) {
                    Files.deleteIfExists(jobFile);
                } else {
                    Files.move(jobFile, upload.file());
                }
                return new Started(null, prepared.choices());
            }
            if (!dryRun) {
                Files.deleteIfExists(uploads.resolve(id + ".name"));
            }
            patron.auth().audit().record(actor, dryRun ? "import.dry-run" : "import", jobId,
                    prepared.options().kind().json() + " " + upload.name());
            return new Started(jobId, prepared.choices());
        }, false).onSuccess(started -> {
            if (started.jobId() == null) {
                seeOther(ctx, BASE + "/uploads/" + id + "?" + started.choices().query());
                return;
            }
            worker.executeBlocking(() -> jobs.run(started.jobId(), asked.score()), true)
                    .onFailure(e -> LOG.error("import {} failed", started.jobId(), e));
            seeOther(ctx, BASE + "/" + started.jobId() + (dryRun ? "?upload=" + id + "&" + started.choices().query() : ""));
        }).onFailure(ctx::fail);
    }

    private record Started(String jobId, ImportChoices choices) {
    }

    /** The job's progress while it runs (refreshed by a script, or the reader), then its summary and rejected rows. */
    private void status(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String upload = ctx.request().getParam("upload");
        ImportChoices choices = ImportChoices.from(ctx.queryParams());
        vertx.executeBlocking(() -> {
            ImportStatus job = imports.status(id).orElseThrow(() -> new NotFoundException("import " + id + " does not exist"));
            Map<String, Object> model = new HashMap<>();
            model.put("job", job);
            model.put("progress", job.toJson(Instant.now()).getJsonObject("progress").getMap());
            model.put("hasReport", imports.report(id).isPresent());
            model.put("moreIssues", Math.max(0, job.issues() - job.firstIssues().size()));
            boolean again = upload != null && ID.matcher(upload).matches() && job.dryRun()
                    && Files.isRegularFile(uploads.resolve(upload + ".upload"));
            model.put("upload", again ? upload : "");
            model.put("hidden", choices.params());
            model.put("previewQuery", choices.query());
            return model;
        }, false).onSuccess(model -> console.render(ctx, "import-status.ftlh", model)).onFailure(ctx::fail);
    }

    /** An upload kept for its preview and import. */
    private record Upload(Path file, String name) {
    }

    private Upload upload(String id) throws IOException {
        Path file = ID.matcher(id).matches() ? uploads.resolve(id + ".upload") : null;
        if (file == null || !Files.isRegularFile(file)) {
            throw new NotFoundException("this upload is gone: an import uses its upload up, and uploads are kept for a day;"
                    + " upload the file again");
        }
        Path name = uploads.resolve(id + ".name");
        return new Upload(file, Files.isRegularFile(name) ? Files.readString(name, StandardCharsets.UTF_8) : id);
    }

    /** Deletes uploads nobody imported within a day (the report of every job stays). */
    private void forgetOldUploads() throws IOException {
        Instant before = patron.clock().instant().minus(KEEP_UPLOADS);
        try (Stream<Path> files = Files.list(uploads)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    LOG.warn("cannot delete the old upload {}: {}", file, e.getMessage());
                }
            }
        }
    }

    /** A second name for the same file (no copy), or a copy where links are not possible. */
    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(from, to);
        }
    }

    /** The name without any folder a browser may send. */
    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).strip();
        return name.isEmpty() ? "upload" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static void seeOther(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(303).putHeader("Location", location).end();
    }
}
