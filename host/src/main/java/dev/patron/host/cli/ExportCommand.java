package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.exports.Exporter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patron export customers|scores [--format csv|ndjson] [--output FILE]}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write customers or current scores as CSV or NDJSON.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    HostOptions host = new HostOptions();

    @Parameters(index = "0", paramLabel = "WHAT", description = "customers or scores")
    String kind;

    @Option(names = "--format", description = "csv (default) or ndjson")
    String format;

    @Option(names = "--output", description = "File to write (default: standard output).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Exporter.Kind what = Exporter.Kind.parse(kind);
        Exporter.Format how = Exporter.Format.parse(format);
        try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC());
             Writer out = output == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                     : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            long rows = new Exporter(patron.store()).export(what, how, out);
            out.flush();
            System.err.println("exported " + rows + " " + what.name().toLowerCase(java.util.Locale.ROOT)
                    + (output == null ? "" : " to " + output));
        }
        return 0;
    }
}
