package dev.patron.host.web.api;

import dev.patron.host.auth.Role;
import dev.patron.host.web.auth.Access;

import dev.patron.host.Patron;
import dev.patron.host.scoring.ScoreRepository;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.CustomerQuery;
import dev.patron.host.shop.CustomerRow;
import dev.patron.host.shop.CustomerStats;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.Money;
import dev.patron.host.shop.NotFoundException;
import dev.patron.host.shop.Page;
import dev.patron.host.store.AsyncStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/v1/customers}: create or update, list with filters, one customer, their scores. */
final class CustomerRoutes {

    private static final int RECENT_ORDERS = 50;

    private final io.vertx.core.Vertx vertx;
    private final Patron patron;
    private final AsyncStore store;
    private final ScoreRepository scores = new ScoreRepository();

    CustomerRoutes(io.vertx.core.Vertx vertx, Patron patron, AsyncStore store) {
        this.vertx = vertx;
        this.patron = patron;
        this.store = store;
    }

    void mount(Router router) {
        router.post("/api/v1/customers").handler(Access.require(Role.STAFF)).handler(this::upsert);
        router.get("/api/v1/customers").handler(Access.require(Role.VIEWER)).handler(this::list);
        router.get("/api/v1/customers/:id").handler(Access.require(Role.VIEWER)).handler(this::one);
        router.get("/api/v1/customers/:id/scores").handler(Access.require(Role.VIEWER)).handler(this::scores);
    }

    private void upsert(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        List<FieldError> errors = new ArrayList<>();
        Customer customer = patron.json().customer(body, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        vertx.executeBlocking(() -> patron.writes().upsertCustomer(customer), false)
                .onSuccess(created -> {
                    ctx.response().setStatusCode(created ? 201 : 200).putHeader("Location", "/api/v1/customers/" + customer.id());
                    ctx.json(patron.json().toJson(customer));
                })
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        CustomerQuery.Sort sort = CustomerQuery.Sort.parse(ctx.request().getParam("sort"));
        String cursor = blankToNull(ctx.request().getParam("cursor"));
        if (cursor != null && sort != CustomerQuery.Sort.ID) {
            throw new InvalidInputException("cursor", "works with sort=id only; use page with other orders");
        }
        String alerts = blankToNull(ctx.request().getParam("alerts"));
        if (alerts != null && !alerts.equals("open")) {
            throw new InvalidInputException("alerts", "'" + alerts + "' is not a filter; use alerts=open");
        }
        CustomerQuery query = new CustomerQuery(blankToNull(ctx.request().getParam("q")), blankToNull(ctx.request().getParam("segment")),
                blankToNull(ctx.request().getParam("tier")), alerts != null, cursor == null ? null : decodeCursor(cursor), sort,
                intParam(ctx, "page", 1, 1, Integer.MAX_VALUE), intParam(ctx, "size", 50, 1, CustomerQuery.MAX_SIZE));
        store.read(c -> patron.shop().listCustomers(c, query))
                .onSuccess(page -> ctx.json(pageJson(page, query.sort() == CustomerQuery.Sort.ID)))
                .onFailure(ctx::fail);
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "is not a cursor from nextCursor of an earlier page");
        }
    }

    private static JsonObject pageJson(Page<CustomerRow> page, boolean keyset) {
        JsonArray items = new JsonArray();
        for (CustomerRow row : page.items()) {
            items.add(new JsonObject().put("id", row.id()).put("name", row.name()).put("email", row.email())
                    .put("labels", new JsonObject(new java.util.LinkedHashMap<>(row.labels()))));
        }
        String next = keyset && page.items().size() == page.size() && !page.items().isEmpty()
                ? java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        page.items().get(page.items().size() - 1).id().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : null;
        return new JsonObject().put("items", items).put("page", page.page()).put("size", page.size())
                .put("total", page.total()).put("pages", page.pages()).put("nextCursor", next);
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        store.read(c -> {
            Customer customer = patron.shop().findCustomer(c, id).orElseThrow(() -> notFound(id));
            CustomerStats stats = patron.shop().stats(c, id);
            JsonObject json = patron.json().toJson(customer);
            json.put("stats", statsJson(stats));
            JsonArray orders = new JsonArray();
            patron.shop().orders(c, id, RECENT_ORDERS).forEach(o -> orders.add(patron.json().toJson(o)));
            JsonArray refunds = new JsonArray();
            patron.shop().refunds(c, id, RECENT_ORDERS).forEach(r -> refunds.add(patron.json().toJson(r)));
            return json.put("recentOrders", orders).put("recentRefunds", refunds);
        }).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private JsonObject statsJson(CustomerStats stats) {
        var currency = patron.config().currency();
        return new JsonObject()
                .put("orders", stats.orderCount())
                .put("firstOrderAt", stats.firstOrderAt() == null ? null : stats.firstOrderAt().toString())
                .put("lastOrderAt", stats.lastOrderAt() == null ? null : stats.lastOrderAt().toString())
                .put("spent", Money.format(stats.grossMinor(), currency))
                .put("refunds", stats.refundCount())
                .put("refunded", Money.format(stats.refundedMinor(), currency))
                .put("net", Money.format(stats.netMinor(), currency))
                .put("currency", currency.getCurrencyCode());
    }

    private void scores(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        store.read(c -> {
            if (!patron.shop().customerExists(c, id)) {
                throw notFound(id);
            }
            return ApiJson.scores(id, scores.ofCustomer(c, id));
        }).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("customer " + id + " does not exist");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static int intParam(RoutingContext ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(name, "'" + raw + "' must be a whole number from " + min + " to " + max);
    }
}
