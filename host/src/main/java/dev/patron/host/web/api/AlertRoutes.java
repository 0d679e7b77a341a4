package dev.patron.host.web.api;

import dev.patron.host.alerts.AlertInbox;
import dev.patron.host.alerts.Webhooks;
import dev.patron.host.auth.Role;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.web.auth.Access;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** The alert inbox ({@code /api/v1/alerts}) and webhook subscriptions ({@code /api/v1/webhooks}). */
final class AlertRoutes {

    private final Vertx vertx;
    private final AlertInbox inbox;
    private final Webhooks webhooks;
    private final dev.patron.host.auth.AuditLog audit;

    AlertRoutes(Vertx vertx, AlertInbox inbox, Webhooks webhooks, dev.patron.host.auth.AuditLog audit) {
        this.vertx = vertx;
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.audit = audit;
    }

    void mount(Router router) {
        router.get("/api/v1/alerts").handler(Access.require(Role.VIEWER)).handler(this::list);
        router.get("/api/v1/alerts/:id").handler(Access.require(Role.VIEWER)).handler(this::one);
        router.post("/api/v1/alerts/:id/ack").handler(Access.require(Role.STAFF)).handler(ctx -> change(ctx, true));
        router.post("/api/v1/alerts/:id/resolve").handler(Access.require(Role.STAFF)).handler(ctx -> change(ctx, false));
        router.get("/api/v1/webhooks").handler(Access.require(Role.ADMIN)).handler(this::listWebhooks);
        router.post("/api/v1/webhooks").handler(Access.require(Role.ADMIN)).handler(this::createWebhook);
        router.get("/api/v1/webhooks/:id/deliveries").handler(Access.require(Role.ADMIN)).handler(this::deliveries);
    }

    private void list(RoutingContext ctx) {
        String status = CustomerRoutes.blankToNull(ctx.request().getParam("status"));
        String severity = CustomerRoutes.blankToNull(ctx.request().getParam("severity"));
        String customer = CustomerRoutes.blankToNull(ctx.request().getParam("customerId"));
        int limit = CustomerRoutes.intParam(ctx, "limit", 100, 1, 1_000);
        vertx.executeBlocking(() -> new JsonObject().put("items", new JsonArray(new ArrayList<>(inbox.list(status, severity, customer, limit)))),
                false).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> inbox.get(id), false).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void change(RoutingContext ctx, boolean acknowledge) {
        String id = ctx.pathParam("id");
        JsonObject body = Bodies.optionalObject(ctx);
        for (String field : body.fieldNames()) {
            if (!field.equals("note")) {
                throw new InvalidInputException(field, "is not a known field; send {\"note\": \"...\"} or nothing");
            }
        }
        Object note = body.getValue("note");
        if (note != null && !(note instanceof String)) {
            throw new InvalidInputException("note", "must be a string");
        }
        String actor = Access.actor(ctx);
        vertx.executeBlocking(() -> {
            JsonObject alert = acknowledge ? inbox.acknowledge(id, actor, (String) note) : inbox.resolve(id, actor, (String) note);
            audit.record(actor, acknowledge ? "alert.acknowledge" : "alert.resolve", id, (String) note);
            return alert;
        }, false).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void listWebhooks(RoutingContext ctx) {
        vertx.executeBlocking(() -> new JsonObject().put("items", new JsonArray(new ArrayList<>(webhooks.list()))), false)
                .onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void createWebhook(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        for (String field : body.fieldNames()) {
            if (!List.of("url", "secret", "events").contains(field)) {
                throw new InvalidInputException(field, "is not a known field; allowed fields are url, secret, events");
            }
        }
        List<String> events = new ArrayList<>();
        if (body.getValue("events") instanceof JsonArray array) {
            array.forEach(e -> events.add(String.valueOf(e)));
        } else if (body.getValue("events") != null) {
            throw new InvalidInputException("events", "must be an array such as [\"alert.opened\"]");
        }
        String actor = Access.actor(ctx);
        vertx.executeBlocking(() -> {
            JsonObject created = webhooks.create(body.getString("url"), body.getString("secret"), events, actor);
            audit.record(actor, "webhook.create", created.getString("id"), created.getString("url"));
            return created;
        }, false).onSuccess(created -> {
            ctx.response().setStatusCode(201);
            ctx.json(created);
        }).onFailure(ctx::fail);
    }

    private void deliveries(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int limit = CustomerRoutes.intParam(ctx, "limit", 50, 1, 500);
        vertx.executeBlocking(() -> new JsonObject().put("items", new JsonArray(new ArrayList<>(webhooks.deliveries(id, limit)))), false)
                .onSuccess(ctx::json).onFailure(ctx::fail);
    }
}
