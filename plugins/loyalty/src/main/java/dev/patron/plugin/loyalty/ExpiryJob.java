package dev.patron.plugin.loyalty;

import dev.patron.api.PluginContext;
import dev.patron.api.jobs.ScheduledJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.pf4j.Extension;

/**
 * Daily, just after midnight in the shop zone: writes an {@code expire} entry for every lot whose
 * expiry has come and still holds points, dated at the lot's expiry. Only a lot's remaining points
 * expire, never what was spent from it, and a lot expires once ({@code expire:<lot>} is a unique
 * idempotency key). Every write for a customer (an order, a redemption, an account view) already
 * expires that customer's due lots, so the job only catches the customers nobody touched.
 *
 * <p>The job remembers how far it has looked ({@code expired_through}) and next time starts a
 * month before that, so it does not walk years of spent lots every night. Customers are handled in
 * chunks, each in its own short write transaction; a run that fails half-way is simply repeated.
 */
@Extension
public final class ExpiryJob implements ScheduledJob {

    static final String NAME = "expire-points";
    private static final Duration LOOK_BACK = Duration.ofDays(31);
    private static final int CUSTOMERS_PER_TRANSACTION = 200;

    private final PluginContext context;

    public ExpiryJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LocalTime dailyAt() {
        return LocalTime.of(0, 5);
    }

    @Override
    public void run() {
        expire();
    }

    /** Expires every due lot; returns the number of customers whose points expired. */
    int expire() {
        LoyaltySettings settings = LoyaltySettings.read(context.settings(), context.currency());
        Instant now = context.clock().instant();
        long through = context.store().read(db -> db.queryOne(Statements.get("readState"), r -> r.whole("value"),
                "expired_through")).orElse(0L);
        long from = Math.max(-1, through - LOOK_BACK.toMillis());
        List<String> customers = context.store().read(db -> db.query(Statements.get("dueCustomers"), r -> r.text("customer_id"),
                from, now.toEpochMilli()));
        for (int i = 0; i < customers.size(); i += CUSTOMERS_PER_TRANSACTION) {
            List<String> chunk = customers.subList(i, Math.min(customers.size(), i + CUSTOMERS_PER_TRANSACTION));
            context.store().write(db -> {
                Posting posting = new Posting(db, settings, context.shopZone(), now);
                posting.load(chunk);
                chunk.forEach(c -> posting.expireDue(posting.account(c)));
                posting.flush();
                return null;
            });
        }
        context.store().write(db -> db.update(Statements.get("writeState"), now.toEpochMilli(), "expired_through"));
        if (!customers.isEmpty()) {
            context.logger().info("expired points of {} customers", customers.size());
        }
        return customers.size();
    }
}
