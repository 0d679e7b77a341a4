package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.patron.host.shop.Order;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orders files with one order per row: the API's rules, row by row. */
class OrderImportTest {

    private static final String GOOD = """
            id,customerId,placedAt,amount,currency,channel
            o-1,c-1,2026-01-02T10:00:00Z,129.90,USD,web
            o-2,c-2,2026-01-03T11:00:00Z,5.00,USD,shop
            o-3,c-1,2026-01-04T12:00:00Z,0.99,USD,
            """;

    @TempDir
    Path dir;
    private ImportFixture fixture;

    @BeforeEach
    void open() {
        fixture = new ImportFixture(dir);
        fixture.customers("c-1", "c-2");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private long orders() {
        return fixture.count("SELECT COUNT(*) FROM orders");
    }

    private List<Order> ordersOf(String customer) {
        return fixture.store.read(c -> fixture.shop.orders(c, customer, 100));
    }

    @Test
    void validRowsBecomeOrders() {
        ImportStatus status = fixture.run(ImportKind.ORDERS, fixture.file("orders.csv", GOOD));

        assertThat(status.status()).isEqualTo("succeeded");
        assertThat(status.written().ordersCreated()).isEqualTo(3);
        assertThat(ordersOf("c-1")).extracting(Order::id, Order::amountMinor, Order::channel)
                .containsExactly(tuple("o-3", 99L, null), tuple("o-1", 12990L, "web"));
        assertThat(status.issues()).isZero();
    }

    @Test
    void badRowsAreReportedWithLineAndColumnAndTheRestIsImported() {
        Path file = fixture.file("orders.csv", """
                id,customerId,placedAt,amount
                o-1,c-1,2026-01-02T10:00:00Z,129.90
                o-2,c-1,2026-01-02T10:00:00Z,12.345
                o-3,c-9,2026-01-02T10:00:00Z,1.00
                o-4,c-2,yesterday,1.00
                o-5,c-2,2026-01-05T10:00:00Z,-3.00
                o-6,c-2,2026-01-06T10:00:00Z,7.00
                """);

        ImportStatus status = fixture.run(ImportKind.ORDERS, file);

        assertThat(status.firstIssues()).extracting(Issue::line, Issue::column, Issue::value, Issue::code).containsExactly(
                tuple(3L, "amount", "12.345", IssueCode.INVALID),
                tuple(5L, "placedAt", "yesterday", IssueCode.INVALID),
                tuple(6L, "amount", "-3.00", IssueCode.INVALID),
                tuple(4L, "customerId", "c-9", IssueCode.UNKNOWN_CUSTOMER));
        assertThat(status.rejected()).containsEntry("invalid", 3L).containsEntry("unknown-customer", 1L);
        assertThat(status.written().ordersCreated()).isEqualTo(2);
        assertThat(orders()).isEqualTo(2);
        assertThat(fixture.report(status)).first().isEqualTo("line,column,value,reason,outcome,code");
        assertThat(fixture.report(status)).hasSize(5)
                .anySatisfy(line -> assertThat(line).startsWith("3,amount,12.345,amount '12.345' has more than 2 decimal places")
                        .endsWith(",rejected,invalid"));
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        Path file = fixture.file("orders.csv", GOOD);
        fixture.run(ImportKind.ORDERS, file);
        long receivedBefore = fixture.count("SELECT SUM(received_at) FROM orders");
        int deliveriesBefore = fixture.deliveries.size();

        ImportStatus again = fixture.run(ImportKind.ORDERS, file);

        assertThat(again.written().ordersCreated()).isZero();
        assertThat(again.written().ordersUnchanged()).isEqualTo(3);
        assertThat(orders()).isEqualTo(3);
        assertThat(fixture.count("SELECT SUM(received_at) FROM orders")).isEqualTo(receivedBefore);
        assertThat(fixture.deliveries.subList(deliveriesBefore, fixture.deliveries.size()))
                .allSatisfy(d -> assertThat(d.orders()).isEmpty());
    }

    @Test
    void anOrderIdReusedWithOtherContentIsRejectedAndTheRestGoesOn() {
        fixture.run(ImportKind.ORDERS, fixture.file("orders.csv", GOOD));

        ImportStatus changed = fixture.run(ImportKind.ORDERS, fixture.file("changed.csv", """
                id,customerId,placedAt,amount
                o-1,c-1,2026-01-02T10:00:00Z,1.00
                o-9,c-1,2026-01-09T10:00:00Z,9.00
                """));

        assertThat(changed.firstIssues()).extracting(Issue::line, Issue::column, Issue::code)
                .containsExactly(tuple(2L, "id", IssueCode.ID_CONFLICT));
        assertThat(changed.written().ordersCreated()).isEqualTo(1);
        assertThat(ordersOf("c-1")).extracting(Order::id).contains("o-9", "o-1");
    }

    @Test
    void localTimesAreReadInTheImportTimeZone() {
        Path file = fixture.file("orders.csv", "id,customerId,placedAt,amount\no-1,c-1,2026-07-01 09:30:00,1.00\no-2,c-1,2026-07-02,1.00\n");

        fixture.run(ImportOptions.of(ImportKind.ORDERS, "orders.csv").withZone(ZoneId.of("Europe/London")), file);

        assertThat(ordersOf("c-1")).extracting(Order::id, Order::placedAt).containsExactly(
                tuple("o-2", Instant.parse("2026-07-01T23:00:00Z")),
                tuple("o-1", Instant.parse("2026-07-01T08:30:00Z")));
    }

    @Test
    void columnsAreRenamedAndDroppedWithMap() {
        Path file = fixture.file("export.csv", "Order No,Client,Date,Total,Note\nA-1,c-1,2026-01-02T10:00:00Z,3.50,gift\n");

        ImportStatus status = fixture.run(ImportOptions.of(ImportKind.ORDERS, "export.csv").withRenames(Map.of(
                "Order No", "id", "Client", "customerId", "Date", "placedAt", "Total", "amount", "Note", "-")), file);

        assertThat(status.written().ordersCreated()).isEqualTo(1);
        assertThat(ordersOf("c-1")).extracting(Order::id, Order::amountMinor).containsExactly(tuple("A-1", 350L));
    }

    @Test
    void customersCanBeCreatedByTheImportWithAttributes() {
        Path file = fixture.file("orders.csv", "id,customerId,placedAt,amount,region\no-1,new-1,2026-01-02T10:00:00Z,3.50,north\n");

        ImportStatus status = fixture.run(ImportOptions.of(ImportKind.ORDERS, "orders.csv").withCreateCustomers(true)
                .withRenames(Map.of("region", "attributes.region")), file);

        assertThat(status.written().customersCreated()).isEqualTo(1);
        assertThat(fixture.store.read(c -> fixture.shop.findCustomer(c, "new-1")).orElseThrow().attributes())
                .containsEntry("region", "north");
    }

    @Test
    void ndjsonLinesAreApiOrders() {
        Path file = fixture.file("orders.ndjson", """
                {"id":"o-1","customerId":"c-1","placedAt":"2026-01-02T10:00:00Z","amount":"129.90","currency":"USD","lines":[{"sku":"T-01","quantity":2,"unitPrice":"64.95"}]}

                {"id":"o-2","customerId":"c-1","placedAt":"2026-01-02T10:00:00Z","amount":12.5,"currency":"USD"}
                not json
                {"id":"o-3","customerId":"c-2","placedAt":"2026-01-03T10:00:00Z","amount":"1.00","colour":"red"}
                """);

        ImportStatus status = fixture.run(ImportKind.ORDERS, file);

        assertThat(status.format()).isEqualTo("ndjson");
        assertThat(status.written().ordersCreated()).isEqualTo(1);
        assertThat(ordersOf("c-1").get(0).lines()).hasSize(1);
        assertThat(status.firstIssues()).extracting(Issue::line, Issue::column, Issue::code).containsExactly(
                tuple(3L, "amount", IssueCode.INVALID),
                tuple(4L, "", IssueCode.MALFORMED_ROW),
                tuple(5L, "colour", IssueCode.INVALID));
    }

    @Test
    void eventsGoToThePluginsPerChunkInsideItsTransaction() {
        ImportStatus status = fixture.run(ImportOptions.of(ImportKind.ORDERS, "orders.csv").withChunkRows(2),
                fixture.file("orders.csv", GOOD));

        assertThat(status.written().ordersCreated()).isEqualTo(3);
        assertThat(fixture.deliveries).hasSize(2);
        assertThat(fixture.deliveries).allSatisfy(d -> assertThat(d.inTransaction()).isTrue());
        assertThat(fixture.deliveries).extracting(d -> d.orders().size(), ImportFixture.Delivery::ordersVisible,
                ImportFixture.Delivery::ordersCommitted).containsExactly(tuple(2, 2L, 0L), tuple(1, 3L, 2L));
        assertThat(fixture.deliveries.get(0).orders()).allSatisfy(e -> assertThat(e.source()).isEqualTo("import"));
    }

    @Nested
    class Refused {

        @Test
        void anUnknownColumnStopsTheImportBeforeAnyRow() {
            Path file = fixture.file("orders.csv", "id,customer,placedAt,amount\no-1,c-1,2026-01-02T10:00:00Z,1.00\n");

            assertThatThrownBy(() -> fixture.run(ImportKind.ORDERS, file))
                    .isInstanceOf(ImportRefusedException.class)
                    .hasMessageContaining("column 'customer' is not a field of orders")
                    .hasMessageContaining("no column gives 'customerId'")
                    .hasMessageContaining("--map");
            assertThat(orders()).isZero();
        }

        @Test
        void aFileInAnotherCurrencyIsRefused() {
            Path file = fixture.file("orders.csv", "id,customerId,placedAt,amount,currency\no-1,c-1,2026-01-02T10:00:00Z,1.00,EUR\n");

            assertThatThrownBy(() -> fixture.run(ImportKind.ORDERS, file))
                    .isInstanceOf(ImportRefusedException.class)
                    .hasMessageContaining("the file is in EUR (line 2, column 'currency') but the shop currency is USD");
        }

        @Test
        void theUciMappingNeedsAGbpShop() {
            Path file = fixture.file("retail.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");

            assertThatThrownBy(() -> fixture.run(ImportOptions.of(ImportKind.ORDERS, "retail.csv").withMapping("uci-online-retail"), file))
                    .isInstanceOf(ImportRefusedException.class)
                    .hasMessageContaining("reads amounts in GBP but the shop currency is USD")
                    .hasMessageContaining("PATRON_SHOP_CURRENCY=GBP");
        }

        @Test
        void anUnknownMappingIsRefused() {
            Path file = fixture.file("orders.csv", GOOD);

            assertThatThrownBy(() -> fixture.run(ImportOptions.of(ImportKind.ORDERS, "orders.csv").withMapping("shopify"), file))
                    .hasMessageContaining("there is no mapping 'shopify'; built-in mappings: uci-online-retail");
        }
    }

    @Nested
    class StrictAndDryRun {

        private static final String ONE_BAD = """
                id,customerId,placedAt,amount
                o-1,c-1,2026-01-02T10:00:00Z,1.00
                o-2,c-1,2026-01-02T10:00:00Z,abc
                o-3,c-2,2026-01-02T10:00:00Z,3.00
                """;

        @Test
        void strictWritesNothingWhenAnyRowIsRejected() {
            ImportStatus status = fixture.run(ImportOptions.of(ImportKind.ORDERS, "orders.csv").withStrict(true).withChunkRows(1),
                    fixture.file("orders.csv", ONE_BAD));

            assertThat(status.status()).isEqualTo("failed");
            assertThat(status.committed()).isFalse();
            assertThat(status.error()).contains("1 row was rejected; with --strict nothing was written");
            assertThat(status.firstIssues()).extracting(Issue::line).containsExactly(3L);
            assertThat(orders()).isZero();
        }

        @Test
        void strictWritesEverythingWhenEveryRowIsValid() {
            ImportStatus status = fixture.run(ImportOptions.of(ImportKind.ORDERS, "orders.csv").withStrict(true).withChunkRows(1),
                    fixture.file("orders.csv", GOOD));

            assertThat(status.status()).isEqualTo("succeeded");
            assertThat(status.committed()).isTrue();
            assertThat(orders()).isEqualTo(3);
            assertThat(fixture.deliveries).hasSize(3);
        }

        @Test
        void dryRunWritesNothingAndTellsWhatWouldHappen() {
            ImportStatus status = fixture.run(ImportOptions.of(ImportKind.ORDERS, "orders.csv").withDryRun(true),
                    fixture.file("orders.csv", ONE_BAD));

            assertThat(status.status()).isEqualTo("succeeded");
            assertThat(status.committed()).isFalse();
            assertThat(status.written().ordersCreated()).isEqualTo(2);
            assertThat(status.rejected()).containsEntry("invalid", 1L);
            assertThat(orders()).isZero();
            assertThat(fixture.deliveries).isEmpty();
        }
    }
}
