-- name: labelDistribution
-- Label scores the console charts: a plugin's `segment` and `tier` scores.
SELECT plugin_id, name, label, COUNT(*) FROM scores
WHERE name IN ('segment', 'tier') AND label IS NOT NULL
GROUP BY plugin_id, name, label;

-- name: activeCustomers
SELECT COUNT(DISTINCT customer_id) FROM orders WHERE placed_at >= ?;

-- name: latestRun
SELECT id FROM scoring_runs ORDER BY started_at DESC LIMIT 1;
