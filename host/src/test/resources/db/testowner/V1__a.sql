-- Test migration 1: the table V2 builds on.
CREATE TABLE test_items (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
INSERT INTO test_items (id, name) VALUES (1, 'first');
