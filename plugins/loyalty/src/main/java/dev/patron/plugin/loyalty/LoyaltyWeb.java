package dev.patron.plugin.loyalty;

import dev.patron.api.PluginContext;
import dev.patron.api.web.ApiRequest;
import dev.patron.api.web.ApiResponse;
import dev.patron.api.web.ApiRoute;
import dev.patron.api.web.ConsolePage;
import dev.patron.api.web.PageRequest;
import dev.patron.api.web.PageView;
import dev.patron.api.web.WebContribution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * The loyalty REST routes under {@code /api/v1/plugins/loyalty}, the console page of points
 * expiring soon and the panel on every customer's page. Reading needs the viewer role; redeeming
 * and adjusting need staff, and the panel shows their forms only to staff and admins.
 */
@Extension
public final class LoyaltyWeb implements WebContribution {

    static final int MAX_POINTS = 1_000_000_000;
    static final int MAX_REASON = 500;
    static final int MAX_KEY = 200;
    private static final int STATEMENT_ON_PANEL = 10;

    private final Accounts accounts;

    public LoyaltyWeb(PluginContext context) {
        this.accounts = new Accounts(context);
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/accounts/:customerId", "A customer's balance, tier, next tier and points expiring soon",
                        this::account),
                ApiRoute.get("/accounts/:customerId/ledger", "A customer's ledger entries, newest first (cursor = last entry id)",
                        this::ledger),
                ApiRoute.post("/accounts/:customerId/redemptions", "Redeem points once per idempotency key", this::redeem),
                ApiRoute.post("/accounts/:customerId/adjustments", "Add or remove points by hand, with a reason", this::adjust),
                ApiRoute.get("/expiring", "Customers with points expiring within ?days=", this::expiring));
    }

    @Override
    public List<ConsolePage> pages() {
        return List.of(new ConsolePage("/expiring", "loyalty.nav", "loyalty.expiring.title", this::expiringPage));
    }

    @Override
    public Optional<PageView> customerPanel(PageRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("customerId", request.customerId());
        model.put("account", accounts.view(request.customerId()));
        LoyaltySettings s = accounts.settings();
        model.put("entries", accounts.entries(request.customerId(), null, STATEMENT_ON_PANEL).stream()
                .map(e -> e.toView(s.fractionDigits(), accounts.zone())).toList());
        model.put("canChange", "staff".equals(request.role()) || "admin".equals(request.role()));
        // A fresh key per rendering: a double-click sends it twice and redeems once; a reload gets a new one.
        model.put("redemptionKey", UUID.randomUUID().toString());
        model.put("adjustmentKey", UUID.randomUUID().toString());
        model.put("maxPoints", MAX_POINTS);
        return Optional.of(new PageView("panel.ftlh", model));
    }

    private ApiResponse account(ApiRequest request) {
        return ApiResponse.ok(accounts.view(request.pathParameter("customerId")));
    }

    private ApiResponse ledger(ApiRequest request) {
        Bodies input = new Bodies();
        Long cursor = input.query(request, "cursor", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        long limit = input.query(request, "limit", 50, 1, 500);
        input.check();
        return ApiResponse.ok(accounts.statement(request.pathParameter("customerId"), cursor, (int) limit));
    }

    private ApiResponse redeem(ApiRequest request) {
        Bodies input = new Bodies();
        Map<String, Object> body = input.object(request, List.of("points", "idempotencyKey", "reason"));
        Long points = input.whole(body, "points", true, 1, MAX_POINTS);
        String key = input.text(body, "idempotencyKey", true, MAX_KEY);
        String reason = input.text(body, "reason", false, MAX_REASON);
        input.check();
        return accounts.redeem(request.pathParameter("customerId"), points, key, reason, request.actor());
    }

    private ApiResponse adjust(ApiRequest request) {
        Bodies input = new Bodies();
        Map<String, Object> body = input.object(request, List.of("points", "reason", "idempotencyKey"));
        Long points = input.whole(body, "points", true, -MAX_POINTS, MAX_POINTS);
        if (points != null && points == 0) {
            input.error("points", "must not be 0: send a positive number to add points, a negative one to remove them");
        }
        String reason = input.text(body, "reason", true, MAX_REASON);
        String key = input.text(body, "idempotencyKey", false, MAX_KEY);
        input.check();
        return accounts.adjust(request.pathParameter("customerId"), points, key, reason, request.actor());
    }

    private ApiResponse expiring(ApiRequest request) {
        Bodies input = new Bodies();
        long days = input.query(request, "days", accounts.settings().expiringSoonDays(), 1, 3650);
        long limit = input.query(request, "limit", 100, 1, 1000);
        long offset = input.query(request, "offset", 0, 0, Integer.MAX_VALUE);
        input.check();
        return ApiResponse.ok(accounts.expiring((int) days, (int) limit, (int) offset));
    }

    private PageView expiringPage(PageRequest request) {
        int fallback = accounts.settings().expiringSoonDays();
        int days = fallback;
        String error = null;
        Optional<String> raw = request.queryParameter("days");
        if (raw.isPresent() && !raw.get().isBlank()) {
            try {
                days = Integer.parseInt(raw.get().trim());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 1 || days > 3650) {
                error = raw.get();
                days = fallback;
            }
        }
        Map<String, Object> model = new HashMap<>(accounts.expiring(days, 500, 0));
        model.put("days", days);
        if (error != null) {
            model.put("invalidDays", error);
        }
        return new PageView("expiring.ftlh", model);
    }
}
