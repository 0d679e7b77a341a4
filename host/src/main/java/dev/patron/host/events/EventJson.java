package dev.patron.host.events;

import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events as JSON, for the backlog of a plugin that has to catch up. */
final class EventJson {

    static final String ORDER_PLACED = "OrderPlaced";
    static final String ORDER_REFUNDED = "OrderRefunded";
    static final String CUSTOMER_UPSERTED = "CustomerUpserted";

    private EventJson() {
    }

    static String type(Object event) {
        if (event instanceof OrderPlaced) {
            return ORDER_PLACED;
        } else if (event instanceof OrderRefunded) {
            return ORDER_REFUNDED;
        } else if (event instanceof CustomerUpserted) {
            return CUSTOMER_UPSERTED;
        }
        throw new IllegalArgumentException("not a shop event: " + event);
    }

    static String encode(Object event) {
        JsonObject json;
        if (event instanceof OrderPlaced e) {
            json = new JsonObject().put("orderId", e.orderId()).put("customerId", e.customerId())
                    .put("placedAt", e.placedAt().toString()).put("amountMinor", e.amountMinor()).put("channel", e.channel())
                    .put("source", e.source());
        } else if (event instanceof OrderRefunded e) {
            json = new JsonObject().put("refundId", e.refundId()).put("orderId", e.orderId())
                    .put("customerId", e.customerId()).put("amountMinor", e.amountMinor()).put("orderAmountMinor", e.orderAmountMinor())
                    .put("refundedBeforeMinor", e.refundedBeforeMinor()).put("refundedAt", e.refundedAt().toString());
        } else if (event instanceof CustomerUpserted e) {
            json = new JsonObject().put("customerId", e.customerId())
                    .put("attributes", new JsonObject(new LinkedHashMap<>(e.attributes()))).put("created", e.created());
        } else {
            throw new IllegalArgumentException("not a shop event: " + event);
        }
        return json.encode();
    }

    static Object decode(String type, String payload) {
        JsonObject j = new JsonObject(payload);
        return switch (type) {
            case ORDER_PLACED -> new OrderPlaced(j.getString("orderId"), j.getString("customerId"), Instant.parse(j.getString("placedAt")),
                    j.getLong("amountMinor"), j.getString("channel"), j.getString("source"));
            case ORDER_REFUNDED -> new OrderRefunded(j.getString("refundId"), j.getString("orderId"), j.getString("customerId"),
                    j.getLong("amountMinor"), j.getLong("orderAmountMinor"), j.getLong("refundedBeforeMinor"),
                    Instant.parse(j.getString("refundedAt")));
            case CUSTOMER_UPSERTED -> {
                Map<String, String> attributes = new LinkedHashMap<>();
                j.getJsonObject("attributes").forEach(e -> attributes.put(e.getKey(), String.valueOf(e.getValue())));
                yield new CustomerUpserted(j.getString("customerId"), attributes, j.getBoolean("created"));
            }
            default -> throw new IllegalArgumentException("unknown event type " + type + " in the backlog");
        };
    }
}
