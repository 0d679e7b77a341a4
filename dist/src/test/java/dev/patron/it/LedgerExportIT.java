package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/patron export ledger} of the demo shop, as a user runs it, and what happens without the loyalty plugin. */
class LedgerExportIT {

    private static final String HEADER =
            "entryId,customerId,kind,points,balanceAfter,occurredAt,recordedAt,expiresAt,orderId,refundId,reference,actor,reason,amount,detail";

    @TempDir
    Path work;

    @Test
    void theDemoShopsLedgerExportsWithRunningBalancesThatAddUp() throws Exception {
        String db = "jdbc:sqlite:" + work.resolve("ledger.db");
        Command.Result demo = Command.patron(work, "demo-data", "--customers", "150", "--seed", "11", "--no-score", "--db", db);
        assertThat(demo.exitCode()).as(demo.output()).isZero();

        Command.Result export = Command.patron(work, "export", "ledger", "--db", db);

        assertThat(export.exitCode()).as(export.output()).isZero();
        assertThat(export.stdout().lines().findFirst()).hasValue(HEADER);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export.stdout())).getRecords();
        assertThat(rows).hasSizeGreaterThan(150);
        assertThat(export.stderr()).contains("exported " + rows.size() + " ledger rows");
        Map<String, Long> balances = new HashMap<>();
        String previousCustomer = "";
        long previousEntry = 0;
        for (CSVRecord row : rows) {
            String customer = row.get("customerId");
            long entry = Long.parseLong(row.get("entryId"));
            assertThat(customer).as("customers in order").isGreaterThanOrEqualTo(previousCustomer);
            if (customer.equals(previousCustomer)) {
                assertThat(entry).as("entries of %s in order", customer).isGreaterThan(previousEntry);
            }
            long balance = balances.getOrDefault(customer, 0L) + Long.parseLong(row.get("points"));
            assertThat(Long.parseLong(row.get("balanceAfter"))).as("balance after entry %s of %s", entry, customer).isEqualTo(balance);
            balances.put(customer, balance);
            previousCustomer = customer;
            previousEntry = entry;
        }
        assertThat(rows).extracting(r -> r.get("kind")).contains("earn", "reverse");
        assertThat(rows).filteredOn(r -> r.get("kind").equals("earn"))
                .allSatisfy(r -> assertThat(r.get("orderId")).isNotEmpty())
                .allSatisfy(r -> assertThat(r.get("amount")).matches("\\d+\\.\\d{2}"));

        String customer = rows.get(rows.size() - 1).get("customerId");
        Command.Result one = Command.patron(work, "export", "ledger", "--format", "ndjson", "--customer", customer, "--db", db);
        assertThat(one.exitCode()).as(one.output()).isZero();
        List<JsonObject> lines = one.stdout().lines().map(JsonObject::new).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.getString("customerId")).isEqualTo(customer));
        assertThat(lines.get(lines.size() - 1).getLong("balanceAfter")).isEqualTo(balances.get(customer));
    }

    @Test
    void anUnknownKindOrAStoppedLoyaltyPluginExitsWith2NamingTheKindsThereAre() throws Exception {
        String db = "jdbc:sqlite:" + work.resolve("kinds.db");

        Command.Result unknown = Command.patron(work, "export", "ledgers", "--db", db);
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("'ledgers' cannot be exported; choose customers, scores, ledger");

        Command.Result disabled = Command.patron(work, "plugins", "disable", "loyalty", "--db", db);
        assertThat(disabled.exitCode()).as(disabled.output()).isZero();
        Command.Result ledger = Command.patron(work, "export", "ledger", "--db", db);
        assertThat(ledger.exitCode()).as(ledger.output()).isEqualTo(2);
        assertThat(ledger.stderr()).contains("'ledger' cannot be exported; choose customers, scores.", "loyalty (disabled)");
        assertThat(ledger.stdout()).isEmpty();

        Command.Result filtered = Command.patron(work, "export", "customers", "--since", "2026-01-01", "--db", db);
        assertThat(filtered.exitCode()).isEqualTo(2);
        assertThat(filtered.stderr()).contains("the customers export cannot be filtered by since; it takes no filters");
    }
}
