-- Test migration 3: its first statements work, the last one fails, so none of it may stay.
CREATE TABLE test_half (id INTEGER PRIMARY KEY);
INSERT INTO test_items (id, name, price) VALUES (2, 'second', 200);
INSERT INTO no_such_table (id) VALUES (1);
