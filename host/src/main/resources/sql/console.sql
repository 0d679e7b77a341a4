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

-- name: labelledPlugins
-- The plugins that have label scores, read from the label index a step at a time (one lookup
-- per plugin, whatever the number of customers).
WITH RECURSIVE labelled (plugin_id) AS (
  SELECT MIN(plugin_id) FROM scores WHERE label IS NOT NULL
  UNION ALL
  SELECT (SELECT MIN(s.plugin_id) FROM scores s WHERE s.label IS NOT NULL AND s.plugin_id > labelled.plugin_id)
  FROM labelled WHERE labelled.plugin_id IS NOT NULL)
SELECT plugin_id FROM labelled WHERE plugin_id IS NOT NULL;

-- name: scoreLabels
-- The labels one score of one plugin takes (rfm's segments, say), one index lookup per label.
WITH RECURSIVE labels (label) AS (
  SELECT MIN(label) FROM scores WHERE plugin_id = ? AND name = ? AND label IS NOT NULL
  UNION ALL
  SELECT (SELECT MIN(s.label) FROM scores s WHERE s.plugin_id = ? AND s.name = ? AND s.label > labels.label)
  FROM labels WHERE labels.label IS NOT NULL)
SELECT label FROM labels WHERE label IS NOT NULL;
