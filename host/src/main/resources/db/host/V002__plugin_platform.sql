-- Plugin lifecycle state, the alert inbox, and events a failed plugin still has to process.

CREATE TABLE plugin_state (
  plugin_id  TEXT    PRIMARY KEY,
  enabled    INTEGER NOT NULL,          -- 1 enabled, 0 disabled by an operator
  changed_at BIGINT  NOT NULL,
  changed_by TEXT    NOT NULL
);

CREATE TABLE alerts (
  id           TEXT   PRIMARY KEY,
  plugin_id    TEXT   NOT NULL,
  dedup_key    TEXT   NOT NULL,
  customer_id  TEXT,
  rule         TEXT   NOT NULL,
  severity     TEXT   NOT NULL,         -- INFO | WARNING | CRITICAL
  title        TEXT   NOT NULL,
  detail       TEXT   NOT NULL,
  status       TEXT   NOT NULL,         -- open | acknowledged | resolved
  opened_at    BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  acknowledged_at BIGINT,
  acknowledged_by TEXT,
  note         TEXT,
  resolved_at  BIGINT,
  resolved_by  TEXT
);
-- At most one unresolved alert per plugin and key.
CREATE UNIQUE INDEX alerts_one_unresolved ON alerts (plugin_id, dedup_key) WHERE status <> 'resolved';
CREATE INDEX alerts_by_status ON alerts (status, severity, opened_at);
CREATE INDEX alerts_by_customer ON alerts (customer_id);

-- Events a plugin's handler failed on (or missed while failed), replayed in order when it is enabled again.
CREATE TABLE plugin_event_backlog (
  plugin_id   TEXT    NOT NULL,
  seq         BIGINT  NOT NULL,         -- order of arrival per plugin, assigned by the writer
  event_type  TEXT    NOT NULL,         -- OrderPlaced | OrderRefunded | CustomerUpserted
  payload     TEXT    NOT NULL,         -- JSON
  error       TEXT,
  recorded_at BIGINT  NOT NULL,
  PRIMARY KEY (plugin_id, seq)
);
