-- Lead qualification's own tables: every name starts with lead_qualification_.
-- Instants are epoch milliseconds (UTC); statuses are new | contacted | nurturing | converted | dropped.

-- The current follow-up state of each lead that staff (or a first order) touched.
-- Leads without a row here are "new" (or "converted" once they bought).
CREATE TABLE lead_qualification_pipeline (
  customer_id        TEXT   PRIMARY KEY,
  status             TEXT   NOT NULL,
  note               TEXT,
  updated_by         TEXT   NOT NULL,
  updated_at         BIGINT NOT NULL,
  converted_at       BIGINT,
  converted_order_id TEXT
);
CREATE INDEX lead_qualification_pipeline_by_status ON lead_qualification_pipeline (status, updated_at);

-- Every status change, oldest first per customer (seq 1, 2, ...); never updated or deleted.
CREATE TABLE lead_qualification_followups (
  customer_id     TEXT   NOT NULL,
  seq             BIGINT NOT NULL,
  status          TEXT   NOT NULL,
  previous_status TEXT   NOT NULL,
  note            TEXT,
  actor           TEXT   NOT NULL,
  source          TEXT   NOT NULL,
  order_id        TEXT,
  created_at      BIGINT NOT NULL,
  PRIMARY KEY (customer_id, seq)
);
CREATE INDEX lead_qualification_followups_by_time ON lead_qualification_followups (created_at);
