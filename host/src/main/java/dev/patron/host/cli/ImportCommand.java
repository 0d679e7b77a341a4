package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.imports.ImportFormat;
import dev.patron.host.imports.ImportKind;
import dev.patron.host.imports.ImportOptions;
import dev.patron.host.imports.ImportService;
import dev.patron.host.imports.ImportStatus;
import dev.patron.host.imports.ImportTally;
import dev.patron.host.imports.Issue;
import dev.patron.host.shop.Money;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patron import orders|customers|refunds FILE}: a streaming import with a progress bar and a report. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import customers, orders or refunds from a CSV or NDJSON file (plain or gzip).",
            "Rows are checked like API requests; ids are idempotency keys, so importing a file again changes nothing.",
            "Every skipped or rejected row is reported with its line, column and reason. See docs/importing.md."},
        footer = {"", "Examples:",
            "  patron import customers customers.csv",
            "  patron import orders orders.csv --map order_no=id --map total=amount --dry-run",
            "  PATRON_SHOP_CURRENCY=GBP patron import orders online_retail.csv.gz --mapping uci-online-retail --report rejects.csv"})
final class ImportCommand implements Callable<Integer> {

    private static final int SHOWN_ISSUES = 20;

    @Mixin
    HostOptions host = new HostOptions();

    @Parameters(index = "0", paramLabel = "KIND", description = "orders, customers or refunds")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file; .gz files are read transparently.")
    Path file;

    @Option(names = "--format", paramLabel = "csv|ndjson", description = "The file format (default: from the file name, else its first character).")
    String format;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD", description = "Read COLUMN as FIELD (repeatable); FIELD '-' drops the column.")
    List<String> map = List.of();

    @Option(names = "--mapping", paramLabel = "NAME", description = "A built-in mapping, e.g. uci-online-retail.")
    String mapping;

    @Option(names = "--dry-run", description = "Check every row and print what would happen; write nothing.")
    boolean dryRun;

