package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.cli.PatronCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patron import} in-process: summary, report, exit codes. */
class ImportCommandTest {

    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/patron.yaml"), "shop:\n  currency: GBP\n  timezone: Europe/London\n");
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int patron(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "import";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--home=" + home;
        return PatronCli.run(all);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theUciSliceImportsWithASummaryAReportAndAScoringHint() throws IOException {
        Path slice = home.resolve("slice.csv");
        try (InputStream in = getClass().getResourceAsStream("/imports/uci-online-retail-slice.csv")) {
            Files.write(slice, in.readAllBytes());
        }
        Path report = home.resolve("rejects.csv");

        int exit = patron("orders", slice.toString(), "--mapping", "uci-online-retail", "--report", report.toString());

        assertThat(exit).isZero();
        assertThat(stdout()).contains("succeeded: 439 rows read from slice.csv", "orders         created 67  unchanged 0",
                "customers      created 25", "refunds        created 34", "guest-line", "31", "rows rejected  0",
                "every reported row (60) is in " + report, "run 'patron score'");
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSize(61).first().isEqualTo("line,column,value,reason,outcome,code");
    }

    @Test
    void rejectedRowsAreListedAndTheExitCodeSaysSo() throws IOException {
        Path file = home.resolve("customers.csv");
        Files.writeString(file, "id,name,email\nc-1,Ann,ann@example.com\nc-2,Bo,not-mail\n");

        int exit = patron("customers", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).contains("customers      created 1", "first 1 of 1 reported rows:",
                "line 3, column email 'not-mail': [invalid]", "-report.csv (or pass --report FILE)");
    }

    @Test
    void aDryRunSaysNothingWasWritten() throws IOException {
        Path file = home.resolve("customers.csv");
        Files.writeString(file, "id,name\nc-1,Ann\n");

        int exit = patron("customers", file.toString(), "--dry-run");

        assertThat(exit).isZero();
        assertThat(stdout()).contains("dry run: nothing was written", "customers      created 1").doesNotContain("patron score");
        assertThat(patron("customers", file.toString())).isZero();
        assertThat(stdout()).contains("customers      created 1  updated 0");
    }

    @Test
    void aFileThatDoesNotFitIsRefusedWithExitCodeTwo() throws IOException {
        Path file = home.resolve("orders.csv");
        Files.writeString(file, "number,total\n1,2.00\n");

        int exit = patron("orders", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("patron: the header does not fit a file of orders");
    }
}
