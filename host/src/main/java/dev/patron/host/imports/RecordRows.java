package dev.patron.host.imports;

import dev.patron.host.imports.ImportItem.CustomerItem;
import dev.patron.host.imports.ImportItem.OrderItem;
import dev.patron.host.imports.ImportItem.RefundItem;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.Refund;
import dev.patron.host.shop.ShopJson;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows that are one customer, order or refund each. A row becomes the API's JSON shape and passes
 * the API's own validation ({@link ShopJson}), so a file accepts exactly what the API accepts;
 * besides, local date-times are read in the import's zone and a missing currency is the shop's.
 */
final class RecordRows {

    private final ImportKind kind;
    private final ColumnPlan plan;
    private final ShopJson json;
    private final ZoneId zone;
    private final Currency currency;

    RecordRows(ImportKind kind, ColumnPlan plan, ShopJson json, ZoneId zone, Currency currency) {
        this.kind = kind;
        this.plan = plan;
        this.json = json;
        this.zone = zone;
        this.currency = currency;
    }

    void accept(SourceRow row, ItemSink out) {
        JsonObject body = new JsonObject();
        Map<String, Object> attributes = new LinkedHashMap<>();
        row.fields().forEach((field, value) -> {
            if (field.startsWith(ColumnPlan.ATTRIBUTES)) {
                attributes.put(field.substring(ColumnPlan.ATTRIBUTES.length()), value);
            } else {
                body.put(field, value);
            }
        });
        List<FieldError> errors = new ArrayList<>();
        switch (kind) {
            case CUSTOMERS -> customer(row, body, attributes, errors, out);
            case ORDERS -> order(row, body, attributes, errors, out);
            case REFUNDS -> refund(row, body, errors, out);
        }
        errors.forEach(e -> out.issue(invalid(row, plan, e)));
    }

    private void customer(SourceRow row, JsonObject body, Map<String, Object> attributes, List<FieldError> errors, ItemSink out) {
        if (!attributes.isEmpty()) {
            JsonObject merged = body.getValue("attributes") instanceof JsonObject given ? given.copy() : new JsonObject();
            attributes.forEach(merged::put);
            body.put("attributes", merged);
        }
        Customer customer = json.customer(body, "", errors);
        if (errors.isEmpty()) {
            out.item(new CustomerItem(row.line(), customer));
        }
    }

    private void order(SourceRow row, JsonObject body, Map<String, Object> attributes, List<FieldError> errors, ItemSink out) {
        localTime(body, "placedAt", errors);
        if (!body.containsKey("currency")) {
            body.put("currency", currency.getCurrencyCode());
        }
        Order order = errors.isEmpty() ? json.order(body, "", errors) : null;
        if (errors.isEmpty()) {
            out.item(new OrderItem(order, new long[] {row.line()}, attributes));
        }
    }

    private void refund(SourceRow row, JsonObject body, List<FieldError> errors, ItemSink out) {
        Object orderId = body.remove("orderId");
        if (!(orderId instanceof String id) || id.isBlank()) {
            errors.add(new FieldError("orderId", orderId == null ? "is required" : "must be a string"));
        }
        if (!body.containsKey("refundedAt")) {
            errors.add(new FieldError("refundedAt", "is required in an import: a default of 'now' would differ on every re-import"));
        }
        localTime(body, "refundedAt", errors);
        if (!errors.isEmpty()) {
            return;
        }
        Refund refund = json.refund(body, (String) orderId, errors);
        if (errors.isEmpty()) {
            out.item(new RefundItem(row.line(), refund));
        }
    }

    /** Rewrites a local date-time as an instant, so the API validation accepts it. */
    private void localTime(JsonObject body, String field, List<FieldError> errors) {
        if (body.getValue(field) instanceof String text) {
            try {
                body.put(field, Times.parse(text, zone).toString());
            } catch (DateTimeException e) {
                errors.add(new FieldError(field, e.getMessage()));
            }
        }
    }

    static Issue invalid(SourceRow row, ColumnPlan plan, FieldError error) {
        String field = error.field();
        Object value = row.fields().get(field);
        if (value == null) {
            // A nested field of an NDJSON object (lines[0].sku, attributes.x): report the top-level value.
            String root = field.split("[.\\[]", 2)[0];
            value = row.fields().get(root);
        }
        return new Issue(row.line(), plan.columnOf(field), value == null ? "" : String.valueOf(value), IssueCode.INVALID,
                field + " " + error.message());
    }
}
