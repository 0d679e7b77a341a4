package dev.patron.plugin.loyalty;

import dev.patron.api.data.PluginDatabase;
import dev.patron.plugin.loyalty.TierLadder.Tier;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where customers stand against the tier ladder. What qualifies is counted over the rolling window
 * ({@code tierWindowMonths}) ending now: with basis {@code spend}, the orders placed in it less
 * what was refunded of them (read from the host's {@code orders} and {@code refunds}, so orders
 * that earned no points still count); with basis {@code points}, the points earned in it less what
 * refunds of those orders reversed. A customer moves up as soon as an order qualifies them, and
 * moves down only at a review ({@link TierReviewJob}); every move is a row of tier history.
 */
final class TierStanding {

    private TierStanding() {
    }

    /** When the window ending at {@code asOf} starts (exclusive). */
    static Instant windowStart(LoyaltySettings s, ZoneId zone, Instant asOf) {
        return ZonedDateTime.ofInstant(asOf, zone).minusMonths(s.windowMonths()).toInstant();
    }

    /** Each customer's qualifying spend (minor units) or points over the window ending at {@code asOf}; 0 when none. */
    static Map<String, Long> qualifying(PluginDatabase db, LoyaltySettings s, ZoneId zone, Instant asOf,
                                        Collection<String> customers) {
        Map<String, Long> result = new HashMap<>();
        customers.forEach(c -> result.put(c, 0L));
        long from = windowStart(s, zone, asOf).toEpochMilli();
        long to = asOf.toEpochMilli();
        boolean spend = s.basis() == TierBasis.SPEND;
        for (List<String> chunk : Statements.chunks(result.keySet())) {
            db.query(Statements.withIds(spend ? "spendInWindow" : "pointsEarnedInWindow", chunk.size()),
                    r -> result.merge(r.text("customer_id"), r.whole("total"), Long::sum), Statements.parameters(chunk, from, to));
            db.query(Statements.withIds(spend ? "refundedInWindow" : "pointsReversedInWindow", chunk.size()),
                    r -> result.merge(r.text("customer_id"), -r.whole("total"), Long::sum), Statements.parameters(chunk, from, to));
        }
        result.replaceAll((c, v) -> Math.max(0, v));
        return result;
    }

    /** Moves up, at once, every one of these customers whose qualifying value reached a higher tier. */
    static void upgrade(Posting p, Collection<String> customers) {
        move(p, customers, "upgrade", Long.MIN_VALUE);
    }

    /**
     * The review of a review date: puts every one of these customers in the tier they qualify for
     * now. A customer moves down only if they reached their tier before the review date began
     * ({@code reviewStart}); one who moved up since keeps the tier until the next review, so a
     * review done late (Patron was down on the day) never undoes a fresh upgrade.
     *
     * @return how many customers moved
     */
    static int review(Posting p, Collection<String> customers, long reviewStart) {
        return move(p, customers, "review", reviewStart);
    }

    private static int move(Posting p, Collection<String> customers, String reason, long reviewStart) {
        if (customers.isEmpty()) {
            return 0;
        }
        LoyaltySettings s = p.settings();
        p.load(customers);
        Map<String, Long> qualifying = qualifying(p.db(), s, p.zone(), Instant.ofEpochMilli(p.now()), customers);
        int moved = 0;
        for (Map.Entry<String, Long> q : qualifying.entrySet()) {
            Account a = p.account(q.getKey());
            Tier current = s.tiers().named(a.tierName);
            Tier target = s.tiers().forQualifying(q.getValue());
            boolean move;
            if (reason.equals("upgrade")) {
                move = target.rank() > current.rank();
            } else {
                boolean down = target.rank() < current.rank();
                boolean heldSinceBefore = a.tierSince == null || a.tierSince < reviewStart;
                move = !target.name().equals(currentName(a, s)) && (!down || heldSinceBefore);
            }
            if (move) {
                p.addRow("insertTierChange", p.newId(), a.customerId, target.name(), currentName(a, s), reason,
                        s.basis().settingValue(), q.getValue(), p.now());
                a.tierName = target.name();
                a.tierSince = p.now();
                moved++;
            }
        }
        return moved;
    }

    /** The stored tier name, or the lowest tier's for a customer with no history. */
    private static String currentName(Account a, LoyaltySettings s) {
        return a.tierName == null ? s.tiers().lowest().name() : a.tierName;
    }
}
