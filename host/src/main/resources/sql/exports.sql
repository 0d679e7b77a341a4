-- name: customers
SELECT c.id, c.name, c.email, c.phone, c.attributes,
       (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS orders
FROM customers c ORDER BY c.id;

-- name: scores
SELECT customer_id, plugin_id, name, value, label, explanation, run_id, computed_at
FROM scores ORDER BY customer_id, plugin_id, name;
