package dev.patron.plugin.loyalty;

import dev.patron.api.data.RowMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One ledger entry as read back, with the expiry of the lot it created, if any. */
record LedgerEntry(long id, String customerId, String kind, long points, long balanceAfter, long occurredAt, long recordedAt,
                   String idempotencyKey, String orderId, String refundId, String actor, String reason, Long amountMinor,
                   String detail, Long expiresAt) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final RowMapper<LedgerEntry> MAPPER = r -> new LedgerEntry(r.whole("id"), r.text("customer_id"), r.text("kind"),
            r.whole("points"), r.whole("balance_after"), r.whole("occurred_at"), r.whole("recorded_at"),
            r.text("idempotency_key"), r.text("order_id"), r.text("refund_id"), r.text("actor"), r.text("reason"),
            r.whole("amount_minor"), r.text("detail"), r.whole("expires_at"));

    /**
     * The entry as the API shows it: instants as ISO-8601, amounts as decimal strings, the
     * caller's idempotency key only on the staff entries it belongs to, absent values left out.
     */
    Map<String, Object> toJson(int fractionDigits) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("kind", kind);
        json.put("points", points);
        json.put("balanceAfter", balanceAfter);
        json.put("occurredAt", Instant.ofEpochMilli(occurredAt).toString());
        json.put("recordedAt", Instant.ofEpochMilli(recordedAt).toString());
        putIfPresent(json, "orderId", orderId);
        putIfPresent(json, "refundId", refundId);
        putIfPresent(json, "actor", actor);
        putIfPresent(json, "reason", reason);
        if (amountMinor != null) {
            json.put("amount", money(amountMinor, fractionDigits));
        }
        if (expiresAt != null) {
            json.put("expiresAt", Instant.ofEpochMilli(expiresAt).toString());
        }
        putIfPresent(json, "detail", detail);
        String callerKey = callerKey();
        if (callerKey != null) {
            json.put("idempotencyKey", callerKey);
        }
        return json;
    }

    /**
     * The entry as a row of the {@code ledger} export, in {@link LedgerExport#COLUMNS} order: the
     * reference is the caller's idempotency key of a redemption or adjustment.
     */
    Object[] exportRow(int fractionDigits) {
        return new Object[] {id, customerId, kind, points, balanceAfter, Instant.ofEpochMilli(occurredAt),
            Instant.ofEpochMilli(recordedAt), expiresAt == null ? null : Instant.ofEpochMilli(expiresAt), orderId, refundId,
            callerKey(), actor, reason, amountMinor == null ? null : money(amountMinor, fractionDigits), detail};
    }

    /** For console templates: the JSON plus times in the shop zone. */
    Map<String, Object> toView(int fractionDigits, ZoneId zone) {
        Map<String, Object> view = toJson(fractionDigits);
        view.put("on", WHEN.format(Instant.ofEpochMilli(occurredAt).atZone(zone)));
        if (expiresAt != null) {
            view.put("expiresOn", Instant.ofEpochMilli(expiresAt).atZone(zone).toLocalDate().toString());
        }
        return view;
    }

    /** The key a staff member sent with a redemption or adjustment; null for the system's own keys. */
    String callerKey() {
        for (String prefix : new String[] {Accounts.REDEEM_KEY_PREFIX, Accounts.ADJUST_KEY_PREFIX}) {
            if (idempotencyKey.startsWith(prefix)) {
                return idempotencyKey.substring(prefix.length());
            }
        }
        return null;
    }

    static String money(long minor, int fractionDigits) {
        return BigDecimal.valueOf(minor, fractionDigits).toPlainString();
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
