package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 200,000-line file streams through in bounded memory: the import never holds more than a chunk of rows. */
class LargeImportTest {

    private static final int INVOICES = 50_000;
    private static final int LINES_PER_INVOICE = 4;

    @TempDir
    Path dir;
    private ImportFixture fixture;

    @BeforeEach
    void open() {
        fixture = new ImportFixture(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void twoHundredThousandLinesStreamThroughWithBoundedMemory() throws IOException {
        Path file = dir.resolve("lines.csv");
        LocalDateTime start = LocalDateTime.of(2025, 1, 1, 9, 0);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,customerId,placedAt,sku,quantity,unitPrice\n");
            for (int invoice = 0; invoice < INVOICES; invoice++) {
                boolean cancellation = invoice % 10 == 9;
                String time = start.plusMinutes(invoice).toString();
                for (int line = 0; line < LINES_PER_INVOICE; line++) {
                    // Ten invoices per customer; the tenth returns half of the ninth.
                    int customer = invoice / 10;
                    out.write((cancellation ? "C" : "") + invoice + ",c-" + customer + "," + time + ",SKU-" + line + ","
                            + (cancellation ? "-1" : "2") + "," + (line + 1) + ".25\n");
                }
            }
        }
        ImportOptions options = ImportOptions.of(ImportKind.ORDERS, "lines.csv").withCreateCustomers(true);

        ImportRunner.Result result;
        try (IssueReport report = new IssueReport(dir.resolve("report.csv"))) {
            result = fixture.runner.run(file, options, report, ImportListener.NONE);
        }

        assertThat(result.rowsRead()).isEqualTo(200_000);
        assertThat(result.tally().ordersCreated()).isEqualTo(45_000);
        assertThat(result.tally().customersCreated()).isEqualTo(5_000);
        assertThat(result.tally().refundsCreated()).isEqualTo(5_000);
        assertThat(fixture.count("SELECT COUNT(*) FROM orders")).isEqualTo(45_000);
        // A few chunks of rows (parsed ahead, being written) plus the invoices still open, never the file.
        assertThat(result.peakRowsHeld()).isLessThanOrEqualTo(
                ChunkReader.CHUNKS_IN_FLIGHT * ImportOptions.DEFAULT_CHUNK_ROWS + ImportRunner.INVOICE_WINDOW_LINES + LINES_PER_INVOICE);
    }
}
