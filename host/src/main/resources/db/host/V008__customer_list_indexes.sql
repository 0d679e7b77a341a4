-- The customer list, read from indexes alone.
-- A segment or tier filter reads its customer ids from the label index itself, not from the table.
DROP INDEX scores_by_label;
CREATE INDEX scores_by_label ON scores (plugin_id, name, label, customer_id) WHERE label IS NOT NULL;
-- Sorting by lifetime value: a listed customer's value (filtered lists), and every value from the
-- top (the whole list). One row per customer each: only the clv plugin's clv score.
CREATE INDEX scores_clv_by_customer ON scores (customer_id, value) WHERE plugin_id = 'clv' AND name = 'clv';
CREATE INDEX scores_by_clv ON scores (value DESC, customer_id) WHERE plugin_id = 'clv' AND name = 'clv';
