package dev.patron.plugin.loyalty;

import dev.patron.api.PluginContext;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the REST routes and console views do with accounts, each in one store transaction:
 * reading an account or its statement, redeeming, adjusting, listing points expiring soon.
 * Staff operations are audited: the ledger entry records who asked and why, and the log says so.
 */
final class Accounts {

    static final String REDEEM_KEY_PREFIX = "redeem:";
    static final String ADJUST_KEY_PREFIX = "adjust:";
    private static final String GENERATED_ADJUST_KEY_PREFIX = "adjust-auto:";

    private final PluginContext context;

    /** What a staff write did: the entry (new or, for a repeated key, the original), or the balance that was too low. */
    private record Written(LedgerEntry entry, boolean replayed, long refusedBalance) {
        static Written refused(long balance) {
            return new Written(null, false, balance);
        }
    }

    Accounts(PluginContext context) {
        this.context = context;
    }

    java.time.ZoneId zone() {
        return context.shopZone();
    }

    LoyaltySettings settings() {
        return LoyaltySettings.read(context.settings(), context.currency());
    }

    /** The account of a known customer; expires due points first, so the balance never shows expired ones. */
    Map<String, Object> view(String customerId) {
        LoyaltySettings s = settings();
        Instant now = context.clock().instant();
        boolean due = context.store().read(db -> {
            requireCustomer(db, customerId);
            return !new Posting(db, s, context.shopZone(), now).account(customerId).due(now.toEpochMilli()).isEmpty();
        });
        if (due) {
            context.store().write(db -> {
                Posting posting = new Posting(db, s, context.shopZone(), now);
                posting.expireDue(posting.account(customerId));
                posting.flush();
                return null;
            });
        }
        return context.store().read(db -> AccountView.build(db, s, context.shopZone(), now, customerId));
    }

    /** Entries newest first, before {@code cursor} (an entry id) when given. */
    List<LedgerEntry> entries(String customerId, Long cursor, int limit) {
        return context.store().read(db -> {
            requireCustomer(db, customerId);
            return db.query(Statements.get("statement"), LedgerEntry.MAPPER, customerId,
                    cursor == null ? Long.MAX_VALUE : cursor, (long) limit);
        });
    }

    Map<String, Object> statement(String customerId, Long cursor, int limit) {
        List<LedgerEntry> entries = entries(customerId, cursor, limit);
        int digits = settings().fractionDigits();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", customerId);
        json.put("entries", entries.stream().map(e -> e.toJson(digits)).toList());
        json.put("nextCursor", entries.size() == limit ? entries.get(entries.size() - 1).id() : null);
        return json;
    }

    /**
     * Redeems points once per idempotency key: a repeat with the same key answers with the
     * original result and changes nothing; the same key for another customer or amount is a
     * conflict. Refused with 409 and the balance when the customer has fewer points.
     */
    ApiResponse redeem(String customerId, long points, String key, String reason, String actor) {
        return staffDebit(EntryKind.REDEEM, customerId, points, REDEEM_KEY_PREFIX + key, reason, actor, "redeem");
    }

    /** Adds or removes points by hand; a removal is refused like a redemption when the balance is short. */
    ApiResponse adjust(String customerId, long points, String key, String reason, String actor) {
        String fullKey = key == null ? GENERATED_ADJUST_KEY_PREFIX + UUID.randomUUID() : ADJUST_KEY_PREFIX + key;
        if (points < 0) {
            return staffDebit(EntryKind.ADJUST, customerId, -points, fullKey, reason, actor, "remove");
        }
        LoyaltySettings s = settings();
        Instant now = context.clock().instant();
        Written result = context.store().write(db -> {
            requireCustomer(db, customerId);
            Optional<LedgerEntry> prior = db.queryOne(Statements.get("entryByKey"), LedgerEntry.MAPPER, fullKey);
            if (prior.isPresent()) {
                return new Written(prior.get(), true, 0);
            }
            Posting posting = new Posting(db, s, context.shopZone(), now);
            Account a = posting.account(customerId);
            posting.expireDue(a);
            posting.credit(a, EntryKind.ADJUST, points, now.toEpochMilli(), posting.expiryFor(now.toEpochMilli()), fullKey,
                    Cause.staff(actor, reason));
            posting.flush();
            return new Written(written(db, fullKey), false, 0);
        });
        return answer(result, customerId, points, actor, reason, "add", s);
    }

