package dev.patron.plugin.lead;

import dev.patron.api.data.PluginDatabase;
import dev.patron.api.data.Row;
import java.util.List;
import java.util.Optional;

/**
 * The follow-up pipeline in the plugin's own tables: {@value #STATE} holds each touched lead's
 * current status and note, {@value #HISTORY} every change, numbered per customer. Statements are
 * the SQL SQLite and PostgreSQL share. All methods take the caller's database handle, so a status
 * change and its history row commit together, and a conversion commits with its order.
 */
final class Pipeline {

    static final String STATE = "lead_qualification_pipeline";
    static final String HISTORY = "lead_qualification_followups";

    /** Who records conversions from orders. */
    static final String SYSTEM_ACTOR = "system";
    static final String SOURCE_STAFF = "staff";
    static final String SOURCE_ORDER = "order";

    private Pipeline() {
    }

    /** A lead's current follow-up state. */
    record State(String customerId, FollowUpStatus status, String note, String updatedBy, long updatedAt,
                 Long convertedAt, String convertedOrderId) {
    }

    /** One status change. */
    record Change(String customerId, long seq, FollowUpStatus status, FollowUpStatus previous, String note, String actor,
                  String source, String orderId, long createdAt) {
    }

    static Optional<State> state(PluginDatabase db, String customerId) {
        return db.queryOne("SELECT customer_id, status, note, updated_by, updated_at, converted_at, converted_order_id FROM "
                + STATE + " WHERE customer_id = ?", Pipeline::state, customerId);
    }

    /** The latest changes of a customer, newest first. */
    static List<Change> history(PluginDatabase db, String customerId, int limit) {
        return db.query("SELECT customer_id, seq, status, previous_status, note, actor, source, order_id, created_at FROM "
                + HISTORY + " WHERE customer_id = ? ORDER BY seq DESC LIMIT ?", Pipeline::change, customerId, limit);
    }

    /**
     * Sets a lead's status and appends the change to the history; needs a writable handle.
     *
     * @param previous the status shown before (also for leads without a row: new or converted)
     * @param orderId the order that converted the lead, or null
     * @param convertedAt when the lead converted (epoch ms), or null to keep what is stored
     */
    static Change change(PluginDatabase db, String customerId, FollowUpStatus previous, FollowUpStatus status, String note,
                         String actor, String source, String orderId, Long convertedAt, long now) {
        long seq = db.queryOne("SELECT COALESCE(MAX(seq), 0) AS last_seq FROM " + HISTORY + " WHERE customer_id = ?",
                row -> row.whole("last_seq"), customerId).orElse(0L) + 1;
        db.update("INSERT INTO " + HISTORY + " (customer_id, seq, status, previous_status, note, actor, source, order_id,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                customerId, seq, status.code(), previous.code(), note, actor, source, orderId, now);
        db.update("INSERT INTO " + STATE + " (customer_id, status, note, updated_by, updated_at, converted_at,"
                        + " converted_order_id) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (customer_id) DO UPDATE SET status = excluded.status, note = excluded.note,"
                        + " updated_by = excluded.updated_by, updated_at = excluded.updated_at,"
                        + " converted_at = COALESCE(excluded.converted_at, " + STATE + ".converted_at),"
                        + " converted_order_id = COALESCE(excluded.converted_order_id, " + STATE + ".converted_order_id)",
                customerId, status.code(), note, actor, now, convertedAt, orderId);
        return new Change(customerId, seq, status, previous, note, actor, source, orderId, now);
    }

    /** Whether the host's {@code scores} table holds a lead class for the customer. */
    static Optional<String> scoredClass(PluginDatabase db, String pluginId, String customerId) {
        return db.queryOne("SELECT label FROM scores WHERE customer_id = ? AND plugin_id = ? AND name = ?",
                row -> row.text("label"), customerId, pluginId, Qualification.CLASS);
    }

    /** The customer's profile attributes from the host's {@code customers} table, or empty when no such customer. */
    static Optional<java.util.Map<String, String>> attributes(PluginDatabase db, String customerId) {
        return db.queryOne("SELECT attributes FROM customers WHERE id = ?", row -> FlatJson.attributes(row.text("attributes")),
                customerId);
    }

    private static State state(Row row) {
        return new State(row.text("customer_id"), status(row.text("status")), row.text("note"), row.text("updated_by"),
                row.whole("updated_at"), row.whole("converted_at"), row.text("converted_order_id"));
    }

    private static Change change(Row row) {
        return new Change(row.text("customer_id"), row.whole("seq"), status(row.text("status")),
                status(row.text("previous_status")), row.text("note"), row.text("actor"), row.text("source"),
                row.text("order_id"), row.whole("created_at"));
    }

    /** A stored status; anything unreadable shows as new rather than breaking a page. */
    private static FollowUpStatus status(String code) {
        FollowUpStatus status = FollowUpStatus.fromCode(code);
        return status == null ? FollowUpStatus.NEW : status;
    }
}
