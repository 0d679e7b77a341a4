/**
 * The loyalty plugin: points earned by orders, kept on an append-only ledger.
 *
 * <p>Every change of a balance is one row of {@code loyalty_entries} (earn, redeem, expire,
 * reverse, adjust) with its cause; nothing is updated in place. Credits are lots that expire on
 * their own date; each debit records which lots it used ({@code loyalty_lot_uses}), so a lot's
 * remaining points, the balance and what expires are all derived from inserted rows. A
 * {@link dev.patron.plugin.loyalty.Posting} is one unit of work on the ledger inside one
 * transaction: the event handler ({@link dev.patron.plugin.loyalty.LoyaltyEvents}) uses it inside
 * the host's order transaction, the routes ({@link dev.patron.plugin.loyalty.LoyaltyWeb}) and jobs
 * ({@link dev.patron.plugin.loyalty.ExpiryJob}, {@link dev.patron.plugin.loyalty.TierReviewJob})
 * inside their own. See {@code docs/loyalty.md}.
 */
package dev.patron.plugin.loyalty;
