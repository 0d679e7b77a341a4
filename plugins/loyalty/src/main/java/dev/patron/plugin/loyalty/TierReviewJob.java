package dev.patron.plugin.loyalty;

import dev.patron.api.PluginContext;
import dev.patron.api.jobs.ScheduledJob;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.pf4j.Extension;

/**
 * Daily: on a review date ({@code tierReview} and {@code tierReviewDay}) puts every customer in the
 * tier they qualify for over the window ending now, which is the only time a customer moves down,
 * and only if they held their tier before the review date began. Each review date is done once
 * ({@code loyalty_tier_reviews}); a review missed because Patron was not running is done at the
 * next run (only the latest missed date, not every one). Customers are
 * handled in chunks, each in its own write transaction; a review that fails half-way is repeated
 * whole at the next run, which changes only those not yet moved.
 */
@Extension
public final class TierReviewJob implements ScheduledJob {

    static final String NAME = "review-tiers";
    private static final int CUSTOMERS_PER_TRANSACTION = 500;

    private final PluginContext context;

    public TierReviewJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LocalTime dailyAt() {
        return LocalTime.of(0, 15);
    }

    @Override
    public void run() {
        review();
    }

    /** Reviews tiers if a review is due and not done; returns how many customers moved, or -1 when none was due. */
    int review() {
        LoyaltySettings settings = LoyaltySettings.read(context.settings(), context.currency());
        Instant now = context.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, context.shopZone());
        LocalDate due = settings.review().latestOnOrBefore(today, settings.reviewDay());
        boolean done = context.store().read(db -> db.queryOne(Statements.get("tierReviewDone"), r -> r.text("review_date"),
                due).isPresent());
        if (done) {
            return -1;
        }
        long from = TierStanding.windowStart(settings, context.shopZone(), now).toEpochMilli();
        long reviewStart = due.atStartOfDay(context.shopZone()).toInstant().toEpochMilli();
        TreeSet<String> candidates = context.store().read(db -> {
            TreeSet<String> ids = new TreeSet<>(db.query(Statements.get("tieredCustomers"), r -> r.text("customer_id")));
            ids.addAll(db.query(Statements.get(settings.basis() == TierBasis.SPEND ? "buyersInWindow" : "earnersInWindow"),
                    r -> r.text("customer_id"), from, now.toEpochMilli()));
            return ids;
        });
        List<String> all = new ArrayList<>(candidates);
        int moved = 0;
        for (int i = 0; i < all.size(); i += CUSTOMERS_PER_TRANSACTION) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CUSTOMERS_PER_TRANSACTION));
            moved += context.store().write(db -> {
                Posting posting = new Posting(db, settings, context.shopZone(), now);
                int n = TierStanding.review(posting, chunk, reviewStart);
                posting.flush();
                return n;
            });
        }
        int changed = moved;
        context.store().write(db -> db.update(Statements.get("insertTierReview"), due, now.toEpochMilli(), (long) all.size(),
                (long) changed));
        context.logger().info("tier review of {}: {} customers looked at, {} moved", due, all.size(), changed);
        return changed;
    }
}
