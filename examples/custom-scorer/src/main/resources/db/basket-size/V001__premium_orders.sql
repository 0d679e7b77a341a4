-- Orders that reached the Premium threshold when they were placed, with what was refunded since.
-- Every table and index of this plugin starts with basket_size_ (the plugin id with '-' as '_').
-- SQL kept to what SQLite and PostgreSQL share: money in BIGINT minor units, instants in epoch ms.
CREATE TABLE basket_size_premium_orders (
  order_id       TEXT   PRIMARY KEY,
  customer_id    TEXT   NOT NULL,
  amount_minor   BIGINT NOT NULL,
  refunded_minor BIGINT NOT NULL,
  placed_at      BIGINT NOT NULL
);
CREATE INDEX basket_size_premium_orders_by_customer ON basket_size_premium_orders (customer_id, placed_at);