    @Option(names = "--strict", description = "Write nothing unless every row is valid (skipped rows are fine).")
    boolean strict;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "The file's character set (default ${DEFAULT-VALUE}).", defaultValue = "UTF-8")
    String encoding;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "Time zone of local date-times in the file (default: the mapping's, else shop.timezone).")
    String timezone;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV field separator (default ',').")
    Character delimiter;

    @Option(names = "--create-customers", description = "Create customers that orders name but that do not exist yet.")
    boolean createCustomers;

    @Option(names = "--report", paramLabel = "FILE", description = "Write every skipped and rejected row to FILE as CSV (line,column,value,reason,outcome,code).")
    Path report;

    @Option(names = "--score", description = "Run a full scoring run after a successful import.")
    boolean score;

    @Option(names = "--chunk-size", hidden = true, defaultValue = "5000", description = "Rows per write transaction.")
    int chunkSize;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException("cannot read " + file + ": no such file");
        }
        ImportOptions options = options();
        try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
            ImportService imports = ImportService.of(patron);
            String id = imports.newId();
            imports.submit(id, file, options, "cli", false);
            System.err.printf("importing %s from %s%s (job %s)%n", options.kind().json(), file,
                    mapping == null ? "" : " with mapping " + mapping, id);
            ImportStatus status;
            try (Progress progress = new Progress(System.err)) {
                status = imports.run(id, progress::advanced);
            }
            print(status, patron.config().currency(), System.out);
            int code = "succeeded".equals(status.status()) && status.rowsRejected() == 0 ? 0 : 1;
            if (status.committed() && !status.dryRun()) {
                if (score) {
                    int scored = ScoreCommand.run(patron, patron.engine().today(), List.of(), "import");
                    code = Math.max(code, scored);
                } else if (wroteAnything(status.written())) {
                    System.out.println("Scores are not updated by an import: run 'patron score' now (or import with --score).");
                }
            }
            return code;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private ImportOptions options() {
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--encoding '" + encoding + "' is not a character set this Java knows (try UTF-8,"
                    + " ISO-8859-1 or windows-1252)");
        }
        ZoneId zone;
        try {
            zone = timezone == null ? null : ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("--timezone '" + timezone + "' is not a time zone; use a name such as Europe/London");
        }
        return new ImportOptions(ImportKind.parse(kind), format == null ? null : ImportFormat.parse(format), mapping,
                ImportOptions.parseRenames(map), dryRun, strict, charset, zone, delimiter, createCustomers, chunkSize,
                file.getFileName().toString());
    }

    private void print(ImportStatus s, java.util.Currency currency, PrintStream out) {
        Duration elapsed = s.elapsed(java.time.Instant.now());
        double seconds = elapsed == null ? 0 : elapsed.toMillis() / 1000.0;
        out.printf("import %s %s: %,d rows read from %s in %.1f s (%,d rows/s)%n", s.id(), s.status(), s.rowsRead(), s.fileName(),
                seconds, seconds > 0 ? Math.round(s.rowsRead() / seconds) : 0);
        if (s.dryRun()) {
            out.println("  dry run: nothing was written; the import would have done this:");
        } else if (!s.committed() && "failed".equals(s.status()) && s.strict()) {
            out.println("  nothing was written; had every row been valid, the import would have done this:");
        }
        ImportTally w = s.written();
        out.printf("  customers      created %,d  updated %,d  unchanged %,d%n", w.customersCreated(), w.customersUpdated(),
                w.customersUnchanged());
        out.printf("  orders         created %,d  unchanged %,d%n", w.ordersCreated(), w.ordersUnchanged());
        out.printf("  refunds        created %,d  unchanged %,d%n", w.refundsCreated(), w.refundsUnchanged());
        if (w.cancellationsRefunded() > 0 || w.unmatchedMinor() > 0) {
            out.printf("  cancellations  %,d refunded against earlier orders; %s %s found no order left to refund%n",
                    w.cancellationsRefunded(), Money.display(w.unmatchedMinor(), currency), currency.getCurrencyCode());
        }
        counts(out, "rows skipped", s.rowsSkipped(), s.skipped());
        counts(out, "rows rejected", s.rowsRejected(), s.rejected());
        if (!s.notes().isEmpty()) {
            counts(out, "notes", s.notes().values().stream().mapToLong(Long::longValue).sum(), s.notes());
        }
        if (s.error() != null) {
            out.println("  error: " + s.error());
        }
        if (s.issues() > 0) {
            reportIssues(s, out);
        }
    }

    private static void counts(PrintStream out, String title, long total, Map<String, Long> byCode) {
        out.printf("  %-14s %,d%n", title, total);
        byCode.forEach((code, rows) -> out.printf("    %-24s %,d%n", code, rows));
    }

    private void reportIssues(ImportStatus s, PrintStream out) {
        if (report != null) {
            try {
                Files.copy(Path.of(s.reportFile()), report, StandardCopyOption.REPLACE_EXISTING);
                out.printf("  every reported row (%,d) is in %s%n", s.issues(), report);
            } catch (IOException e) {
                out.printf("  cannot write the report to %s (%s); it is kept in %s%n", report, e.getMessage(), s.reportFile());
            }
            return;
        }
        List<Issue> first = s.firstIssues().subList(0, Math.min(SHOWN_ISSUES, s.firstIssues().size()));
        out.printf("  first %d of %,d reported rows:%n", first.size(), s.issues());
        for (Issue issue : first) {
            out.printf("    line %d%s%s: [%s] %s%n", issue.line(), issue.column().isEmpty() ? "" : ", column " + issue.column(),
                    issue.value().isEmpty() ? "" : " '" + issue.value() + "'", issue.code().code(), issue.reason());
        }
        out.printf("  all of them: %s (or pass --report FILE)%n", s.reportFile());
    }

    private static boolean wroteAnything(ImportTally w) {
        return w.customersCreated() + w.customersUpdated() + w.ordersCreated() + w.refundsCreated() > 0;
    }

    /** Rows read with rate and ETA; the total is estimated from the bytes read so far. */
    private static final class Progress implements AutoCloseable {
        private final ProgressBar bar;

        Progress(PrintStream out) {
            ProgressBarBuilder builder = new ProgressBarBuilder()
                    .setTaskName("importing")
                    .setInitialMax(-1)
                    .setUnit(" rows", 1)
                    .showSpeed()
                    .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                    .setStyle(ProgressBarStyle.ASCII)
                    .continuousUpdate();
            if (System.console() != null) {
                builder.setConsumer(new ConsoleProgressBarConsumer(out));
            } else {
                builder.setConsumer(new DelegatingProgressBarConsumer(out::println)).setUpdateIntervalMillis(2_000);
            }
            bar = builder.build();
        }

        void advanced(long rowsRead, long bytesRead, long bytesTotal) {
            if (bytesRead > 0 && bytesTotal > 0) {
                bar.maxHint(Math.max(rowsRead, Math.round((double) rowsRead * bytesTotal / bytesRead)));
            }
            bar.stepTo(rowsRead);
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
