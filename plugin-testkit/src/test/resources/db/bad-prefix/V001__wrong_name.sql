CREATE TABLE customer_notes (
  customer_id TEXT PRIMARY KEY
);
