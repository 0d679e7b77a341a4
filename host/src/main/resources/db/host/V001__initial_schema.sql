-- Patron host schema. Kept to the SQL common to SQLite and PostgreSQL.
-- Money is integer minor units of the shop currency; instants are epoch milliseconds (UTC);
-- calendar dates are ISO-8601 text (YYYY-MM-DD) in the shop time zone.

CREATE TABLE customers (
  id          TEXT   PRIMARY KEY,
  name        TEXT,
  email       TEXT,
  phone       TEXT,
  attributes  TEXT   NOT NULL,          -- JSON object of scalar values
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE INDEX customers_by_email ON customers (email);
CREATE INDEX customers_by_name ON customers (name);

CREATE TABLE orders (
  id           TEXT   PRIMARY KEY,      -- the shop's order id, the idempotency key
  customer_id  TEXT   NOT NULL REFERENCES customers (id),
  placed_at    BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  currency     TEXT   NOT NULL,
  channel      TEXT,
  lines        TEXT,                    -- JSON array of lines, or NULL
  fingerprint  TEXT   NOT NULL,         -- hash of the content: same id + same content = a retry
  received_at  BIGINT NOT NULL
);
-- Covers the scoring pass: customers' orders in time order without touching the table.
CREATE INDEX orders_by_customer ON orders (customer_id, placed_at, amount_minor);

CREATE TABLE refunds (
  id           TEXT   PRIMARY KEY,
  order_id     TEXT   NOT NULL REFERENCES orders (id),
  customer_id  TEXT   NOT NULL REFERENCES customers (id),
  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
  refunded_at  BIGINT NOT NULL,
  fingerprint  TEXT   NOT NULL,
  received_at  BIGINT NOT NULL
);
CREATE INDEX refunds_by_customer ON refunds (customer_id, refunded_at, amount_minor);
CREATE INDEX refunds_by_order ON refunds (order_id);

CREATE TABLE scoring_runs (
  id            TEXT   PRIMARY KEY,
  status        TEXT   NOT NULL,        -- running | succeeded | failed
  trigger_name  TEXT   NOT NULL,        -- cli | api | demo
  as_of         TEXT   NOT NULL,
  plugins       TEXT   NOT NULL,        -- JSON array of plugin ids asked for; [] = all
  started_at    BIGINT NOT NULL,
  finished_at   BIGINT,
  customers     BIGINT,
  scored        BIGINT,
  duration_ms   BIGINT,
  error         TEXT,
  plugin_errors TEXT                    -- JSON object: plugin id -> message
);
CREATE INDEX scoring_runs_by_start ON scoring_runs (started_at);

CREATE TABLE scoring_models (
  plugin_id  TEXT   NOT NULL,
  scorer     TEXT   NOT NULL,           -- the scorer's class name
  run_id     TEXT   NOT NULL REFERENCES scoring_runs (id),
  as_of      TEXT   NOT NULL,
  model      TEXT   NOT NULL,           -- JSON
  fitted_at  BIGINT NOT NULL,
  PRIMARY KEY (plugin_id, scorer, run_id)
);
CREATE INDEX scoring_models_latest ON scoring_models (plugin_id, scorer, fitted_at);

CREATE TABLE scores (
  customer_id TEXT   NOT NULL REFERENCES customers (id),
  plugin_id   TEXT   NOT NULL,
  name        TEXT   NOT NULL,
  value       DOUBLE PRECISION,
  label       TEXT,
  explanation TEXT   NOT NULL,
  run_id      TEXT,                     -- NULL when re-scored after an order
  computed_at BIGINT NOT NULL,
  PRIMARY KEY (customer_id, plugin_id, name)
);
-- Partial: only label scores (segment, tier, ...) are filtered on.
CREATE INDEX scores_by_label ON scores (plugin_id, name, label) WHERE label IS NOT NULL;

-- One row per customer, plugin and run: the run's scores as a JSON object
-- {"name": [value, label], ...}. Six rows per customer in `scores`, one here.
CREATE TABLE score_history (
  customer_id TEXT   NOT NULL,
  plugin_id   TEXT   NOT NULL,
  run_id      TEXT   NOT NULL,
  computed_at BIGINT NOT NULL,
  scores      TEXT   NOT NULL,
  PRIMARY KEY (customer_id, plugin_id, run_id)
);

CREATE TABLE plugin_settings (
  plugin_id  TEXT   NOT NULL,
  key        TEXT   NOT NULL,
  value      TEXT   NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (plugin_id, key)
);
