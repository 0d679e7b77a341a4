-- The loyalty plugin's statements, by name. ":ids" expands to one "?" per id of a list and is
-- always the last parameter of its statement. SQL common to SQLite and PostgreSQL.

-- name: lockState
UPDATE loyalty_state SET value = value WHERE name = ?;

-- name: readState
SELECT value FROM loyalty_state WHERE name = ?;

-- name: writeState
UPDATE loyalty_state SET value = ? WHERE name = ?;

-- name: insertEntry
INSERT INTO loyalty_entries (id, customer_id, kind, points, balance_after, occurred_at, recorded_at, idempotency_key,
                             order_id, refund_id, actor, reason, amount_minor, detail)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insertLot
INSERT INTO loyalty_lots (entry_id, customer_id, points, earned_at, expires_at) VALUES (?, ?, ?, ?, ?);

-- name: insertUse
INSERT INTO loyalty_lot_uses (entry_id, lot_id, customer_id, points, used_at) VALUES (?, ?, ?, ?, ?);

-- name: insertReversal
INSERT INTO loyalty_reversals (refund_id, order_id, customer_id, entry_id, earned, share, from_order, forgiven,
                               from_balance, deferred, refund_minor, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insertDebt
INSERT INTO loyalty_debts (id, customer_id, order_id, refund_id, policy, points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: insertDebtPayment
INSERT INTO loyalty_debt_payments (debt_id, lot_id, entry_id, customer_id, points, paid_at) VALUES (?, ?, ?, ?, ?, ?);

-- name: insertTierChange
INSERT INTO loyalty_tier_changes (id, customer_id, tier, previous_tier, reason, basis, qualifying, changed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- name: insertTierReview
INSERT INTO loyalty_tier_reviews (review_date, ran_at, customers, changed) VALUES (?, ?, ?, ?);

-- name: tierReviewDone
SELECT review_date FROM loyalty_tier_reviews WHERE review_date = ?;

-- name: lastTierReview
SELECT review_date, ran_at, customers, changed FROM loyalty_tier_reviews ORDER BY review_date DESC LIMIT 1;

-- name: balances
SELECT customer_id, balance_after FROM loyalty_entries
WHERE id IN (SELECT MAX(id) FROM loyalty_entries WHERE customer_id IN (:ids) GROUP BY customer_id);

-- name: openLots
SELECT x.entry_id, x.customer_id, x.points, x.remaining, x.earned_at, x.expires_at FROM (
  SELECT l.entry_id, l.customer_id, l.points, l.earned_at, l.expires_at,
         l.points - COALESCE((SELECT SUM(u.points) FROM loyalty_lot_uses u WHERE u.lot_id = l.entry_id), 0) AS remaining
  FROM loyalty_lots l WHERE l.customer_id IN (:ids)) x
WHERE x.remaining > 0;

-- name: openDebts
SELECT x.id, x.customer_id, x.order_id, x.refund_id, x.policy, x.outstanding FROM (
  SELECT d.id, d.customer_id, d.order_id, d.refund_id, d.policy,
         d.points - COALESCE((SELECT SUM(p.points) FROM loyalty_debt_payments p WHERE p.debt_id = d.id), 0) AS outstanding
  FROM loyalty_debts d WHERE d.customer_id IN (:ids)) x
WHERE x.outstanding > 0;

-- name: currentTiers
SELECT customer_id, tier, changed_at FROM loyalty_tier_changes
WHERE id IN (SELECT MAX(id) FROM loyalty_tier_changes WHERE customer_id IN (:ids) GROUP BY customer_id);

-- name: earnings
SELECT order_id, id, customer_id, points FROM loyalty_entries WHERE kind = 'earn' AND order_id IN (:ids);

-- name: expiredFromLots
SELECT u.lot_id, SUM(u.points) AS points FROM loyalty_lot_uses u JOIN loyalty_entries e ON e.id = u.entry_id
WHERE e.kind = 'expire' AND u.lot_id IN (:ids) GROUP BY u.lot_id;

-- name: reversalsOfOrders
SELECT order_id, SUM(share) AS share, SUM(forgiven) AS forgiven FROM loyalty_reversals
WHERE order_id IN (:ids) GROUP BY order_id;

-- name: reversedRefunds
SELECT refund_id FROM loyalty_reversals WHERE refund_id IN (:ids);

-- name: entryByKey
SELECT e.id, e.customer_id, e.kind, e.points, e.balance_after, e.occurred_at, e.recorded_at, e.idempotency_key,
       e.order_id, e.refund_id, e.actor, e.reason, e.amount_minor, e.detail, l.expires_at
FROM loyalty_entries e LEFT JOIN loyalty_lots l ON l.entry_id = e.id
WHERE e.idempotency_key = ?;

-- name: statement
SELECT e.id, e.customer_id, e.kind, e.points, e.balance_after, e.occurred_at, e.recorded_at, e.idempotency_key,
       e.order_id, e.refund_id, e.actor, e.reason, e.amount_minor, e.detail, l.expires_at
FROM loyalty_entries e LEFT JOIN loyalty_lots l ON l.entry_id = e.id
WHERE e.customer_id = ? AND e.id < ?
ORDER BY e.id DESC LIMIT ?;

-- The ledger export: every entry recorded at or after ?, by customer then entry, read through one cursor.
-- name: ledgerExport
SELECT e.id, e.customer_id, e.kind, e.points, e.balance_after, e.occurred_at, e.recorded_at, e.idempotency_key,
       e.order_id, e.refund_id, e.actor, e.reason, e.amount_minor, e.detail, l.expires_at
FROM loyalty_entries e LEFT JOIN loyalty_lots l ON l.entry_id = e.id
WHERE e.recorded_at >= ?
ORDER BY e.customer_id, e.id;

-- The ledger export of one customer (?), recorded at or after ?.
-- name: ledgerExportOfCustomer
SELECT e.id, e.customer_id, e.kind, e.points, e.balance_after, e.occurred_at, e.recorded_at, e.idempotency_key,
       e.order_id, e.refund_id, e.actor, e.reason, e.amount_minor, e.detail, l.expires_at
FROM loyalty_entries e LEFT JOIN loyalty_lots l ON l.entry_id = e.id
WHERE e.customer_id = ? AND e.recorded_at >= ?
ORDER BY e.id;

-- name: customerExists
SELECT id FROM customers WHERE id = ?;

-- name: spendInWindow
SELECT customer_id, SUM(amount_minor) AS total FROM orders
WHERE placed_at > ? AND placed_at <= ? AND customer_id IN (:ids) GROUP BY customer_id;

-- name: refundedInWindow
SELECT r.customer_id, SUM(r.amount_minor) AS total FROM refunds r JOIN orders o ON o.id = r.order_id
WHERE o.placed_at > ? AND o.placed_at <= ? AND r.customer_id IN (:ids) GROUP BY r.customer_id;

-- name: pointsEarnedInWindow
SELECT customer_id, SUM(points) AS total FROM loyalty_entries
WHERE kind = 'earn' AND occurred_at > ? AND occurred_at <= ? AND customer_id IN (:ids) GROUP BY customer_id;

-- name: pointsReversedInWindow
SELECT r.customer_id, SUM(r.share) AS total FROM loyalty_reversals r
WHERE EXISTS (SELECT 1 FROM loyalty_entries e
              WHERE e.kind = 'earn' AND e.order_id = r.order_id AND e.occurred_at > ? AND e.occurred_at <= ?)
  AND r.customer_id IN (:ids)
GROUP BY r.customer_id;

-- name: buyersInWindow
SELECT DISTINCT customer_id FROM orders WHERE placed_at > ? AND placed_at <= ?;

-- name: earnersInWindow
SELECT DISTINCT customer_id FROM loyalty_entries WHERE kind = 'earn' AND occurred_at > ? AND occurred_at <= ?;

-- name: tieredCustomers
SELECT DISTINCT customer_id FROM loyalty_tier_changes;

-- name: dueCustomers
SELECT DISTINCT x.customer_id FROM (
  SELECT l.customer_id,
         l.points - COALESCE((SELECT SUM(u.points) FROM loyalty_lot_uses u WHERE u.lot_id = l.entry_id), 0) AS remaining
  FROM loyalty_lots l WHERE l.expires_at > ? AND l.expires_at <= ?) x
WHERE x.remaining > 0;

-- name: expiringByCustomer
SELECT x.customer_id, SUM(x.remaining) AS points, MIN(x.expires_at) AS first_expiry, COUNT(*) AS lots FROM (
  SELECT l.customer_id, l.expires_at,
         l.points - COALESCE((SELECT SUM(u.points) FROM loyalty_lot_uses u WHERE u.lot_id = l.entry_id), 0) AS remaining
  FROM loyalty_lots l WHERE l.expires_at > ? AND l.expires_at <= ?) x
WHERE x.remaining > 0
GROUP BY x.customer_id
ORDER BY first_expiry, x.customer_id
LIMIT ? OFFSET ?;

-- name: expiringCustomerCount
SELECT COUNT(DISTINCT x.customer_id) AS customers, COALESCE(SUM(x.remaining), 0) AS points FROM (
  SELECT l.customer_id,
         l.points - COALESCE((SELECT SUM(u.points) FROM loyalty_lot_uses u WHERE u.lot_id = l.entry_id), 0) AS remaining
  FROM loyalty_lots l WHERE l.expires_at > ? AND l.expires_at <= ?) x
WHERE x.remaining > 0;

-- name: tierHistory
SELECT tier, previous_tier, reason, basis, qualifying, changed_at FROM loyalty_tier_changes
WHERE customer_id = ? ORDER BY id DESC LIMIT ?;
