package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Refund;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerAndRefundImportTest {

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

    private Customer customer(String id) {
        return fixture.store.read(c -> fixture.shop.findCustomer(c, id)).orElseThrow();
    }

    @Nested
    class Customers {

        private static final String FILE = """
                id,name,email,phone,budget,role
                c-1,Li Wei,li@example.com,,50000.00,owner
                c-2,Bo,,+1 555 0100,,
                """;

        @Test
        void otherColumnsBecomeAttributesAndBlankCellsAreLeftOut() {
            ImportStatus status = fixture.run(ImportKind.CUSTOMERS, fixture.file("customers.csv", FILE));

            assertThat(status.written().customersCreated()).isEqualTo(2);
            assertThat(customer("c-1")).isEqualTo(new Customer("c-1", "Li Wei", "li@example.com", null,
                    java.util.Map.of("budget", "50000.00", "role", "owner")));
            assertThat(customer("c-2").attributes()).isEmpty();
            assertThat(fixture.deliveries.get(0).customers()).extracting(e -> e.customerId(), e -> e.created())
                    .containsExactly(tuple("c-1", true), tuple("c-2", true));
        }

        @Test
        void importingAgainChangesNothingAndAChangedRowUpdates() {
            fixture.run(ImportKind.CUSTOMERS, fixture.file("customers.csv", FILE));

            ImportStatus again = fixture.run(ImportKind.CUSTOMERS, fixture.file("customers.csv", FILE));
            ImportStatus changed = fixture.run(ImportKind.CUSTOMERS, fixture.file("changed.csv", FILE.replace("Bo,", "Bo Li,")));

            assertThat(again.written().customersUnchanged()).isEqualTo(2);
            assertThat(again.written().customersUpdated()).isZero();
            assertThat(changed.written().customersUpdated()).isEqualTo(1);
            assertThat(customer("c-2").name()).isEqualTo("Bo Li");
        }

        @Test
        void anIdTwiceInOneFileCountsAsCreatedThenUpdatedAndKeepsItsLastProfile() {
            String file = FILE + "c-1,Li Wei,li@new.example.com,,50000.00,owner\nc-2,Bo,,+1 555 0100,,\n";

            ImportStatus status = fixture.run(ImportKind.CUSTOMERS, fixture.file("twice.csv", file));

            assertThat(status.written().customersCreated()).isEqualTo(2);
            assertThat(status.written().customersUpdated()).isEqualTo(1);
            assertThat(status.written().customersUnchanged()).isEqualTo(1);
            assertThat(customer("c-1").email()).isEqualTo("li@new.example.com");
            assertThat(fixture.deliveries.get(0).customers()).extracting(e -> e.customerId(), e -> e.created())
                    .containsExactly(tuple("c-1", true), tuple("c-2", true), tuple("c-1", false));
        }

        @Test
        void anInvalidAttributeNameRefusesTheFileWithTheFix() {
            Path file = fixture.file("customers.csv", "id,Favourite colour\nc-1,red\n");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.run(ImportKind.CUSTOMERS, file))
                    .hasMessageContaining("column 'Favourite colour' would be attribute")
                    .hasMessageContaining("--map 'Favourite colour=attributes.someName'");
        }

        @Test
        void ndjsonCustomersAreApiCustomers() {
            Path file = fixture.file("customers.ndjson", """
                    {"id":"c-1","name":"Li Wei","attributes":{"decisionMaker":true,"budget":"50000.00"}}
                    {"id":"c-2","email":"not-mail"}
                    """);

            ImportStatus status = fixture.run(ImportKind.CUSTOMERS, file);

            assertThat(customer("c-1").attributes()).containsEntry("decisionMaker", true);
            assertThat(status.firstIssues()).extracting(Issue::line, Issue::column, Issue::code)
                    .containsExactly(tuple(2L, "email", IssueCode.INVALID));
        }
    }

    @Nested
    class Refunds {

        @BeforeEach
        void orders() {
            fixture.customers("c-1");
            fixture.run(ImportKind.ORDERS, fixture.file("orders.csv", """
                    id,customerId,placedAt,amount
                    o-1,c-1,2026-01-02T10:00:00Z,100.00
                    """));
        }

        private List<Refund> refunds() {
            return fixture.store.read(c -> fixture.shop.refunds(c, "c-1", 10));
        }

        @Test
        void refundsAreCheckedAgainstTheirOrder() {
            Path file = fixture.file("refunds.csv", """
                    id,orderId,amount,refundedAt
                    r-1,o-1,60.00,2026-01-05T09:00:00Z
                    r-2,o-1,50.00,2026-01-06T09:00:00Z
                    r-3,o-404,1.00,2026-01-06T09:00:00Z
                    r-4,o-1,1.00,2025-12-01T09:00:00Z
                    r-5,o-1,40.00,
                    r-6,o-1,40.00,2026-01-07T09:00:00Z
                    """);

            ImportStatus status = fixture.run(ImportKind.REFUNDS, file);

            assertThat(status.firstIssues()).extracting(Issue::line, Issue::column, Issue::code).containsExactly(
                    tuple(6L, "refundedAt", IssueCode.INVALID),
                    tuple(3L, "amount", IssueCode.REFUND_EXCEEDS_ORDER),
                    tuple(4L, "orderId", IssueCode.UNKNOWN_ORDER),
                    tuple(5L, "refundedAt", IssueCode.INVALID));
            assertThat(refunds()).extracting(Refund::id).containsExactlyInAnyOrder("r-1", "r-6");
            assertThat(fixture.deliveries.get(fixture.deliveries.size() - 1).refunds()).extracting(e -> e.refundId())
                    .containsExactly("r-1", "r-6");
        }

        @Test
        void importingRefundsAgainChangesNothing() {
            Path file = fixture.file("refunds.csv", "id,orderId,amount,refundedAt\nr-1,o-1,60.00,2026-01-05T09:00:00Z\n");
            fixture.run(ImportKind.REFUNDS, file);

            ImportStatus again = fixture.run(ImportKind.REFUNDS, file);

            assertThat(again.written().refundsUnchanged()).isEqualTo(1);
            assertThat(again.written().refundsCreated()).isZero();
            assertThat(refunds()).hasSize(1);
        }
    }
}
