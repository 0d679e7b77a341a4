package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.exports.Exporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patron export KIND [--format csv|ndjson] [--since WHEN] [--customer ID] [--output FILE]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write customers, current scores or a running plugin's export (ledger: the loyalty points ledger)"
                + " as CSV or NDJSON.", "An unknown KIND lists the kinds there are."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    HostOptions host = new HostOptions();

    @Parameters(index = "0", paramLabel = "KIND", description = "customers, scores, or a plugin's kind such as ledger")
    String kind;

    @Option(names = "--format", description = "csv (default) or ndjson")
    String format;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only rows since an ISO-8601 instant or a date (midnight in the shop's zone), for kinds that take it.")
    String since;

    @Option(names = "--customer", paramLabel = "ID", description = "Only one customer's rows, for kinds that take it.")
    String customer;

    @Option(names = "--output", description = "File to write (default: standard output).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Exporter.Format how = Exporter.Format.parse(format);
        try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
            Exporter.Prepared export = new Exporter(patron.exports(), patron.config().zone()).prepare(kind, since, customer);
            long rows = output == null ? toStandardOutput(export, how) : toFile(export, how);
            System.err.println("exported " + rows + " " + export.kind().name() + " rows" + (output == null ? "" : " to " + output));
        }
        return 0;
    }

    private static long toStandardOutput(Exporter.Prepared export, Exporter.Format how) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        long rows = export.writeTo(how, out);
        out.flush();
        return rows;
    }

    /** Writes beside the file and moves it into place at the end, so a failed export never leaves a short file behind. */
    private long toFile(Exporter.Prepared export, Exporter.Format how) throws IOException {
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        try {
            long rows;
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                rows = export.writeTo(how, out);
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
