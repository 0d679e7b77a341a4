-- Indexes that keep look-ups by lists of ids on their id columns.
--
-- Without table statistics SQLite guesses that an equality on any indexed column matches about
-- ten rows. With an index led by kind, "kind = 'earn' AND order_id IN (500 ids)" then looked
-- cheaper through (kind, occurred_at) than through the order index, and every import chunk read
-- every earning ever made. Time-window queries only ever ask for earnings, so a partial index on
-- occurred_at serves them, and no index starts with kind any more.
DROP INDEX loyalty_entries_by_kind_time;
CREATE INDEX loyalty_earnings_by_time ON loyalty_entries (occurred_at) WHERE kind = 'earn';

-- Tier reviews sum a customer's reversals: reach them by customer, not through every earning.
CREATE INDEX loyalty_reversals_by_customer ON loyalty_reversals (customer_id);
