package dev.patron.host.shop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts the API's JSON shapes (docs/http-api.md) to and from the shop records, validating
 * every field. Unknown fields are rejected so a misspelt field never passes silently.
 */
public final class ShopJson {

    private static final Set<String> CUSTOMER_FIELDS = Set.of("id", "name", "email", "phone", "attributes");
    private static final Set<String> ORDER_FIELDS = Set.of("id", "customerId", "placedAt", "amount", "currency", "channel", "lines");
    private static final Set<String> LINE_FIELDS = Set.of("sku", "quantity", "unitPrice");
    private static final Set<String> REFUND_FIELDS = Set.of("id", "amount", "refundedAt");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final int MAX_ATTRIBUTES = 50;
    private static final int MAX_LINES = 1000;
    /** Orders dated further ahead than this are clock or data errors, not sales. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final Currency currency;
    private final Clock clock;

    public ShopJson(Currency currency, Clock clock) {
        this.currency = currency;
        this.clock = clock;
    }

    public Customer customer(JsonObject json, String path, List<FieldError> errors) {
        JsonReader r = new JsonReader(json, path, errors);
        r.rejectUnknown(CUSTOMER_FIELDS);
        String id = r.id("id", true);
        String name = r.text("name", false, 200);
        String email = r.text("email", false, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            r.error("email", "'" + email + "' is not an e-mail address");
        }
        String phone = r.text("phone", false, 40);
        Map<String, Object> attributes = attributes(r, r.object("attributes"));
        return id == null ? null : new Customer(id, name, email, phone, attributes);
    }

    private static Map<String, Object> attributes(JsonReader r, JsonObject json) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (json == null) {
            return result;
        }
        if (json.size() > MAX_ATTRIBUTES) {
            r.error("attributes", "may hold at most " + MAX_ATTRIBUTES + " attributes");
            return result;
        }
        for (String key : json.fieldNames()) {
            Object value = json.getValue(key);
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                r.error("attributes." + key, "attribute names are letters, digits and '_', starting with a letter (at most 64)");
            } else if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
                if (value instanceof String s && s.length() > 1000) {
                    r.error("attributes." + key, "must be at most 1000 characters");
                } else {
                    result.put(key, value);
                }
            } else {
                r.error("attributes." + key, "must be a string, number, boolean or null, not an object or array");
            }
        }
        return result;
    }

    public Order order(JsonObject json, String path, List<FieldError> errors) {
        JsonReader r = new JsonReader(json, path, errors);
        r.rejectUnknown(ORDER_FIELDS);
        String id = r.id("id", true);
        String customerId = r.id("customerId", true);
        Instant placedAt = r.instant("placedAt", true);
        if (placedAt != null && placedAt.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            r.error("placedAt", "'" + json.getString("placedAt") + "' is in the future; send the time the order was placed");
        }
        String orderCurrency = r.text("currency", true, 3);
        if (orderCurrency != null && !orderCurrency.equals(currency.getCurrencyCode())) {
            r.error("currency", "'" + orderCurrency + "' is not the shop currency " + currency.getCurrencyCode()
                    + "; convert the amount or change shop.currency");
        }
        Long amount = r.money("amount", currency, false);
        String channel = r.text("channel", false, 40);
        List<OrderLine> lines = lines(r, r.array("lines"), errors);
        if (id == null || customerId == null || placedAt == null || amount == null || orderCurrency == null) {
            return null;
        }
        return new Order(id, customerId, placedAt, amount, orderCurrency, channel, lines);
    }

    private List<OrderLine> lines(JsonReader parent, JsonArray array, List<FieldError> errors) {
        List<OrderLine> lines = new ArrayList<>();
        if (array == null) {
            return lines;
        }
        if (array.size() > MAX_LINES) {
            parent.error("lines", "may hold at most " + MAX_LINES + " lines");
            return lines;
        }
        for (int i = 0; i < array.size(); i++) {
            String at = "lines[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject line)) {
                parent.error(at, "must be an object with sku, quantity and unitPrice");
                continue;
            }
            int before = errors.size();
            JsonReader r = new JsonReader(line, parent.field(at), errors);
            r.rejectUnknown(LINE_FIELDS);
            String sku = r.text("sku", true, 64);
            Long quantity = r.wholeNumber("quantity", 1, 1_000_000);
            Long unitPrice = r.money("unitPrice", currency, false);
            if (errors.size() == before) {
                lines.add(new OrderLine(sku, quantity, unitPrice));
            }
        }
        return lines;
    }

    public Refund refund(JsonObject json, String orderId, List<FieldError> errors) {
        JsonReader r = new JsonReader(json, "", errors);
        r.rejectUnknown(REFUND_FIELDS);
        String id = r.id("id", true);
        Long amount = r.money("amount", currency, true);
        Instant refundedAt = json.containsKey("refundedAt") ? r.instant("refundedAt", true) : clock.instant();
        if (refundedAt != null && refundedAt.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            r.error("refundedAt", "is in the future; send the time the money was returned");
        }
        if (id == null || amount == null || refundedAt == null) {
            return null;
        }
        return new Refund(id, orderId, amount, refundedAt);
    }

    public JsonObject toJson(Customer customer) {
        return new JsonObject()
                .put("id", customer.id())
                .put("name", customer.name())
                .put("email", customer.email())
                .put("phone", customer.phone())
                .put("attributes", new JsonObject(new LinkedHashMap<>(customer.attributes())));
    }

    public JsonObject toJson(Order order) {
        JsonObject json = new JsonObject()
                .put("id", order.id())
                .put("customerId", order.customerId())
                .put("placedAt", order.placedAt().toString())
                .put("amount", Money.format(order.amountMinor(), currency))
                .put("currency", order.currency())
                .put("channel", order.channel());
        if (!order.lines().isEmpty()) {
            JsonArray lines = new JsonArray();
            order.lines().forEach(l -> lines.add(new JsonObject().put("sku", l.sku()).put("quantity", l.quantity())
                    .put("unitPrice", Money.format(l.unitPriceMinor(), currency))));
            json.put("lines", lines);
        }
        return json;
    }

    public JsonObject toJson(Refund refund) {
        return new JsonObject()
                .put("id", refund.id())
                .put("orderId", refund.orderId())
                .put("amount", Money.format(refund.amountMinor(), currency))
                .put("refundedAt", refund.refundedAt().toString());
    }
}
