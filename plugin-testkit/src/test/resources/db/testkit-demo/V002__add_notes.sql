CREATE TABLE testkit_demo_notes (
  customer_id TEXT PRIMARY KEY,
  note        TEXT NOT NULL
);
