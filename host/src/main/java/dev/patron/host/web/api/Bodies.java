package dev.patron.host.web.api;

import dev.patron.host.shop.InvalidInputException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads request bodies, failing with a clear 400 when the body is missing or not a JSON object. */
final class Bodies {

    private Bodies() {
    }

    static JsonObject object(RoutingContext ctx) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("body", "is empty; send a JSON object");
        }
        Object value;
        try {
            value = io.vertx.core.json.Json.decodeValue(text);
        } catch (DecodeException e) {
            throw new InvalidInputException("body", "is not valid JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject json)) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return json;
    }

    /** An optional JSON object body: empty when no body was sent. */
    static JsonObject optionalObject(RoutingContext ctx) {
        String text = ctx.body().asString();
        return text == null || text.isBlank() ? new JsonObject() : object(ctx);
    }
}
