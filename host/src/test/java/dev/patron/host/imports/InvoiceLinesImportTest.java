package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.patron.host.shop.Order;
import dev.patron.host.shop.OrderLine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of invoice lines: grouping into orders, exact amounts, skipped lines, and cancellations as refunds. */
class InvoiceLinesImportTest {

    private static final String HEADER = "id,customerId,placedAt,sku,quantity,unitPrice\n";

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

    private ImportStatus importLines(String body) {
        return fixture.run(ImportOptions.of(ImportKind.ORDERS, "lines.csv").withCreateCustomers(true),
                fixture.file("lines.csv", HEADER + body));
    }

    private List<Order> ordersOf(String customer) {
        return fixture.store.read(c -> fixture.shop.orders(c, customer, 100));
    }

    private List<String> refunds() {
        return fixture.store.read(c -> {
            List<String> rows = new java.util.ArrayList<>();
            try (var select = c.prepareStatement("SELECT id, amount_minor FROM refunds ORDER BY id"); var rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "=" + rs.getLong(2));
                }
            }
            return rows;
        });
    }

    @Test
    void linesAreGroupedIntoOrdersWithTheExactTotalRoundedOnce() {
        ImportStatus status = importLines("""
                1001,c-1,2026-01-02 10:00:00,A,1,0.005
                1001,c-1,2026-01-02 10:00:00,B,1,0.005
                1001,c-1,2026-01-02 09:59:00,C,3,2.555
                1002,c-1,2026-01-03 10:00:00,A,2,1.50
                """);

        assertThat(status.written().ordersCreated()).isEqualTo(2);
        assertThat(status.written().customersCreated()).isEqualTo(1);
        Order first = ordersOf("c-1").get(1);
        // 0.005 + 0.005 + 7.665 = 7.675 exactly, rounded half up once: 7.68 (per line it would be 0.01 + 0.01 + 7.67 = 7.69)
        assertThat(first.amountMinor()).isEqualTo(768);
        assertThat(first.placedAt()).isEqualTo(Instant.parse("2026-01-02T09:59:00Z"));
        assertThat(first.lines()).containsExactly(new OrderLine("A", 1, 1), new OrderLine("B", 1, 1), new OrderLine("C", 3, 256));
        assertThat(ordersOf("c-1").get(0).amountMinor()).isEqualTo(300);
    }

    @Test
    void guestZeroAndDuplicateLinesAreSkippedAndNegativePricesRejected() {
        ImportStatus status = importLines("""
                1001,c-1,2026-01-02 10:00:00,A,1,2.00
                1001,,2026-01-02 10:00:00,B,1,2.00
                1001,c-1,2026-01-02 10:00:00,A,1,2.00
                1001,c-1,2026-01-02 10:00:00,FREE,1,0.00
                1001,c-1,2026-01-02 10:00:00,C,0,1.00
                1001,c-1,2026-01-02 10:00:00,D,1,-1.00
                1001,c-1,2026-01-02 10:00:00,E,x,1.00
                """);

        assertThat(status.firstIssues()).extracting(Issue::line, Issue::column, Issue::code).containsExactly(
                tuple(3L, "customerId", IssueCode.GUEST_LINE),
                tuple(4L, "", IssueCode.DUPLICATE_LINE),
                tuple(5L, "unitPrice", IssueCode.ZERO_PRICE),
                tuple(6L, "quantity", IssueCode.ZERO_QUANTITY),
                tuple(7L, "unitPrice", IssueCode.NEGATIVE_PRICE),
                tuple(8L, "quantity", IssueCode.INVALID));
        assertThat(ordersOf("c-1")).singleElement().extracting(Order::amountMinor).isEqualTo(200L);
    }

    @Test
    void anInvoiceInterruptedByOtherLinesIsMerged() {
        ImportStatus status = importLines("""
                1001,c-1,2026-01-02 10:00:00,A,1,1.00
                1002,c-2,2026-01-02 10:00:00,A,1,5.00
                1001,c-1,2026-01-02 10:01:00,B,1,2.00
                """);

        assertThat(status.written().ordersCreated()).isEqualTo(2);
        assertThat(ordersOf("c-1")).singleElement().extracting(Order::amountMinor).isEqualTo(300L);
    }

    @Test
    void anInvoiceReappearingFarLaterIsRejectedNotMerged() {
        StringBuilder body = new StringBuilder("1001,c-1,2026-01-02 10:00:00,A,1,1.00\n");
        for (int i = 0; i < ImportRunner.INVOICE_WINDOW_LINES + 5; i++) {
            body.append(2000 + i).append(",c-2,2026-01-03 10:00:00,A,1,1.00\n");
        }
        body.append("1001,c-1,2026-01-02 10:00:00,B,1,2.00\n");
        long lastLine = ImportRunner.INVOICE_WINDOW_LINES + 5 + 3;

        ImportStatus status = importLines(body.toString());

        assertThat(status.firstIssues()).extracting(Issue::line, Issue::column, Issue::value, Issue::code)
                .containsExactly(tuple(lastLine, "id", "1001", IssueCode.ID_CONFLICT));
        assertThat(ordersOf("c-1")).singleElement().extracting(Order::amountMinor).isEqualTo(100L);
    }

    @Test
    void anInvoiceMixingSalesAndReturnsIsRejected() {
        ImportStatus status = importLines("""
                1001,c-1,2026-01-02 10:00:00,A,2,1.00
                1001,c-1,2026-01-02 10:00:00,B,-1,1.00
                """);

        assertThat(status.rejected()).containsEntry("mixed-invoice", 2L);
        assertThat(ordersOf("c-1")).isEmpty();
    }

    @Nested
    class Cancellations {

        private static final String SALES = """
                O1,c-1,2026-01-01 10:00:00,A,10,1.00
                O2,c-1,2026-01-05 10:00:00,B,1,20.00
                """;
        private static final String RETURNS = """
                R1,c-1,2026-01-06 10:00:00,A,-2,1.00
                R2,c-1,2026-01-07 10:00:00,A,-10,1.00
                R3,c-1,2026-01-08 10:00:00,B,-100,1.00
                R4,c-2,2026-01-08 10:00:00,A,-1,1.00
                R5,c-1,2025-12-31 10:00:00,A,-1,1.00
                """;

        @Test
        void returnsRefundOrdersHoldingTheGoodsFirstAndNeverMoreThanWasPaid() {
            ImportStatus status = importLines(SALES + RETURNS);

            assertThat(refunds()).containsExactly("R1:O1=200", "R2:O1=800", "R2:O2=200", "R3:O2=1800");
            assertThat(status.written().refundsCreated()).isEqualTo(4);
            assertThat(status.written().cancellationsRefunded()).isEqualTo(3);
            assertThat(status.written().unmatchedMinor()).isEqualTo(8200 + 100 + 100);
            assertThat(status.notes()).containsEntry("cancellation-capped", 1L);
            assertThat(status.skipped()).containsEntry("cancellation-unmatched", 2L);
            assertThat(status.firstIssues()).extracting(Issue::line, Issue::code).containsExactly(
                    tuple(6L, IssueCode.CANCELLATION_CAPPED),
                    tuple(7L, IssueCode.CANCELLATION_UNMATCHED),
                    tuple(8L, IssueCode.CANCELLATION_UNMATCHED));
            assertThat(fixture.count("SELECT COUNT(*) FROM customers WHERE id = 'c-2'")).isZero();
            assertThat(fixture.deliveries).flatExtracting(ImportFixture.Delivery::refunds).extracting(e -> e.refundId(),
                    e -> e.orderAmountMinor(), e -> e.refundedBeforeMinor())
                    .containsExactly(tuple("R1:O1", 1000L, 0L), tuple("R2:O1", 1000L, 200L), tuple("R2:O2", 2000L, 0L),
                            tuple("R3:O2", 2000L, 200L));
        }

        @Test
        void importingAgainChangesNothing() {
            importLines(SALES + RETURNS);
            int deliveries = fixture.deliveries.size();

            ImportStatus again = importLines(SALES + RETURNS);

            assertThat(again.written().ordersUnchanged()).isEqualTo(2);
            assertThat(again.written().refundsUnchanged()).isEqualTo(4);
            assertThat(again.written().refundsCreated()).isZero();
            assertThat(again.written().customersCreated() + again.written().customersUpdated()).isZero();
            assertThat(refunds()).hasSize(4);
            assertThat(fixture.deliveries.subList(deliveries, fixture.deliveries.size()))
                    .allSatisfy(d -> assertThat(d.orders().size() + d.refunds().size() + d.customers().size()).isZero());
        }
    }
}
