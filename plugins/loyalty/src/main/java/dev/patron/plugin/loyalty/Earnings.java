package dev.patron.plugin.loyalty;

import dev.patron.api.events.OrderPlaced;
import dev.patron.plugin.loyalty.Campaigns.Campaign;
import dev.patron.plugin.loyalty.TierLadder.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orders earning points. An order earns at most once: orders that already have an earn entry are
 * skipped here (a replayed backlog, a re-delivered batch), and the ledger's unique index on an
 * earn entry's order id refuses a second one in any case, rolling the whole batch back rather than
 * paying twice.
 */
final class Earnings {

    /** Sources whose orders earn only when {@code earnOnImport} is on. */
    static final String IMPORT_SOURCE = "import";

    private Earnings() {
    }

    /** An order's points and how they were computed. */
    record Points(long points, String detail) {
    }

    /**
     * The points an order earns: its amount in currency units × points per unit × the customer's
     * tier multiplier × the highest campaign multiplier of the day it was placed (shop zone),
     * rounded once at the end by the rounding setting. Orders below the minimum earn nothing.
     */
    static Points compute(LoyaltySettings s, ZoneId zone, long amountMinor, Instant placedAt, Tier tier) {
        if (amountMinor <= 0 || amountMinor < s.minimumOrderMinor()) {
            return new Points(0, "below the minimum order");
        }
        BigDecimal amount = BigDecimal.valueOf(amountMinor, s.fractionDigits());
        BigDecimal value = amount.multiply(s.pointsPerUnit()).multiply(tier.multiplier());
        StringBuilder detail = new StringBuilder(amount.toPlainString()).append(" × ")
                .append(s.pointsPerUnit().stripTrailingZeros().toPlainString()).append(" per unit");
        if (tier.multiplier().compareTo(BigDecimal.ONE) != 0) {
            detail.append(" × ").append(tier.multiplier().stripTrailingZeros().toPlainString()).append(" (").append(tier.name())
                    .append(')');
        }
        Optional<Campaign> campaign = s.campaigns().on(LocalDate.ofInstant(placedAt, zone));
        if (campaign.isPresent()) {
            value = value.multiply(campaign.get().multiplier());
            detail.append(" × ").append(campaign.get().multiplier().stripTrailingZeros().toPlainString());
            if (!campaign.get().name().isEmpty()) {
                detail.append(" (").append(campaign.get().name()).append(')');
            }
        }
        detail.append(", ").append(s.rounding().settingValue());
        return new Points(value.setScale(0, s.rounding().mode()).longValueExact(), detail.toString());
    }

    /**
     * Earns the points of every order of a batch that has not earned before, each with the tier the
     * customer holds when the batch starts; grouped queries per batch, not per order.
     *
     * @return the customers whose orders were looked at (for tier upgrades)
     */
    static Set<String> earnAll(Posting p, List<OrderPlaced> events) {
        LoyaltySettings s = p.settings();
        Map<String, OrderPlaced> byOrder = new LinkedHashMap<>();
        Set<String> customers = new HashSet<>();
        for (OrderPlaced e : events) {
            customers.add(e.customerId());
            if (IMPORT_SOURCE.equals(e.source()) && !s.earnOnImport()) {
                continue;
            }
            byOrder.putIfAbsent(e.orderId(), e);
        }
        for (List<String> chunk : Statements.chunks(new ArrayList<>(byOrder.keySet()))) {
            p.db().query(Statements.withIds("earnings", chunk.size()), r -> byOrder.remove(r.text("order_id")), chunk.toArray());
        }
        p.load(byOrder.values().stream().map(OrderPlaced::customerId).toList());
        for (OrderPlaced e : byOrder.values()) {
            Account a = p.account(e.customerId());
            p.expireDue(a);
            Points points = compute(s, p.zone(), e.amountMinor(), e.placedAt(), s.tiers().named(a.tierName));
            if (points.points() <= 0) {
                continue;
            }
            long placedAt = e.placedAt().toEpochMilli();
            p.credit(a, EntryKind.EARN, points.points(), placedAt, p.expiryFor(placedAt), "earn:" + e.orderId(),
                    new Cause(e.orderId(), null, null, null, e.amountMinor(), points.detail()));
        }
        return customers;
    }
}
