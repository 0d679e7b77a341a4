package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.testkit.PluginTestbed;
import java.util.List;

/**
 * What must hold of the ledger whatever happened to it, checked with plain SQL over the plugin's
 * tables so the checks do not share the code they check.
 */
final class LedgerInvariants {

    private LedgerInvariants() {
    }

    static void check(PluginTestbed bed) {
        // The cached balance (balance_after of the latest entry) is the sum of the ledger.
        List<String> cacheOff = bed.query("SELECT e.customer_id, e.balance_after, t.total FROM loyalty_entries e"
                + " JOIN (SELECT customer_id, SUM(points) AS total, MAX(id) AS last FROM loyalty_entries GROUP BY customer_id) t"
                + " ON t.last = e.id WHERE e.balance_after <> t.total", r -> r.text("customer_id") + ": cached "
                + r.whole("balance_after") + " but the entries sum to " + r.whole("total"));
        assertThat(cacheOff).as("balance == sum of ledger").isEmpty();

        // Every entry's balance_after continues the previous one's.
        List<String> chainBroken = bed.query("SELECT e.id FROM loyalty_entries e WHERE e.balance_after <> e.points + COALESCE("
                + "(SELECT p.balance_after FROM loyalty_entries p WHERE p.customer_id = e.customer_id AND p.id ="
                + " (SELECT MAX(q.id) FROM loyalty_entries q WHERE q.customer_id = e.customer_id AND q.id < e.id)), 0)",
                r -> "entry " + r.whole("id"));
        assertThat(chainBroken).as("running balance").isEmpty();

        // No order earns twice.
        List<String> twice = bed.query("SELECT order_id FROM loyalty_entries WHERE kind = 'earn' GROUP BY order_id"
                + " HAVING COUNT(*) > 1", r -> r.text("order_id"));
        assertThat(twice).as("orders that earned twice").isEmpty();

        // A lot never gives more than it holds: expiry only ever takes what redemptions left.
        List<String> overdrawn = bed.query("SELECT l.entry_id, l.points, SUM(u.points) AS used FROM loyalty_lots l"
                + " JOIN loyalty_lot_uses u ON u.lot_id = l.entry_id GROUP BY l.entry_id, l.points HAVING SUM(u.points) > l.points",
                r -> "lot " + r.whole("entry_id") + " holds " + r.whole("points") + " but gave " + r.whole("used"));
        assertThat(overdrawn).as("overdrawn lots").isEmpty();

        // A lot expires at most once, and an expiry takes points only from its own lot.
        List<String> expiredTwice = bed.query("SELECT u.lot_id FROM loyalty_lot_uses u JOIN loyalty_entries e ON e.id = u.entry_id"
                + " WHERE e.kind = 'expire' GROUP BY u.lot_id HAVING COUNT(*) > 1", r -> "lot " + r.whole("lot_id"));
        assertThat(expiredTwice).as("lots expired twice").isEmpty();
        List<String> expiryMismatch = bed.query("SELECT e.id FROM loyalty_entries e WHERE e.kind = 'expire' AND -e.points <>"
                + " (SELECT COALESCE(SUM(u.points), 0) FROM loyalty_lot_uses u WHERE u.entry_id = e.id)", r -> "entry " + r.whole("id"));
        assertThat(expiryMismatch).as("expire entries not backed by their lot").isEmpty();

        // Reversals never exceed what the order earned, counted both ways.
        List<String> overReversed = bed.query("SELECT r.order_id, SUM(r.share) AS reversed, MAX(r.earned) AS earned"
                + " FROM loyalty_reversals r GROUP BY r.order_id HAVING SUM(r.share) > MAX(r.earned)",
                r -> r.text("order_id") + " reversed " + r.whole("reversed") + " of " + r.whole("earned"));
        assertThat(overReversed).as("orders reversed beyond their earning").isEmpty();
        List<String> overTaken = bed.query("SELECT e.order_id, SUM(e.points) AS taken, MAX(x.points) AS earned"
                + " FROM loyalty_entries e JOIN loyalty_entries x ON x.kind = 'earn' AND x.order_id = e.order_id"
                + " WHERE e.kind = 'reverse' GROUP BY e.order_id HAVING -SUM(e.points) > MAX(x.points)",
                r -> r.text("order_id") + " took back " + r.whole("taken") + " of " + r.whole("earned"));
        assertThat(overTaken).as("points taken back beyond the earning").isEmpty();

        // The balance is the points left in lots less what is owed under the negative policy.
        List<String> unbacked = bed.query("SELECT b.customer_id, b.total, COALESCE(l.remaining, 0) AS remaining,"
                + " COALESCE(d.owed, 0) AS owed FROM (SELECT customer_id, SUM(points) AS total FROM loyalty_entries GROUP BY customer_id) b"
                + " LEFT JOIN (SELECT x.customer_id, SUM(x.points - COALESCE(u.used, 0)) AS remaining FROM loyalty_lots x"
                + "   LEFT JOIN (SELECT lot_id, SUM(points) AS used FROM loyalty_lot_uses GROUP BY lot_id) u ON u.lot_id = x.entry_id"
                + "   GROUP BY x.customer_id) l ON l.customer_id = b.customer_id"
                + " LEFT JOIN (SELECT y.customer_id, SUM(y.points - COALESCE(p.paid, 0)) AS owed FROM loyalty_debts y"
                + "   LEFT JOIN (SELECT debt_id, SUM(points) AS paid FROM loyalty_debt_payments GROUP BY debt_id) p ON p.debt_id = y.id"
                + "   WHERE y.policy = 'negative' GROUP BY y.customer_id) d ON d.customer_id = b.customer_id"
                + " WHERE b.total <> COALESCE(l.remaining, 0) - COALESCE(d.owed, 0)",
                r -> r.text("customer_id") + ": balance " + r.whole("total") + ", lots " + r.whole("remaining") + ", owed "
                        + r.whole("owed"));
        assertThat(unbacked).as("balance backed by lots").isEmpty();

        // Redemptions and removals never take a balance below zero.
        List<String> negative = bed.query("SELECT id FROM loyalty_entries WHERE kind IN ('redeem', 'adjust') AND points < 0"
                + " AND balance_after < 0", r -> "entry " + r.whole("id"));
        assertThat(negative).as("staff debits below zero").isEmpty();
    }
}