    private ApiResponse staffDebit(EntryKind kind, String customerId, long points, String fullKey, String reason, String actor,
                                   String verb) {
        LoyaltySettings s = settings();
        Instant now = context.clock().instant();
        Written result = context.store().write(db -> {
            requireCustomer(db, customerId);
            Optional<LedgerEntry> prior = db.queryOne(Statements.get("entryByKey"), LedgerEntry.MAPPER, fullKey);
            if (prior.isPresent()) {
                return new Written(prior.get(), true, 0);
            }
            Posting posting = new Posting(db, s, context.shopZone(), now);
            Posting.Outcome outcome = posting.debit(posting.account(customerId), kind, points, fullKey, Cause.staff(actor, reason));
            // Written even when refused: expiring due points is right whatever the request's fate.
            posting.flush();
            return outcome.done() ? new Written(written(db, fullKey), false, 0) : Written.refused(outcome.balance());
        });
        if (result.entry() == null) {
            long balance = result.refusedBalance();
            throw new ApiProblem(409, "Insufficient points", "customer " + customerId + " has " + balance + " points, fewer than the "
                    + points + " to " + verb + "; nothing was changed", Map.of(), Map.of("balance", balance, "requested", points));
        }
        return answer(result, customerId, -points, actor, reason, verb, s);
    }

    private static LedgerEntry written(PluginDatabase db, String key) {
        return db.queryOne(Statements.get("entryByKey"), LedgerEntry.MAPPER, key).orElseThrow();
    }

    private ApiResponse answer(Written result, String customerId, long points, String actor, String reason, String verb,
                               LoyaltySettings s) {
        LedgerEntry entry = result.entry();
        boolean replayed = result.replayed();
        if (replayed && (!entry.customerId().equals(customerId) || entry.points() != points)) {
            throw new ApiProblem(409, "Idempotency key reused", "idempotency key '" + entry.callerKey() + "' was already used for "
                    + Math.abs(entry.points()) + " points of customer " + entry.customerId() + "; send a new key for a new request",
                    Map.of("idempotencyKey", "was already used for another request"), Map.of());
        }
        if (!replayed) {
            context.logger().info("{} {} {} points {} customer {} (entry {}, balance {}): {}", actor, verb.equals("add") ? "added"
                    : verb.equals("remove") ? "removed" : "redeemed", Math.abs(points), points < 0 ? "from" : "to", customerId,
                    entry.id(), entry.balanceAfter(), reason == null ? "no reason given" : reason);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", customerId);
        json.put("points", entry.points());
        json.put("balance", entry.balanceAfter());
        json.put("replayed", replayed);
        json.put("entry", entry.toJson(s.fractionDigits()));
        return ApiResponse.created(json);
    }

    /** Customers with points expiring within {@code days}, soonest first. */
    Map<String, Object> expiring(int days, int limit, int offset) {
        Instant now = context.clock().instant();
        long to = now.plus(Duration.ofDays(days)).toEpochMilli();
        return context.store().read(db -> {
            List<Map<String, Object>> customers = new ArrayList<>();
            db.query(Statements.get("expiringByCustomer"), r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("customerId", r.text("customer_id"));
                row.put("points", r.whole("points"));
                Instant first = Instant.ofEpochMilli(r.whole("first_expiry"));
                row.put("firstExpiresAt", first.toString());
                row.put("firstExpiresOn", first.atZone(context.shopZone()).toLocalDate().toString());
                row.put("lots", r.whole("lots"));
                return customers.add(row);
            }, now.toEpochMilli(), to, (long) limit, (long) offset);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("asOf", now.toString());
            json.put("withinDays", days);
            db.query(Statements.get("expiringCustomerCount"), r -> {
                json.put("totalCustomers", r.whole("customers"));
                return json.put("totalPoints", r.whole("points"));
            }, now.toEpochMilli(), to);
            json.put("limit", limit);
            json.put("offset", offset);
            json.put("customers", customers);
            return json;
        });
    }

    static void requireCustomer(PluginDatabase db, String customerId) {
        if (customerId == null || db.queryOne(Statements.get("customerExists"), r -> r.text("id"), customerId).isEmpty()) {
            throw new ApiProblem(404, "Not found", "no customer " + customerId + "; customers are added through"
                    + " POST /api/v1/customers or an import");
        }
    }
}
