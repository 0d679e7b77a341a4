package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 439-row slice of UCI Online Retail (see uci-online-retail-slice.README.md) through the built-in
 * mapping. The expected numbers were computed by a separate script following docs/importing.md.
 */
class ImportUciSliceTest {

    @TempDir
    Path dir;
    private ImportFixture fixture;
    private Path slice;

    @BeforeEach
    void open() throws IOException {
        fixture = new ImportFixture(dir, "GBP", "UTC");
        try (InputStream in = getClass().getResourceAsStream("/imports/uci-online-retail-slice.csv")) {
            slice = fixture.bytes("uci-online-retail-slice.csv", in.readAllBytes());
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private ImportStatus importSlice() {
        return fixture.run(ImportOptions.of(ImportKind.ORDERS, "uci-online-retail-slice.csv")
                .withMapping(ImportMapping.UCI_ONLINE_RETAIL).withChunkRows(100), slice);
    }

    @Test
    void theSliceImportsWithExactCounts() {
        ImportStatus status = importSlice();

        assertThat(status.status()).isEqualTo("succeeded");
        assertThat(status.rowsRead()).isEqualTo(439);
        assertThat(status.written().ordersCreated()).isEqualTo(67);
        assertThat(status.written().customersCreated()).isEqualTo(25);
        assertThat(status.written().refundsCreated()).isEqualTo(34);
        assertThat(status.written().cancellationsRefunded()).isEqualTo(32);
        assertThat(status.written().unmatchedMinor()).isEqualTo(125_572);
        assertThat(status.skipped()).isEqualTo(Map.of("guest-line", 31L, "not-a-sale", 3L, "duplicate-line", 4L,
                "zero-price", 2L, "cancellation-unmatched", 17L));
        assertThat(status.rejected()).isEmpty();
        assertThat(status.notes()).isEqualTo(Map.of("cancellation-capped", 3L));
        assertThat(fixture.count("SELECT SUM(amount_minor) FROM orders")).isEqualTo(2_057_307);
        assertThat(fixture.count("SELECT SUM(amount_minor) FROM refunds")).isEqualTo(362_654);
    }

    @Test
    void timesAreLondonLocalAndCountriesBecomeAttributes() {
        importSlice();

        // 536365 was placed 2010-12-01 08:26 London time (GMT in winter); 542806 spans 11:19-11:20 and merges.
        assertThat(fixture.count("SELECT placed_at FROM orders WHERE id = '536365'"))
                .isEqualTo(java.time.Instant.parse("2010-12-01T08:26:00Z").toEpochMilli());
        assertThat(fixture.count("SELECT COUNT(*) FROM orders WHERE id = '542806'")).isEqualTo(1);
        assertThat(fixture.store.read(c -> fixture.shop.findCustomer(c, "17850")).orElseThrow().attributes())
                .containsEntry("country", "United Kingdom");
        assertThat(fixture.count("SELECT COUNT(*) FROM refunds WHERE amount_minor > (SELECT amount_minor FROM orders o"
                + " WHERE o.id = refunds.order_id)")).isZero();
    }

    @Test
    void importingTheSliceAgainChangesNothing() {
        importSlice();
        long refunds = fixture.count("SELECT COUNT(*) FROM refunds");

        ImportStatus again = importSlice();

        assertThat(again.written().ordersCreated()).isZero();
        assertThat(again.written().ordersUnchanged()).isEqualTo(67);
        assertThat(again.written().refundsCreated()).isZero();
        assertThat(again.written().refundsUnchanged()).isEqualTo(34);
        assertThat(again.written().customersCreated() + again.written().customersUpdated()).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM refunds")).isEqualTo(refunds);
    }

    @Test
    void aDryRunOfTheSliceCountsTheSameAndWritesNothing() {
        ImportStatus status = fixture.run(ImportOptions.of(ImportKind.ORDERS, "slice.csv").withDryRun(true)
                .withMapping(ImportMapping.UCI_ONLINE_RETAIL), slice);

        assertThat(status.written().ordersCreated()).isEqualTo(67);
        assertThat(status.written().refundsCreated()).isEqualTo(34);
        assertThat(fixture.count("SELECT COUNT(*) FROM orders")).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM customers")).isZero();
        assertThat(Files.exists(Path.of(status.reportFile()))).isTrue();
    }
}
