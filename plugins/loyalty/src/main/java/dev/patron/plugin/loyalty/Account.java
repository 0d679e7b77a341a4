package dev.patron.plugin.loyalty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One customer's loyalty state while a {@link Posting} works on it: the balance, the lots that
 * still hold points, the debts still owed and the tier. Loaded from the ledger at the start of a
 * unit of work and changed in memory alongside the rows the unit will write; never shared.
 */
final class Account {

    /** Soonest expiry first, lots that never expire last, then oldest first. */
    static final Comparator<Lot> SPENDING_ORDER = Comparator
            .comparingLong((Lot l) -> l.expiresAt == null ? Long.MAX_VALUE : l.expiresAt)
            .thenComparingLong(l -> l.id);

    final String customerId;
    long balance;
    String tierName;
    /** When the current tier was reached (epoch millis); null for a customer still in the lowest tier by default. */
    Long tierSince;
    final List<Lot> lots = new ArrayList<>();
    final List<Debt> debts = new ArrayList<>();

    Account(String customerId) {
        this.customerId = customerId;
    }

    /** Lots with points left that have not expired at {@code now}, in the order points are spent. */
    List<Lot> spendable(long now) {
        List<Lot> result = new ArrayList<>();
        for (Lot lot : lots) {
            if (lot.remaining > 0 && !lot.expiredAt(now)) {
                result.add(lot);
            }
        }
        result.sort(SPENDING_ORDER);
        return result;
    }

    /** Lots with points left whose expiry has come by {@code now}, soonest first. */
    List<Lot> due(long now) {
        List<Lot> result = new ArrayList<>();
        for (Lot lot : lots) {
            if (lot.remaining > 0 && lot.expiredAt(now)) {
                result.add(lot);
            }
        }
        result.sort(SPENDING_ORDER);
        return result;
    }

    Lot lot(long id) {
        for (Lot lot : lots) {
            if (lot.id == id) {
                return lot;
            }
        }
        return null;
    }

    /** Forgets lots and debts that are used up. */
    void tidy() {
        lots.removeIf(l -> l.remaining == 0);
        debts.removeIf(d -> d.outstanding == 0);
    }

    /** Points credited at once (an earning or a positive adjustment); they expire on their own date. */
    static final class Lot {
        final long id;
        final long points;
        long remaining;
        final long earnedAt;
        final Long expiresAt;

        Lot(long id, long points, long remaining, long earnedAt, Long expiresAt) {
            this.id = id;
            this.points = points;
            this.remaining = remaining;
            this.earnedAt = earnedAt;
            this.expiresAt = expiresAt;
        }

        boolean expiredAt(long now) {
            return expiresAt != null && expiresAt <= now;
        }
    }

    /** Points a refund should have taken back that were already spent; later credits pay them. */
    static final class Debt {
        final long id;
        final String orderId;
        final String refundId;
        final RefundPolicy policy;
        long outstanding;

        Debt(long id, String orderId, String refundId, RefundPolicy policy, long outstanding) {
            this.id = id;
            this.orderId = orderId;
            this.refundId = refundId;
            this.policy = policy;
            this.outstanding = outstanding;
        }
    }
}
