package dev.patron.host.imports;

import io.vertx.core.json.JsonObject;

/**
 * What an import wrote (or, in a dry run, would write). Rows skipped or rejected are counted by
 * the {@link IssueReport}. Mutated by the import's thread only; others read {@link #copy}s.
 */
public final class ImportTally {

    long customersCreated;
    long customersUpdated;
    long customersUnchanged;
    long ordersCreated;
    long ordersUnchanged;
    long refundsCreated;
    long refundsUnchanged;
    /** Cancellation invoices turned into at least one refund. */
    long cancellationsRefunded;
    /** Value of cancellations no earlier order could take, in minor units. */
    long unmatchedMinor;

    public long customersCreated() {
        return customersCreated;
    }

    public long customersUpdated() {
        return customersUpdated;
    }

    public long customersUnchanged() {
        return customersUnchanged;
    }

    public long ordersCreated() {
        return ordersCreated;
    }

    public long ordersUnchanged() {
        return ordersUnchanged;
    }

    public long refundsCreated() {
        return refundsCreated;
    }

    public long refundsUnchanged() {
        return refundsUnchanged;
    }

    public long cancellationsRefunded() {
        return cancellationsRefunded;
    }

    public long unmatchedMinor() {
        return unmatchedMinor;
    }

    void add(ImportTally other) {
        customersCreated += other.customersCreated;
        customersUpdated += other.customersUpdated;
        customersUnchanged += other.customersUnchanged;
        ordersCreated += other.ordersCreated;
        ordersUnchanged += other.ordersUnchanged;
        refundsCreated += other.refundsCreated;
        refundsUnchanged += other.refundsUnchanged;
        cancellationsRefunded += other.cancellationsRefunded;
        unmatchedMinor += other.unmatchedMinor;
    }

    synchronized ImportTally copy() {
        ImportTally copy = new ImportTally();
        copy.add(this);
        return copy;
    }

    synchronized void addSafely(ImportTally other) {
        add(other);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("customers", new JsonObject().put("created", customersCreated).put("updated", customersUpdated)
                        .put("unchanged", customersUnchanged))
                .put("orders", new JsonObject().put("created", ordersCreated).put("unchanged", ordersUnchanged))
                .put("refunds", new JsonObject().put("created", refundsCreated).put("unchanged", refundsUnchanged)
                        .put("cancellationsRefunded", cancellationsRefunded).put("unmatchedMinor", unmatchedMinor));
    }

    static ImportTally fromJson(JsonObject json) {
        ImportTally tally = new ImportTally();
        if (json == null) {
            return tally;
        }
        JsonObject customers = json.getJsonObject("customers", new JsonObject());
        JsonObject orders = json.getJsonObject("orders", new JsonObject());
        JsonObject refunds = json.getJsonObject("refunds", new JsonObject());
        tally.customersCreated = customers.getLong("created", 0L);
        tally.customersUpdated = customers.getLong("updated", 0L);
        tally.customersUnchanged = customers.getLong("unchanged", 0L);
        tally.ordersCreated = orders.getLong("created", 0L);
        tally.ordersUnchanged = orders.getLong("unchanged", 0L);
        tally.refundsCreated = refunds.getLong("created", 0L);
        tally.refundsUnchanged = refunds.getLong("unchanged", 0L);
        tally.cancellationsRefunded = refunds.getLong("cancellationsRefunded", 0L);
        tally.unmatchedMinor = refunds.getLong("unmatchedMinor", 0L);
        return tally;
    }
}
