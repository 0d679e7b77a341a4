package dev.patron.plugin.loyalty;

import dev.patron.api.PluginContext;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.data.Row;
import dev.patron.api.exports.DataExport;
import dev.patron.api.exports.ExportFilter;
import dev.patron.api.exports.ExportRequest;
import dev.patron.api.exports.ExportSink;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.pf4j.Extension;

/**
 * The {@code ledger} export ({@code patron export ledger}, {@code GET /api/v1/exports/ledger}):
 * every ledger entry, by customer then entry id, so each customer's rows read as a statement
 * whose {@code balanceAfter} runs on from the previous row. Read through one cursor and handed
 * over row by row. {@code since} keeps the entries recorded at or after an instant (what an
 * incremental copy wants: an imported old order's entry is recorded now), {@code customerId}
 * one customer's entries.
 */
@Extension
public final class LedgerExport implements DataExport {

    static final List<String> COLUMNS = List.of("entryId", "customerId", "kind", "points", "balanceAfter", "occurredAt",
            "recordedAt", "expiresAt", "orderId", "refundId", "reference", "actor", "reason", "amount", "detail");

    private final PluginContext context;

    public LedgerExport(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public String description() {
        return "Every loyalty points ledger entry, by customer then entry, with the running balance, cause and expiry";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Set<ExportFilter> filters() {
        return Set.of(ExportFilter.SINCE, ExportFilter.CUSTOMER);
    }

    @Override
    public void export(ExportRequest request, PluginDatabase db, ExportSink sink) {
        int digits = Math.max(0, context.currency().getDefaultFractionDigits());
        long since = request.since().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
        Consumer<Row> each = row -> sink.row(LedgerEntry.MAPPER.map(row).exportRow(digits));
        request.customerId().ifPresentOrElse(
                customerId -> db.forEach(Statements.get("ledgerExportOfCustomer"), each, customerId, since),
                () -> db.forEach(Statements.get("ledgerExport"), each, since));
    }
}
