-- name: labelDistribution
-- Label scores the console charts: a plugin's `segment` and `tier` scores.
SELECT plugin_id, name, label, COUNT(*) FROM scores
WHERE name IN ('segment', 'tier') AND label IS NOT NULL
GROUP BY plugin_id, name, label;

-- name: activeCustomers
SELECT COUNT(DISTINCT customer_id) FROM orders WHERE placed_at >= ?;

-- name: latestRun
SELECT id FROM scoring_runs ORDER BY started_at DESC LIMIT 1;

-- name: recencyFrequency
-- The R x F heatmap: customers per pair of recency and frequency scores of a plugin.
SELECT r.value AS recency, f.value AS frequency, COUNT(*) AS customers
FROM scores r JOIN scores f ON f.customer_id = r.customer_id AND f.plugin_id = r.plugin_id AND f.name = 'frequency'
WHERE r.plugin_id = ? AND r.name = 'recency'
GROUP BY r.value, f.value;

-- name: scoreValues
SELECT value FROM scores WHERE plugin_id = ? AND name = ? AND value IS NOT NULL;

-- name: topByScore
SELECT s.customer_id, c.name, s.value FROM scores s JOIN customers c ON c.id = s.customer_id
WHERE s.plugin_id = ? AND s.name = ? AND s.value IS NOT NULL ORDER BY s.value DESC LIMIT ?;
