package dev.patron.plugin.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversionHandlerTest {

    @TempDir
    Path dir;

    PluginTestbed bed() {
        PluginTestbed bed = PluginTestbed.forPlugin("lead-qualification").currency("CNY").zone("Asia/Shanghai").start(dir);
        bed.migrate();
        return bed;
    }

    static List<String> pipeline(PluginTestbed bed) {
        return bed.query("SELECT customer_id, status, converted_order_id, converted_at FROM lead_qualification_pipeline"
                + " ORDER BY customer_id", row -> row.text("customer_id") + ":" + row.text("status") + ":"
                + row.text("converted_order_id") + ":" + row.whole("converted_at"));
    }

    static List<String> history(PluginTestbed bed, String customerId) {
        return bed.query("SELECT seq, previous_status, status, actor, source, order_id, note FROM lead_qualification_followups"
                + " WHERE customer_id = ? ORDER BY seq", row -> row.whole("seq") + " " + row.text("previous_status") + "->"
                + row.text("status") + " by " + row.text("actor") + "/" + row.text("source") + " " + row.text("order_id")
                + " | " + row.text("note"), customerId);
    }

    @Test
    void aLeadsFirstOrderMarksThePipelineConvertedInTheOrdersTransaction() {
        try (PluginTestbed bed = bed()) {
            bed.customer("c-1", Map.of("budget", "50000", "role", "owner", "inquiredAt", "2026-06-20"));
            bed.customer("c-2", Map.of("newsletter", true)); // not a lead
            bed.order("o-1", "c-1", "2026-06-29T18:30:00Z", 129_90);
            bed.order("o-2", "c-1", "2026-06-30T09:00:00Z", 50_00);
            bed.order("o-3", "c-2", "2026-06-30T09:00:00Z", 50_00);

            bed.deliver(bed.extension(ConversionHandler.class));

            long placed = java.time.Instant.parse("2026-06-29T18:30:00Z").toEpochMilli();
            assertThat(pipeline(bed)).containsExactly("c-1:converted:o-1:" + placed);
            // the shop-zone day: 18:30 UTC is already 30 June in Shanghai
            assertThat(history(bed, "c-1")).containsExactly(
                    "1 new->converted by system/order o-1 | order o-1 of 129.90 placed on 2026-06-30");
        }
    }

    @Test
    void laterOrdersAndReplaysChangeNothing() {
        try (PluginTestbed bed = bed()) {
            bed.customer("c-1", Map.of("need", "gift boxes"));
            bed.order("o-1", "c-1", "2026-06-01T10:00:00Z", 10_00);
            ConversionHandler handler = bed.extension(ConversionHandler.class);
            bed.deliver(handler);
            bed.order("o-2", "c-1", "2026-06-02T10:00:00Z", 10_00);
            bed.deliver(handler);

            assertThat(history(bed, "c-1")).hasSize(1);
            assertThat(pipeline(bed)).singleElement().asString().startsWith("c-1:converted:o-1:");
        }
    }

    @Test
    void aLeadInFollowUpKeepsTheHistoryAndConvertsFromItsStatus() {
        try (PluginTestbed bed = bed()) {
            bed.customer("c-1", Map.of("role", "director"));
            bed.deliver(bed.extension(ConversionHandler.class));
            bed.store().write(db -> Pipeline.change(db, "c-1", FollowUpStatus.NEW, FollowUpStatus.CONTACTED, "called",
                    "alice", Pipeline.SOURCE_STAFF, null, null, bed.now().toEpochMilli()));

            bed.order("o-9", "c-1", "2026-06-30T01:00:00Z", 5_00);
            bed.deliver(bed.extension(ConversionHandler.class));

            assertThat(history(bed, "c-1")).containsExactly(
                    "1 new->contacted by alice/staff null | called",
                    "2 contacted->converted by system/order o-9 | order o-9 of 5.00 placed on 2026-06-30");
        }
    }

    @Test
    void aCustomerScoredAsALeadConvertsEvenAfterTheAttributesWereRemapped() {
        try (PluginTestbed bed = bed()) {
            bed.customer("c-1", Map.of("budget", "50000"));
            bed.score(bed.extension(LeadScorer.class), LocalDate.parse("2026-06-30"));
            bed.settings(Map.of(LeadSettings.BUDGET_ATTRIBUTE, "annualBudget"));
            bed.order("o-1", "c-1", "2026-06-30T01:00:00Z", 5_00);
            bed.deliver(bed.extension(ConversionHandler.class));

            assertThat(pipeline(bed)).singleElement().asString().startsWith("c-1:converted:o-1");
        }
    }
}
