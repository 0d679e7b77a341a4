package dev.patron.host.imports;

import dev.patron.host.Patron;
import dev.patron.host.config.PatronConfig;
import dev.patron.host.imports.ImportJobRepository.Stored;
import dev.patron.host.imports.ImportJobRepository.Summary;
import dev.patron.host.shop.ShopJson;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import jobs for the CLI and the API: {@link #submit} checks a file and records a job,
 * {@link #run} imports it on the calling thread, {@link #status} follows it from any thread.
 * Jobs are rows of {@code import_jobs}; the rows each job skipped or rejected are in a CSV report
 * under the data folder ({@code data/imports/<id>-report.csv}). Thread-safe.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final String HOST = hostName();
    private static final String OWNER = ProcessHandle.current().pid() + "@" + HOST;

    private final Store store;
    private final ImportRunner runner;
    private final ImportJobRepository jobs = new ImportJobRepository();
    private final Clock clock;
    private final Path workDir;
    private final Map<String, Live> live = new ConcurrentHashMap<>();

    /** A job submitted or running in this process. */
    private static final class Live {
        final Path file;
        final ImportOptions options;
        final boolean deleteFile;
        volatile IssueReport report;
        volatile long rowsRead;
        volatile long bytesRead;
        volatile ImportTally tally = new ImportTally();
        volatile ImportFormat format;

        Live(Path file, ImportOptions options, boolean deleteFile) {
            this.file = file;
            this.options = options;
            this.deleteFile = deleteFile;
        }
    }

    /**
     * @param workDir where reports (and API uploads) are kept, e.g. {@code data/imports}
     */
    public ImportService(Store store, ShopRepository shop, ShopJson json, ChunkEvents events, Currency currency, ZoneId zone,
                         Clock clock, Path workDir) {
        this.store = store;
        this.runner = new ImportRunner(store, shop, json, events, currency, zone, clock);
        this.clock = clock;
        this.workDir = workDir;
    }

    public static ImportService of(Patron patron) {
        PatronConfig config = patron.config();
        return new ImportService(patron.store(), patron.shop(), patron.json(), ChunkEvents.of(patron.writes()), config.currency(),
                config.zone(), patron.clock(), workDir(config));
    }

    /** {@code imports/} next to the SQLite database (normally {@code data/imports}). */
    public static Path workDir(PatronConfig config) {
        String url = config.dbUrl();
        String path = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : "";
        if (!path.isEmpty() && !path.startsWith(":memory:") && !path.startsWith("file:")) {
            Path parent = Path.of(path).toAbsolutePath().getParent();
            if (parent != null) {
                return parent.resolve("imports");
            }
        }
        return config.home().resolve("data").resolve("imports");
    }

    /** The importer itself, for previews that must judge rows exactly as an import does. */
    ImportRunner runner() {
        return runner;
    }

    /** Where reports and uploads are kept. */
    public Path workDir() {
        return workDir;
    }

    public String newId() {
        return UUID.randomUUID().toString();
    }

    /** Where the API keeps an upload until its job ends. */
    public Path uploadFile(String id) {
        return workDir.resolve(id + ".upload");
    }

    /**
     * Checks the options and the file's header (and currency) and records a queued job.
     *
     * @param source {@code cli} or {@code api}
     * @param deleteFileWhenDone delete {@code file} when the job ends (API uploads)
     * @throws ImportRefusedException when the import cannot start; no job is recorded
     * @throws IOException when the file cannot be read
     */
    public ImportStatus submit(String id, Path file, ImportOptions options, String source, boolean deleteFileWhenDone)
            throws IOException {
        runner.check(file, options);
        long size = Files.size(file);
        Path report = workDir.resolve(id + "-report.csv");
        store.inTransaction(c -> {
            jobs.insert(c, id, options, source, OWNER, clock.millis(), size, report.toString());
            return null;
        });
        live.put(id, new Live(file, options, deleteFileWhenDone));
        return status(id).orElseThrow();
    }

    /**
     * Runs a submitted job on the calling thread and returns how it ended. Failures of the import
     * itself (an unreadable file, a database error) end up in the status, not thrown.
     */
    public ImportStatus run(String id, ImportProgress progress) {
        Live job = live.get(id);
        if (job == null) {
            throw new IllegalStateException("import " + id + " is not waiting to run in this process");
        }
        store.inTransaction(c -> {
            jobs.start(c, id, job.options.format(), clock.millis());
            return null;
        });
        String reportFile = status(id).map(ImportStatus::reportFile).orElseThrow();
        IssueReport report = null;
        String status = "failed";
        String error = null;
        boolean committed = false;
        try {
            report = new IssueReport(Path.of(reportFile));
            job.report = report;
            ImportRunner.Result result = runner.run(job.file, job.options, report, listener(id, job, progress));
            committed = result.committed();
            job.tally = result.tally();
            long rejected = report.rows(IssueCode.Outcome.REJECTED);
            if (job.options.strict() && !committed && !job.options.dryRun()) {
                error = rejected + " row" + (rejected == 1 ? " was" : "s were") + " rejected; with --strict nothing was written"
                        + " (the report lists every one)";
            } else {
                status = "succeeded";
            }
        } catch (ImportRefusedException e) {
            error = e.getMessage();
        } catch (IOException | UncheckedIOException e) {
            error = e.getMessage() + (job.options.dryRun() || job.options.strict() ? "; nothing was written"
                    : "; chunks written before stay, and running the import again is safe (ids are idempotency keys)");
        } catch (RuntimeException e) {
            LOG.error("import {} failed", id, e);
            error = "the import failed: " + e.getMessage() + (job.options.dryRun() || job.options.strict() ? "; nothing was written"
                    : "; chunks written before stay, and running the import again is safe (ids are idempotency keys)");
        } finally {
            finish(id, job, report, status, committed, error);
        }
        return status(id).orElseThrow();
    }

    private void finish(String id, Live job, IssueReport report, String status, boolean committed, String error) {
        try {
            if (report != null) {
                report.close();
            }
            Summary summary = report == null ? Summary.parse(null) : Summary.of(job.tally, committed, report);
            List<Issue> first = report == null ? List.of() : report.first();
            store.inTransaction(c -> {
                jobs.finish(c, id, status, job.format, job.rowsRead, job.bytesRead, summary, first, error, clock.millis());
                return null;
            });
        } finally {
            live.remove(id);
            if (job.deleteFile) {
                try {
                    Files.deleteIfExists(job.file);
                } catch (IOException e) {
                    LOG.warn("cannot delete the upload {}: {}", job.file, e.getMessage());
                }
            }
        }
    }

    private ImportListener listener(String id, Live job, ImportProgress progress) {
        return new ImportListener() {
            private long bytesTotal;

            @Override
            public void started(ImportFormat format, long total) {
                job.format = format;
                bytesTotal = total;
            }

            @Override
            public void advanced(long rowsRead, long bytesRead, ImportTally total) {
                job.rowsRead = rowsRead;
                job.bytesRead = bytesRead;
                job.tally = total;
                progress.advanced(rowsRead, bytesRead, bytesTotal);
            }

            @Override
            public void chunkWritten(Connection c, long rowsRead, long bytesRead, ImportTally total) throws SQLException {
                jobs.progress(c, id, rowsRead, bytesRead, Summary.of(total, true, job.report), job.report.first(), clock.millis());
            }
        };
    }

    /** The job as it stands; live counts for a job running in this process. */
    public Optional<ImportStatus> status(String id) {
        return store.read(c -> jobs.find(c, id)).map(this::current);
    }

    /** The latest jobs, newest first. */
    public List<ImportStatus> recent(int limit) {
        return store.read(c -> jobs.recent(c, limit)).stream().map(this::current).toList();
    }

    /** The job's report file (every skipped and rejected row), when the job exists and the file was kept. */
    public Optional<Path> report(String id) {
        return status(id).map(ImportStatus::reportFile).map(Path::of).filter(Files::isRegularFile);
    }

    private ImportStatus current(Stored stored) {
        ImportStatus s = stored.status();
        Live job = live.get(s.id());
        if (job != null && job.report != null && "running".equals(s.status())) {
            IssueReport report = job.report;
            Summary summary = Summary.of(job.tally, false, report);
            return new ImportStatus(s.id(), s.kind(), job.format == null ? s.format() : job.format.json(), s.mapping(), s.source(),
                    s.fileName(), s.dryRun(), s.strict(), s.status(), s.createdAt(), s.startedAt(), null, job.rowsRead,
                    job.bytesRead, s.bytesTotal(), job.tally, false, summary.skipped(), summary.rejected(), summary.notes(),
                    report.issues(), report.first(), null, s.reportFile());
        }
        if (s.running() && job == null && abandoned(stored.owner())) {
            return new ImportStatus(s.id(), s.kind(), s.format(), s.mapping(), s.source(), s.fileName(), s.dryRun(), s.strict(),
                    "failed", s.createdAt(), s.startedAt(), null, s.rowsRead(), s.bytesRead(), s.bytesTotal(), s.written(),
                    s.committed(), s.skipped(), s.rejected(), s.notes(), s.issues(), s.firstIssues(),
                    "interrupted: the process running it stopped; chunks written before stay, and running the import again"
                    + " is safe (ids are idempotency keys)", s.reportFile());
        }
        return s;
    }

    /** Whether the process that owned a job on this machine is gone (another machine's job is left alone). */
    private static boolean abandoned(String owner) {
        int at = owner.indexOf('@');
        if (at < 0 || !owner.substring(at + 1).equals(HOST)) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
