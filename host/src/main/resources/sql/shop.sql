-- Customers, orders and refunds. Parameters are positional; see ShopRepository.

-- name: customerExists
SELECT 1 FROM customers WHERE id = ?;

-- name: insertCustomer
INSERT INTO customers (id, name, email, phone, attributes, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: updateCustomer
UPDATE customers SET name = ?, email = ?, phone = ?, attributes = ?, updated_at = ? WHERE id = ?;

-- name: findCustomer
SELECT id, name, email, phone, attributes FROM customers WHERE id = ?;

-- name: orderFingerprint
SELECT fingerprint FROM orders WHERE id = ?;

-- name: insertOrder
INSERT INTO orders (id, customer_id, placed_at, amount_minor, currency, channel, lines, fingerprint, received_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- Imports: an id already stored inserts nothing (0 rows changed) and is compared afterwards.
-- name: insertOrderIfNew
INSERT INTO orders (id, customer_id, placed_at, amount_minor, currency, channel, lines, fingerprint, received_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING;

-- ":ids" stands for one "?" per id of a list.
-- name: storedOrderIds
SELECT id FROM orders WHERE id IN (:ids);

-- name: storedCustomerIds
SELECT id FROM customers WHERE id IN (:ids);

-- name: findCustomers
SELECT id, name, email, phone, attributes FROM customers WHERE id IN (:ids);

-- name: orderForRefund
SELECT o.customer_id, o.amount_minor, COALESCE((SELECT SUM(r.amount_minor) FROM refunds r WHERE r.order_id = o.id), 0), o.placed_at
FROM orders o WHERE o.id = ?;

-- name: refundFingerprint
SELECT fingerprint, order_id, customer_id FROM refunds WHERE id = ?;

-- name: insertRefund
INSERT INTO refunds (id, order_id, customer_id, amount_minor, refunded_at, fingerprint, received_at)
VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: customerStats
SELECT COUNT(*), MIN(placed_at), MAX(placed_at), COALESCE(SUM(amount_minor), 0)
FROM orders WHERE customer_id = ?;

-- name: customerRefundTotal
SELECT COUNT(*), COALESCE(SUM(amount_minor), 0) FROM refunds WHERE customer_id = ?;

-- name: customerOrders
SELECT id, customer_id, placed_at, amount_minor, currency, channel, lines
FROM orders WHERE customer_id = ? ORDER BY placed_at DESC, id DESC LIMIT ?;

-- name: customerRefunds
SELECT id, order_id, amount_minor, refunded_at
FROM refunds WHERE customer_id = ? ORDER BY refunded_at DESC, id DESC LIMIT ?;

-- name: countCustomers
SELECT COUNT(*) FROM customers;

-- name: countOrders
SELECT COUNT(*), COALESCE(SUM(amount_minor), 0) FROM orders;

-- name: listCustomers
-- %WHERE% is replaced by the filters the query sets (the customerFilter.* clauses below, joined by
-- AND; 1 = 1 for none), %ORDER% by one of the fixed customerOrder.* clauses below. Only
-- the filters in use are in the statement, so the database starts from the most selective one:
-- a segment or tier reads its customers from the label index (plugin, score, label), once per
-- plugin that has labels (`labelled`, found a step at a time), instead of testing every customer.
WITH RECURSIVE labelled (plugin_id) AS (
  SELECT MIN(plugin_id) FROM scores WHERE label IS NOT NULL
  UNION ALL
  SELECT (SELECT MIN(s.plugin_id) FROM scores s WHERE s.label IS NOT NULL AND s.plugin_id > labelled.plugin_id)
  FROM labelled WHERE labelled.plugin_id IS NOT NULL)
SELECT c.id, c.name, c.email
FROM customers c
WHERE %WHERE%
ORDER BY %ORDER%
LIMIT ? OFFSET ?;

-- name: countListedCustomers
WITH RECURSIVE labelled (plugin_id) AS (
  SELECT MIN(plugin_id) FROM scores WHERE label IS NOT NULL
  UNION ALL
  SELECT (SELECT MIN(s.plugin_id) FROM scores s WHERE s.label IS NOT NULL AND s.plugin_id > labelled.plugin_id)
  FROM labelled WHERE labelled.plugin_id IS NOT NULL)
SELECT COUNT(*)
FROM customers c
WHERE %WHERE%;

-- name: customerFilter.search
-- Case-insensitive on both databases (SQLite's LIKE ignores ASCII case, PostgreSQL's does not):
-- the columns are lower-cased here and the pattern in ShopRepository.
(LOWER(c.id) LIKE ? ESCAPE '\' OR LOWER(c.name) LIKE ? ESCAPE '\' OR LOWER(c.email) LIKE ? ESCAPE '\')

-- name: customerFilter.segment
c.id IN (SELECT s.customer_id FROM scores s
         WHERE s.plugin_id IN (SELECT plugin_id FROM labelled) AND s.name = 'segment' AND s.label = ?)

-- name: customerFilter.tier
c.id IN (SELECT t.customer_id FROM scores t
         WHERE t.plugin_id IN (SELECT plugin_id FROM labelled) AND t.name = 'tier' AND t.label = ?)

-- name: customerFilter.openAlerts
EXISTS (SELECT 1 FROM alerts a WHERE a.customer_id = c.id AND a.status <> 'resolved')

-- name: customerFilter.after
c.id > ?

-- The orderings of CustomerQuery.Sort (%ORDER% of listCustomers).
-- name: customerOrder.id
c.id

-- name: customerOrder.name
c.name IS NULL, LOWER(c.name), c.id

-- Each listed customer's latest order is one seek to the end of its range of orders_by_customer.
-- No index serves the whole list in this order; see docs/benchmarks.md for what one would cost
-- every import.
-- name: customerOrder.recent
(SELECT MAX(o.placed_at) FROM orders o WHERE o.customer_id = c.id) DESC NULLS LAST, c.id

-- Each listed customer's value is read from the small covering index of clv values: without
-- statistics SQLite would take the primary key and a table row per customer (three times slower).
-- name: customerOrder.clv
(SELECT v.value FROM scores v INDEXED BY scores_clv_by_customer
 WHERE v.customer_id = c.id AND v.plugin_id = 'clv' AND v.name = 'clv') DESC NULLS LAST, c.id

-- name: customerOrder.clv@postgresql
(SELECT v.value FROM scores v WHERE v.customer_id = c.id AND v.plugin_id = 'clv' AND v.name = 'clv') DESC NULLS LAST, c.id

-- The unfiltered list by lifetime value walks the clv index from the top (scores_by_clv), so a page
-- costs its offset, not the number of customers. Customers without a value follow, by id
-- (customersWithoutClv, after skipping the countClvValues customers that have one): together the
-- same order as customerOrder.clv.
-- name: customersByClv
SELECT c.id, c.name, c.email
FROM scores v CROSS JOIN customers c
WHERE c.id = v.customer_id AND v.plugin_id = 'clv' AND v.name = 'clv' AND v.value IS NOT NULL
ORDER BY v.value DESC, v.customer_id
LIMIT ? OFFSET ?;

-- name: countClvValues
SELECT COUNT(*) FROM scores WHERE plugin_id = 'clv' AND name = 'clv' AND value IS NOT NULL;

-- name: customersWithoutClv
SELECT c.id, c.name, c.email
FROM customers c
WHERE NOT EXISTS (SELECT 1 FROM scores v
                  WHERE v.customer_id = c.id AND v.plugin_id = 'clv' AND v.name = 'clv' AND v.value IS NOT NULL)
ORDER BY c.id
LIMIT ? OFFSET ?;
