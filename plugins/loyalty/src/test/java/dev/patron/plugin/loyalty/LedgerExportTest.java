package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.exports.ExportFilter;
import dev.patron.api.exports.ExportRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerExportTest {

    private static final String HEADER =
            "entryId,customerId,kind,points,balanceAfter,occurredAt,recordedAt,expiresAt,orderId,refundId,reference,actor,reason,amount,detail";

    @TempDir
    Path dir;

    @Test
    void describesItselfAsTheLedgerWithSinceAndCustomerFilters() {
        try (Shop shop = Shop.open(dir)) {
            LedgerExport export = shop.bed.extension(LedgerExport.class);
            assertThat(export.name()).isEqualTo("ledger");
            assertThat(String.join(",", export.columns())).isEqualTo(HEADER);
            assertThat(export.filters()).containsExactlyInAnyOrder(ExportFilter.SINCE, ExportFilter.CUSTOMER);
        }
    }

    @Test
    void everyEntryByCustomerThenEntryWithItsCauseReferenceAndExpiry() {
        try (Shop shop = busyShop()) {
            List<Map<String, Object>> rows = shop.bed.export(shop.bed.extension(LedgerExport.class), ExportRequest.all());

            assertThat(rows).extracting(r -> r.get("customerId") + " " + r.get("kind") + " " + r.get("points"))
                    .containsExactly("c-1 earn 200", "c-1 reverse -50", "c-1 redeem -100", "c-1 adjust -5", "c-2 earn 100");
            assertThat(rows.get(0).keySet()).containsExactly(HEADER.split(","));
            Map<String, Object> earn = rows.get(0);
            assertThat(earn).containsEntry("orderId", "o-1").containsEntry("amount", "200.00")
                    .containsEntry("occurredAt", "2026-06-01T10:00:00Z").containsEntry("recordedAt", "2026-06-30T12:00:00Z")
                    .containsEntry("reference", null).containsEntry("actor", null);
            assertThat((String) earn.get("expiresAt")).startsWith("2027-06-01");
            assertThat(rows.get(1)).containsEntry("orderId", "o-1").containsEntry("refundId", "r-1").containsEntry("amount", "50.00")
                    .containsEntry("expiresAt", null);
            assertThat(rows.get(2)).containsEntry("reference", "pos-1").containsEntry("actor", Shop.STAFF)
                    .containsEntry("reason", "voucher").containsEntry("amount", null);
            assertThat(rows.get(3)).containsEntry("reason", "goodwill, \"double\" counted");
        }
    }

    @Test
    void eachCustomersBalanceAfterRunsOnFromZeroToTheirBalance() {
        try (Shop shop = busyShop()) {
            List<Map<String, Object>> rows = shop.bed.export(shop.bed.extension(LedgerExport.class), ExportRequest.all());

            Map<String, Long> running = new HashMap<>();
            List<Long> previousIds = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                String customer = (String) row.get("customerId");
                long balance = running.getOrDefault(customer, 0L) + (Long) row.get("points");
                assertThat(row.get("balanceAfter")).as("balance after entry %s", row.get("entryId")).isEqualTo(balance);
                running.put(customer, balance);
                previousIds.add((Long) row.get("entryId"));
            }
            assertThat(running).containsEntry("c-1", shop.balance("c-1")).containsEntry("c-2", shop.balance("c-2"));
            assertThat(running.get("c-1")).isEqualTo(45L);
            assertThat(rows).hasSize((int) (long) shop.bed.queryOne("SELECT COUNT(*) AS n FROM loyalty_entries", r -> r.whole("n")).orElseThrow());
        }
    }

    @Test
    void theCsvIsWrittenByTheHostWithItsQuoting() {
        try (Shop shop = busyShop()) {
            String csv = shop.bed.exportCsv(shop.bed.extension(LedgerExport.class), ExportRequest.all().customer("c-1"));

            List<String> lines = csv.lines().toList();
            assertThat(lines).hasSize(5).first().isEqualTo(HEADER);
            assertThat(lines.get(4)).contains(",-5,45,").endsWith(",\"goodwill, \"\"double\"\" counted\",,");
        }
    }

    @Test
    void customerAndSinceKeepOneCustomersEntriesRecordedFromThatInstant() {
        try (Shop shop = busyShop()) {
            LedgerExport export = shop.bed.extension(LedgerExport.class);

            assertThat(shop.bed.export(export, ExportRequest.all().customer("c-2"))).extracting(r -> r.get("orderId"))
                    .containsExactly("o-2");
            Instant later = Instant.parse("2026-07-01T00:00:00Z");
            assertThat(shop.bed.export(export, ExportRequest.all().since(later))).extracting(r -> r.get("kind"))
                    .containsExactly("redeem", "adjust");
            assertThat(shop.bed.export(export, ExportRequest.all().since(later).customer("c-2"))).isEmpty();
        }
    }

    @Test
    void anEmptyLedgerExportsItsHeaderOnly() {
        try (Shop shop = Shop.open(dir)) {
            assertThat(shop.bed.exportCsv(shop.bed.extension(LedgerExport.class), ExportRequest.all())).isEqualTo(HEADER + "\r\n");
        }
    }

    /**
     * c-2 earns 100; c-1 earns 200, a refund takes 50 back, and a day later staff redeem 100 and
     * take 5 off by hand: balance 45.
     */
    private Shop busyShop() {
        Shop shop = Shop.open(dir);
        shop.customer("c-2").customer("c-1")
                .order("o-2", "c-2", "2026-06-01T09:00:00Z", 100_00)
                .order("o-1", "c-1", "2026-06-01T10:00:00Z", 200_00)
                .refund("r-1", "o-1", 50_00, "2026-06-10T10:00:00Z")
                .advance(Duration.ofHours(12));
        assertThat(shop.redeem("c-1", 100, "pos-1").status()).isEqualTo(201);
        assertThat(shop.adjust("c-1", -5, "goodwill, \"double\" counted").status()).isEqualTo(201);
        return shop;
    }
}
