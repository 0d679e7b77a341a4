package dev.patron.plugin.loyalty;

import dev.patron.api.data.PluginDatabase;
import dev.patron.plugin.loyalty.Account.Debt;
import dev.patron.plugin.loyalty.Account.Lot;
import dev.patron.plugin.loyalty.TierLadder.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's loyalty account as the API and the console show it: balance, tier, the next tier
 * and the progress towards it, points expiring soon with their dates, points still owed and the
 * latest tier changes.
 * Read-only; built from one consistent read.
 */
final class AccountView {

    /** How many tier changes the account shows, newest first; the table keeps them all. */
    private static final int TIER_HISTORY = 10;

    private AccountView() {
    }

    static Map<String, Object> build(PluginDatabase db, LoyaltySettings s, ZoneId zone, Instant now, String customerId) {
        Posting reader = new Posting(db, s, zone, now);
        Account a = reader.account(customerId);
        long qualifying = TierStanding.qualifying(db, s, zone, now, List.of(customerId)).get(customerId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", customerId);
        json.put("balance", a.balance);
        Tier tier = s.tiers().named(a.tierName);
        json.put("tier", tier(tier, db, customerId));
        Optional<Tier> next = s.tiers().above(tier);
        json.put("nextTier", next.map(n -> nextTier(s, tier, n, qualifying)).orElse(null));
        Map<String, Object> qualifies = new LinkedHashMap<>();
        qualifies.put("basis", s.basis().settingValue());
        qualifies.put("value", amount(s, qualifying));
        qualifies.put("windowMonths", s.windowMonths());
        qualifies.put("since", TierStanding.windowStart(s, zone, now).toString());
        json.put("qualifying", qualifies);
        LocalDate today = LocalDate.ofInstant(now, zone);
        json.put("nextReview", s.review().nextAfter(today, s.reviewDay()).toString());
        json.put("expiringSoon", expiringSoon(s, zone, now, a));
        long owed = 0;
        for (Debt d : a.debts) {
            owed += d.outstanding;
        }
        json.put("owed", owed);
        json.put("tierHistory", db.query(Statements.get("tierHistory"), r -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("tier", r.text("tier"));
            change.put("previousTier", r.text("previous_tier"));
            change.put("reason", r.text("reason"));
            change.put("basis", r.text("basis"));
            long value = r.whole("qualifying");
            change.put("qualifying", "spend".equals(r.text("basis")) ? LedgerEntry.money(value, s.fractionDigits()) : (Object) value);
            change.put("at", Instant.ofEpochMilli(r.whole("changed_at")).toString());
            return change;
        }, customerId, (long) TIER_HISTORY));
        return json;
    }

    private static Map<String, Object> tier(Tier tier, PluginDatabase db, String customerId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", tier.name());
        json.put("multiplier", tier.multiplier().stripTrailingZeros().toPlainString());
        db.query(Statements.withIds("currentTiers", 1), r -> json.put("since", Instant.ofEpochMilli(r.whole("changed_at")).toString()),
                customerId);
        return json;
    }

    private static Map<String, Object> nextTier(LoyaltySettings s, Tier current, Tier next, long qualifying) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", next.name());
        json.put("threshold", amount(s, next.threshold()));
        json.put("remaining", amount(s, Math.max(0, next.threshold() - qualifying)));
        double span = next.threshold() - current.threshold();
        double progress = Math.min(1, Math.max(0, (qualifying - current.threshold()) / span));
        json.put("progress", Math.floor(progress * 1000) / 1000);
        json.put("percent", (int) Math.floor(progress * 100));
        return json;
    }

    private static Map<String, Object> expiringSoon(LoyaltySettings s, ZoneId zone, Instant now, Account a) {
        long to = now.plus(java.time.Duration.ofDays(s.expiringSoonDays())).toEpochMilli();
        List<Lot> soon = new ArrayList<>();
        for (Lot lot : a.spendable(now.toEpochMilli())) {
            if (lot.expiresAt != null && lot.expiresAt <= to) {
                soon.add(lot);
            }
        }
        long points = 0;
        List<Map<String, Object>> lots = new ArrayList<>();
        for (Lot lot : soon) {
            points += lot.remaining;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("points", lot.remaining);
            json.put("expiresAt", Instant.ofEpochMilli(lot.expiresAt).toString());
            json.put("expiresOn", Instant.ofEpochMilli(lot.expiresAt).atZone(zone).toLocalDate().toString());
            lots.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("withinDays", s.expiringSoonDays());
        json.put("points", points);
        json.put("lots", lots);
        return json;
    }

    /** Spend as a decimal string of the shop currency; points as a number. */
    static Object amount(LoyaltySettings s, long value) {
        return s.basis() == TierBasis.SPEND ? LedgerEntry.money(value, s.fractionDigits()) : (Object) value;
    }
}
