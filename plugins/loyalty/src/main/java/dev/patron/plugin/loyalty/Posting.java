package dev.patron.plugin.loyalty;

import dev.patron.api.data.PluginDatabase;
import dev.patron.plugin.loyalty.Account.Debt;
import dev.patron.plugin.loyalty.Account.Lot;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unit of work on the ledger inside one database transaction: it loads the accounts it
 * touches in a few grouped queries, applies credits and debits in memory, and writes every new
 * row in batches at {@link #flush}. Rows are only ever inserted: entries, the lots credits create,
 * which lots each debit used, debts and their payments, tier changes.
 *
 * <p>Every operation first expires the customer's lots that are due, so no debit ever spends an
 * expired point and the balance never shows one; and every credit pays the customer's debts
 * before it can be spent. Not thread-safe; one per transaction.
 */
final class Posting {

    private final PluginDatabase db;
    private final LoyaltySettings settings;
    private final ZoneId zone;
    private final long now;
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<Long, Long> expiredByLot = new HashMap<>();
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    private long nextId = -1;

    Posting(PluginDatabase db, LoyaltySettings settings, ZoneId zone, Instant now) {
        this.db = db;
        this.settings = settings;
        this.zone = zone;
        this.now = now.toEpochMilli();
        // Insert order: a row's parent goes in first.
        for (String name : List.of("insertEntry", "insertLot", "insertUse", "insertReversal", "insertDebt",
                "insertDebtPayment", "insertTierChange")) {
            rows.put(name, new ArrayList<>());
        }
    }

    PluginDatabase db() {
        return db;
    }

    LoyaltySettings settings() {
        return settings;
    }

    ZoneId zone() {
        return zone;
    }

    long now() {
        return now;
    }

    // ------------------------------------------------------------------------------------
    // Accounts

    /** The customer's account, loaded on first use. */
    Account account(String customerId) {
        if (!accounts.containsKey(customerId)) {
            load(List.of(customerId));
        }
        return accounts.get(customerId);
    }

    /** Loads the accounts not loaded yet, a few grouped queries per {@link Statements#CHUNK} customers. */
    void load(Collection<String> customerIds) {
        List<String> missing = customerIds.stream().distinct().filter(id -> !accounts.containsKey(id)).toList();
        for (List<String> chunk : Statements.chunks(missing)) {
            Map<String, Account> loaded = new HashMap<>();
            chunk.forEach(id -> loaded.put(id, new Account(id)));
            Object[] ids = chunk.toArray();
            db.query(Statements.withIds("balances", chunk.size()), r -> {
                loaded.get(r.text("customer_id")).balance = r.whole("balance_after");
                return null;
            }, ids);
            db.query(Statements.withIds("openLots", chunk.size()), r -> {
                loaded.get(r.text("customer_id")).lots.add(new Lot(r.whole("entry_id"), r.whole("points"), r.whole("remaining"),
                        r.whole("earned_at"), r.whole("expires_at")));
                return null;
            }, ids);
            db.query(Statements.withIds("openDebts", chunk.size()), r -> {
                loaded.get(r.text("customer_id")).debts.add(new Debt(r.whole("id"), r.text("order_id"), r.text("refund_id"),
                        RefundPolicy.parse(r.text("policy")), r.whole("outstanding")));
                return null;
            }, ids);
            db.query(Statements.withIds("currentTiers", chunk.size()), r -> {
                Account a = loaded.get(r.text("customer_id"));
                a.tierName = r.text("tier");
                a.tierSince = r.whole("changed_at");
                return null;
            }, ids);
            loaded.values().forEach(a -> a.debts.sort(java.util.Comparator.comparingLong(d -> d.id)));
            accounts.putAll(loaded);
        }
    }

    // ------------------------------------------------------------------------------------
    // Building blocks

    /** A new id from the plugin's one sequence; the sequence row is locked on first use. */
    long newId() {
        if (nextId < 0) {
            db.update(Statements.get("lockState"), "next_id");
            nextId = db.queryOne(Statements.get("readState"), r -> r.whole("value"), "next_id")
                    .orElseThrow(() -> new IllegalStateException("loyalty_state has no next_id row; the migration did not run"));
        }
        return nextId++;
    }

    /** Appends an entry with a given id and moves the account's balance. */
    void entry(long id, Account a, EntryKind kind, long points, long occurredAt, String key, Cause cause) {
        a.balance += points;
        rows.get("insertEntry").add(new Object[] {id, a.customerId, kind.code(), points, a.balance, occurredAt, now, key,
            cause.orderId(), cause.refundId(), cause.actor(), cause.reason(), cause.amountMinor(), cause.detail()});
    }

    /** Records that entry {@code entryId} took {@code points} from {@code lot}. */
    void use(long entryId, Account a, Lot lot, long points) {
        lot.remaining -= points;
        rows.get("insertUse").add(new Object[] {entryId, lot.id, a.customerId, points, now});
    }

    void addRow(String statement, Object... values) {
        rows.get(statement).add(values);
    }

    /** When points credited at {@code at} expire: {@code expiryMonths} later in the shop zone, or never. */
    Long expiryFor(long at) {
        if (settings.expiryMonths() == 0) {
            return null;
        }
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(at), zone).plusMonths(settings.expiryMonths()).toInstant().toEpochMilli();
    }

    /** Points of {@code lotId} expired by this unit of work so far. */
    long expiredHere(long lotId) {
        return expiredByLot.getOrDefault(lotId, 0L);
    }

    // ------------------------------------------------------------------------------------
    // Operations

    /** Expires every lot of the account whose expiry has come: one expire entry per lot, dated at its expiry. */
    void expireDue(Account a) {
        for (Lot lot : a.due(now)) {
            long points = lot.remaining;
            long id = newId();
            entry(id, a, EntryKind.EXPIRE, -points, lot.expiresAt, "expire:" + lot.id,
                    Cause.detail("points earned " + Instant.ofEpochMilli(lot.earnedAt).atZone(zone).toLocalDate() + " expired"));
            use(id, a, lot, points);
            expiredByLot.merge(lot.id, points, Long::sum);
        }
        a.tidy();
    }

    /** Credits a lot of points, pays the customer's debts from it first, and expires it at once if it is already due. */
    Lot credit(Account a, EntryKind kind, long points, long occurredAt, Long expiresAt, String key, Cause cause) {
        long id = newId();
        entry(id, a, kind, points, occurredAt, key, cause);
        Lot lot = new Lot(id, points, points, occurredAt, expiresAt);
        a.lots.add(lot);
        addRow("insertLot", id, a.customerId, points, occurredAt, expiresAt);
        if (!lot.expiredAt(now)) {
            payDebts(a, lot);
        }
        expireDue(a);
        return lot;
    }

    /** Takes up to {@code points} from the account's unexpired lots, soonest-expiring first; returns what it took. */
    long take(long entryId, Account a, long points) {
        long left = points;
        for (Lot lot : a.spendable(now)) {
            if (left == 0) {
                break;
            }
            long x = Math.min(left, lot.remaining);
            use(entryId, a, lot, x);
            left -= x;
        }
        a.tidy();
        return points - left;
    }

    /** Debits points the account holds (redeem, negative adjustment); refuses when the balance is short. */
    Outcome debit(Account a, EntryKind kind, long points, String key, Cause cause) {
        expireDue(a);
        if (a.balance < points) {
            return Outcome.insufficient(a.balance);
        }
        long id = newId();
        entry(id, a, kind, -points, now, key, cause);
        long taken = take(id, a, points);
        if (taken != points) {
            throw new IllegalStateException("customer " + a.customerId + " has a balance of " + (a.balance + points)
                    + " points but only " + taken + " in unexpired lots; the loyalty ledger is inconsistent");
        }
        return Outcome.done(id, a.balance);
    }

    private void payDebts(Account a, Lot lot) {
        for (Debt debt : a.debts) {
            if (lot.remaining == 0) {
                break;
            }
            long x = Math.min(debt.outstanding, lot.remaining);
            Long entryId = null;
            if (debt.policy == RefundPolicy.NEGATIVE) {
                // The reverse entry already took these points from the balance; now a lot backs them.
                use(debt.id, a, lot, x);
            } else {
                entryId = newId();
                entry(entryId, a, EntryKind.REVERSE, -x, now, "collect:" + debt.id + ":" + lot.id,
                        new Cause(debt.orderId, debt.refundId, null, null, null,
                                "points the refund could not take back at the time, taken from this credit"));
                use(entryId, a, lot, x);
            }
            addRow("insertDebtPayment", debt.id, lot.id, entryId, a.customerId, x, now);
            debt.outstanding -= x;
        }
        a.tidy();
    }

    /** Writes every row gathered so far, in batches; the posting can go on afterwards. */
    void flush() {
        rows.forEach((statement, list) -> {
            if (!list.isEmpty()) {
                db.batch(Statements.get(statement), List.copyOf(list));
                list.clear();
            }
        });
        if (nextId >= 0) {
            db.update(Statements.get("writeState"), nextId, "next_id");
        }
    }

    /** The result of a debit: done (the entry and the balance after it) or refused for want of points. */
    record Outcome(boolean done, long entryId, long balance) {
        static Outcome done(long entryId, long balance) {
            return new Outcome(true, entryId, balance);
        }

        static Outcome insufficient(long balance) {
            return new Outcome(false, -1, balance);
        }
    }
}
