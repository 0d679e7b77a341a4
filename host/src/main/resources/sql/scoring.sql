-- The scoring pass reads three sorted streams and merges them by customer id.

-- name: streamCustomers
SELECT id, attributes FROM customers ORDER BY id;

-- name: streamOrders
SELECT customer_id, placed_at, amount_minor FROM orders WHERE placed_at < ? ORDER BY customer_id, placed_at, amount_minor;

-- name: streamRefunds
SELECT customer_id, refunded_at, amount_minor FROM refunds WHERE refunded_at < ? ORDER BY customer_id, refunded_at, amount_minor;

-- name: groupedSummaries
-- The same pass with the grouping done by the database (the PostgreSQL path): one row per
-- customer, in id order, with its orders and its refunds each as one list "time:amount,..." (one
-- aggregate per table keeps each time with its amount; SummaryReader puts them in time order).
-- The JVM receives one row per customer instead of one per order, and no merge of cursors
-- depends on Java and the database ordering ids alike. SQL common to PostgreSQL and SQLite 3.44+
-- (string_agg), so it can be measured on both.
SELECT c.id, c.attributes, o.pairs, r.pairs
FROM customers c
LEFT JOIN (SELECT customer_id, string_agg(CAST(placed_at AS TEXT) || ':' || CAST(amount_minor AS TEXT), ',') AS pairs
           FROM orders WHERE placed_at < ? GROUP BY customer_id) o ON o.customer_id = c.id
LEFT JOIN (SELECT customer_id, string_agg(CAST(refunded_at AS TEXT) || ':' || CAST(amount_minor AS TEXT), ',') AS pairs
           FROM refunds WHERE refunded_at < ? GROUP BY customer_id) r ON r.customer_id = c.id
ORDER BY c.id;

-- name: customerAttributes
SELECT attributes FROM customers WHERE id = ?;

-- name: customerOrders
SELECT placed_at, amount_minor FROM orders WHERE customer_id = ? AND placed_at < ? ORDER BY placed_at;

-- name: customerRefunds
SELECT refunded_at, amount_minor FROM refunds WHERE customer_id = ? AND refunded_at < ? ORDER BY refunded_at;

-- name: upsertScore
-- A full run writes with its start time: a score re-computed after a newer order is never overwritten.
INSERT INTO scores (customer_id, plugin_id, name, value, label, explanation, run_id, computed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (customer_id, plugin_id, name) DO UPDATE SET
  value = excluded.value, label = excluded.label, explanation = excluded.explanation,
  run_id = excluded.run_id, computed_at = excluded.computed_at
WHERE scores.computed_at <= excluded.computed_at;

-- name: insertHistory
INSERT INTO score_history (customer_id, plugin_id, run_id, computed_at, scores) VALUES (?, ?, ?, ?, ?);

-- name: deleteStaleScores
DELETE FROM scores WHERE plugin_id = ? AND computed_at < ?;

-- name: deleteCustomerScores
DELETE FROM scores WHERE customer_id = ? AND plugin_id = ? AND computed_at <= ?;

-- name: customerScores
SELECT plugin_id, name, value, label, explanation, run_id, computed_at
FROM scores WHERE customer_id = ? ORDER BY plugin_id, name;

-- name: labelCounts
SELECT label, COUNT(*) FROM scores WHERE plugin_id = ? AND name = ? AND label IS NOT NULL GROUP BY label;

-- name: insertRun
INSERT INTO scoring_runs (id, status, trigger_name, as_of, plugins, started_at, owner) VALUES (?, 'running', ?, ?, ?, ?, ?);

-- name: finishRun
UPDATE scoring_runs SET status = ?, finished_at = ?, customers = ?, scored = ?, duration_ms = ?, error = ?, plugin_errors = ?
WHERE id = ?;

-- name: findRun
SELECT id, status, trigger_name, as_of, plugins, started_at, finished_at, customers, scored, duration_ms, error, plugin_errors
FROM scoring_runs WHERE id = ?;

-- name: latestRun
SELECT id FROM scoring_runs WHERE status = 'succeeded' ORDER BY started_at DESC LIMIT 1;

-- name: failInterruptedRuns
-- Runs whose instance no longer holds the scoring lease: it stopped before the run finished.
UPDATE scoring_runs SET status = 'failed', error = 'interrupted: the host stopped before the run finished'
WHERE status = 'running'
  AND NOT EXISTS (SELECT 1 FROM leases l
                  WHERE l.name = 'scoring-run' AND l.owner = scoring_runs.owner AND l.expires_at >= ?);

-- name: runningRun
SELECT id FROM scoring_runs WHERE status = 'running' ORDER BY started_at DESC LIMIT 1;

-- name: newestFit
SELECT MAX(fitted_at) FROM scoring_models;

-- name: insertModel
INSERT INTO scoring_models (plugin_id, scorer, run_id, as_of, model, fitted_at) VALUES (?, ?, ?, ?, ?, ?);

-- name: latestModels
SELECT m.plugin_id, m.scorer, m.model, m.as_of, m.fitted_at
FROM scoring_models m
WHERE m.fitted_at = (SELECT MAX(x.fitted_at) FROM scoring_models x WHERE x.plugin_id = m.plugin_id AND x.scorer = m.scorer);
