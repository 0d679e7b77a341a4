-- The RFM plugin's quintile scores in DuckDB SQL (the peer of the scoring benchmark; see docs/rfm.md).
-- Parameters: the end of the as-of day in epoch milliseconds (orders), the same (refunds), the as-of date.
-- Buyers only; R = days since the last order (negated: larger is better), F = orders, M = net spend.
-- Cut point k of n sorted values is the ceil(k*n/5)-th (lists are 1-based); a score is 1 + the cut points exceeded.
WITH o AS (
  SELECT customer_id, max(placed_at) AS last_at, count(*) AS f, sum(amount_minor) AS gross
  FROM orders WHERE placed_at < ? GROUP BY customer_id
), r AS (
  SELECT customer_id, sum(amount_minor) AS refunded
  FROM refunds WHERE refunded_at < ? GROUP BY customer_id
), m AS (
  SELECT o.customer_id,
         -date_diff('day', CAST(epoch_ms(o.last_at) AS DATE), CAST(? AS DATE)) AS r,
         o.f AS f,
         o.gross - coalesce(r.refunded, 0) AS m
  FROM o LEFT JOIN r ON r.customer_id = o.customer_id
), s AS (
  SELECT list_sort(list(r)) AS rs, list_sort(list(f)) AS fs, list_sort(list(m)) AS ms, count(*) AS n FROM m
), c AS (
  SELECT rs[ceil(n / 5.0)::BIGINT] AS r1, rs[ceil(2 * n / 5.0)::BIGINT] AS r2,
         rs[ceil(3 * n / 5.0)::BIGINT] AS r3, rs[ceil(4 * n / 5.0)::BIGINT] AS r4,
         fs[ceil(n / 5.0)::BIGINT] AS f1, fs[ceil(2 * n / 5.0)::BIGINT] AS f2,
         fs[ceil(3 * n / 5.0)::BIGINT] AS f3, fs[ceil(4 * n / 5.0)::BIGINT] AS f4,
         ms[ceil(n / 5.0)::BIGINT] AS m1, ms[ceil(2 * n / 5.0)::BIGINT] AS m2,
         ms[ceil(3 * n / 5.0)::BIGINT] AS m3, ms[ceil(4 * n / 5.0)::BIGINT] AS m4
  FROM s
)
SELECT m.customer_id,
       1 + (m.r > c.r1)::INT + (m.r > c.r2)::INT + (m.r > c.r3)::INT + (m.r > c.r4)::INT AS rs,
       1 + (m.f > c.f1)::INT + (m.f > c.f2)::INT + (m.f > c.f3)::INT + (m.f > c.f4)::INT AS fs,
       1 + (m.m > c.m1)::INT + (m.m > c.m2)::INT + (m.m > c.m3)::INT + (m.m > c.m4)::INT AS ms
FROM m, c
