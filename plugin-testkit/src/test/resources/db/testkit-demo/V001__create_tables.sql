-- The test plugin's own tables: every name starts with testkit_demo_.
CREATE TABLE testkit_demo_seen (
  event_id    TEXT   PRIMARY KEY,
  kind        TEXT   NOT NULL,
  customer_id TEXT   NOT NULL,
  amount      BIGINT NOT NULL
);
CREATE INDEX testkit_demo_seen_by_customer ON testkit_demo_seen (customer_id);
