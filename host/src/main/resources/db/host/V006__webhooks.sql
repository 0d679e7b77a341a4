-- Alert lifecycle events for delivery, and webhook subscriptions with every delivery attempt.

CREATE TABLE outbox (
  id          TEXT   PRIMARY KEY,
  event_type  TEXT   NOT NULL,          -- alert.opened | alert.acknowledged | alert.resolved
  payload     TEXT   NOT NULL,          -- JSON body sent to receivers
  created_at  BIGINT NOT NULL
);

CREATE TABLE webhooks (
  id          TEXT    PRIMARY KEY,
  url         TEXT    NOT NULL,
  secret      TEXT    NOT NULL,         -- shared HMAC key: needed in clear to sign, so keep the database private
  events      TEXT    NOT NULL,         -- comma-separated event types, or *
  active      INTEGER NOT NULL,
  created_at  BIGINT  NOT NULL,
  created_by  TEXT    NOT NULL
);

-- One row per (event, webhook): created with the event, in its transaction; a sender claims due
-- rows, posts them, and records each attempt. At least once: a receiver may see a retry twice.
CREATE TABLE webhook_deliveries (
  id              TEXT    PRIMARY KEY,
  webhook_id      TEXT    NOT NULL REFERENCES webhooks (id),
  event_id        TEXT    NOT NULL REFERENCES outbox (id),
  status          TEXT    NOT NULL,     -- pending | delivered | failed
  attempts        INTEGER NOT NULL,
  next_attempt_at BIGINT  NOT NULL,
  lease_until     BIGINT,
  delivered_at    BIGINT,
  last_error      TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id);

CREATE TABLE webhook_attempts (
  delivery_id   TEXT    NOT NULL REFERENCES webhook_deliveries (id),
  attempt       INTEGER NOT NULL,
  attempted_at  BIGINT  NOT NULL,
  status_code   INTEGER,
  error         TEXT,
  duration_ms   BIGINT  NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
