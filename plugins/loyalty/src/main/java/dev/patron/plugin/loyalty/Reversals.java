package dev.patron.plugin.loyalty;

import dev.patron.api.events.OrderRefunded;
import dev.patron.plugin.loyalty.Account.Debt;
import dev.patron.plugin.loyalty.Account.Lot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refunds taking back the points their part of the order earned. The order's points to reverse
 * after a refund are {@code floor(earned × refunded so far / order amount)}, computed on the
 * cumulative refunded amount, so partial refunds never add up to more than the order earned and a
 * full refund reverses exactly what it earned. This refund's share is that less what earlier
 * refunds of the order reversed. The share is taken, in this order:
 * <ol>
 *   <li>from the order's own points still unspent;</li>
 *   <li>from the order's points that already expired: those left the balance already, so they are
 *       forgiven, never taken twice;</li>
 *   <li>from the customer's other unexpired points, soonest-expiring first (the order's points
 *       were spent);</li>
 *   <li>what is still missing becomes a debt, under the {@code refundPolicy}: {@code negative}
 *       takes it from the balance now (below zero), {@code clamp} takes it from later credits.</li>
 * </ol>
 * A refund is reversed once: {@code loyalty_reversals} is keyed by refund id. A refund of an order
 * that earned nothing reverses nothing.
 */
final class Reversals {

    private Reversals() {
    }

    /** What an order earned and what its refunds have done with it so far. */
    private static final class OrderPoints {
        long lotId;
        String customerId;
        long earned;
        long expiredBefore;
        long accounted;
        long forgiven;
    }

    static void reverseAll(Posting p, List<OrderRefunded> events) {
        Set<String> done = new HashSet<>();
        Set<String> refundIds = new HashSet<>();
        Set<String> orderIds = new HashSet<>();
        events.forEach(e -> {
            refundIds.add(e.refundId());
            orderIds.add(e.orderId());
        });
        for (List<String> chunk : Statements.chunks(refundIds)) {
            p.db().query(Statements.withIds("reversedRefunds", chunk.size()), r -> done.add(r.text("refund_id")), chunk.toArray());
        }
        Map<String, OrderPoints> orders = load(p, orderIds);
        p.load(orders.values().stream().map(o -> o.customerId).toList());
        for (OrderRefunded e : events) {
            OrderPoints order = orders.get(e.orderId());
            if (order != null && done.add(e.refundId())) {
                reverse(p, e, order);
            }
        }
    }

    private static Map<String, OrderPoints> load(Posting p, Set<String> orderIds) {
        Map<String, OrderPoints> orders = new HashMap<>();
        Map<Long, OrderPoints> byLot = new HashMap<>();
        for (List<String> chunk : Statements.chunks(orderIds)) {
            p.db().query(Statements.withIds("earnings", chunk.size()), r -> {
                OrderPoints o = new OrderPoints();
                o.lotId = r.whole("id");
                o.customerId = r.text("customer_id");
                o.earned = r.whole("points");
                orders.put(r.text("order_id"), o);
                byLot.put(o.lotId, o);
                return null;
            }, chunk.toArray());
            p.db().query(Statements.withIds("reversalsOfOrders", chunk.size()), r -> {
                OrderPoints o = orders.get(r.text("order_id"));
                if (o != null) {
                    o.accounted = r.whole("share");
                    o.forgiven = r.whole("forgiven");
                }
                return null;
            }, chunk.toArray());
        }
        for (List<Long> chunk : Statements.chunks(new ArrayList<>(byLot.keySet()))) {
            p.db().query(Statements.withIds("expiredFromLots", chunk.size()), r -> {
                byLot.get(r.whole("lot_id")).expiredBefore = r.whole("points");
                return null;
            }, chunk.toArray());
        }
        return orders;
    }

    private static void reverse(Posting p, OrderRefunded e, OrderPoints order) {
        Account a = p.account(order.customerId);
        p.expireDue(a);
        long share = Math.max(0, target(order.earned, e) - order.accounted);
        RefundPolicy policy = p.settings().refundPolicy();
        if (share == 0) {
            p.addRow("insertReversal", e.refundId(), e.orderId(), a.customerId, null, order.earned, 0L, 0L, 0L, 0L, 0L,
                    e.amountMinor(), p.now());
            return;
        }
        long id = p.newId();
        Lot own = a.lot(order.lotId);
        long fromOrder = own == null || own.expiredAt(p.now()) ? 0 : Math.min(share, own.remaining);
        if (fromOrder > 0) {
            p.use(id, a, own, fromOrder);
        }
        long expired = order.expiredBefore + p.expiredHere(order.lotId);
        long forgiven = Math.min(share - fromOrder, Math.max(0, expired - order.forgiven));
        long spent = share - fromOrder - forgiven;
        long fromBalance = spent > 0 ? p.take(id, a, spent) : 0;
        long deferred = spent - fromBalance;
        long points = -(fromOrder + fromBalance + (policy == RefundPolicy.NEGATIVE ? deferred : 0));
        p.entry(id, a, EntryKind.REVERSE, points, e.refundedAt().toEpochMilli(), "refund:" + e.refundId(),
                new Cause(e.orderId(), e.refundId(), null, null, e.amountMinor(),
                        detail(order.earned, share, fromOrder, forgiven, fromBalance, deferred, policy)));
        if (deferred > 0) {
            p.addRow("insertDebt", id, a.customerId, e.orderId(), e.refundId(), policy.settingValue(), deferred, p.now());
            a.debts.add(new Debt(id, e.orderId(), e.refundId(), policy, deferred));
        }
        p.addRow("insertReversal", e.refundId(), e.orderId(), a.customerId, id, order.earned, share, fromOrder, forgiven,
                fromBalance, deferred, e.amountMinor(), p.now());
        order.accounted += share;
        order.forgiven += forgiven;
        a.tidy();
    }

    /** The order's points reversed once this refund is counted: cumulative, rounded down, at most what it earned. */
    static long target(long earned, OrderRefunded e) {
        long orderAmount = e.orderAmountMinor();
        if (orderAmount <= 0) {
            return earned;
        }
        long refunded = Math.min(orderAmount, Math.max(0, e.refundedBeforeMinor()) + e.amountMinor());
        return BigDecimal.valueOf(earned).multiply(BigDecimal.valueOf(refunded))
                .divide(BigDecimal.valueOf(orderAmount), 0, RoundingMode.FLOOR).longValueExact();
    }

    private static String detail(long earned, long share, long fromOrder, long forgiven, long fromBalance, long deferred,
                                 RefundPolicy policy) {
        StringBuilder text = new StringBuilder().append(share).append(" of the ").append(earned).append(" points the order earned");
        if (fromOrder > 0) {
            text.append("; ").append(fromOrder).append(fromOrder == share ? " (all)" : "").append(" from the order's own points");
        }
        if (forgiven > 0) {
            text.append("; ").append(forgiven).append(" had already expired and are not taken again");
        }
        if (fromBalance > 0) {
            text.append("; ").append(fromBalance).append(" taken from other points (the order's were spent)");
        }
        if (deferred > 0) {
            text.append("; ").append(deferred).append(policy == RefundPolicy.NEGATIVE
                    ? " owed: taken now, the balance goes below zero"
                    : " owed: taken from later earnings");
        }
        return text.toString();
    }
}
