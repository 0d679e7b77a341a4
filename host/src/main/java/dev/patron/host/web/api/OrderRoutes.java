package dev.patron.host.web.api;

import dev.patron.host.auth.Role;
import dev.patron.host.web.auth.Access;

import dev.patron.host.Patron;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.OrderOutcome;
import dev.patron.host.shop.Refund;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/orders} (one order, or {@code {"orders":[...]}}) and refunds. A request is
 * validated whole and written in one transaction, or not at all; then the customers it touched
 * are re-scored before the response, so a client reading scores next sees them fresh.
 */
final class OrderRoutes {

    static final int MAX_BATCH = 10_000;

    private final Vertx vertx;
    private final Patron patron;

    OrderRoutes(Vertx vertx, Patron patron) {
        this.vertx = vertx;
        this.patron = patron;
    }

    void mount(Router router) {
        router.post("/api/v1/orders").handler(Access.require(Role.STAFF)).handler(this::place);
        router.post("/api/v1/orders/:id/refunds").handler(Access.require(Role.STAFF)).handler(this::refund);
    }

    private void place(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        boolean batch = body.containsKey("orders");
        List<FieldError> errors = new ArrayList<>();
        List<Order> orders = batch ? readBatch(body, errors) : readOne(body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        vertx.executeBlocking(() -> patron.writes().placeOrders(orders, batch ? "orders" : "", "api"), false)
                .onSuccess(outcomes -> respond(ctx, batch, orders, outcomes))
                .onFailure(ctx::fail);
    }

    private List<Order> readOne(JsonObject body, List<FieldError> errors) {
        Order order = patron.json().order(body, "", errors);
        return order == null ? List.of() : List.of(order);
    }

    private List<Order> readBatch(JsonObject body, List<FieldError> errors) {
        if (body.size() != 1) {
            errors.add(new FieldError("body", "a batch is {\"orders\":[...]} with no other fields"));
            return List.of();
        }
        if (!(body.getValue("orders") instanceof JsonArray array)) {
            errors.add(new FieldError("orders", "must be an array of orders"));
            return List.of();
        }
        if (array.isEmpty() || array.size() > MAX_BATCH) {
            errors.add(new FieldError("orders", "must hold 1 to " + MAX_BATCH + " orders, not " + array.size()
                    + "; split larger loads or use an import"));
            return List.of();
        }
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.getValue(i) instanceof JsonObject json) {
                Order order = patron.json().order(json, "orders[" + i + "]", errors);
                if (order != null) {
                    orders.add(order);
                }
            } else {
                errors.add(new FieldError("orders[" + i + "]", "must be an order object"));
            }
        }
        return orders;
    }

    private static void respond(RoutingContext ctx, boolean batch, List<Order> orders, List<OrderOutcome> outcomes) {
        boolean anyCreated = outcomes.contains(OrderOutcome.CREATED);
        ctx.response().setStatusCode(anyCreated ? 201 : 200);
        if (!batch) {
            ctx.json(new JsonObject().put("id", orders.get(0).id()).put("status", outcomes.get(0).json()));
            return;
        }
        JsonArray list = new JsonArray();
        for (int i = 0; i < orders.size(); i++) {
            list.add(new JsonObject().put("id", orders.get(i).id()).put("status", outcomes.get(i).json()));
        }
        long created = outcomes.stream().filter(o -> o == OrderOutcome.CREATED).count();
        ctx.json(new JsonObject().put("created", created).put("unchanged", orders.size() - created).put("orders", list));
    }

    private void refund(RoutingContext ctx) {
        String orderId = ctx.pathParam("id");
        List<FieldError> errors = new ArrayList<>();
        Refund refund = patron.json().refund(Bodies.object(ctx), orderId, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        vertx.executeBlocking(() -> patron.writes().addRefund(refund).outcome(), false)
                .onSuccess(outcome -> {
                    ctx.response().setStatusCode(outcome == OrderOutcome.CREATED ? 201 : 200);
                    ctx.json(patron.json().toJson(refund).put("status", outcome.json()));
                })
                .onFailure(ctx::fail);
    }
}
