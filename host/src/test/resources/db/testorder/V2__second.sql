CREATE TABLE test_order_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, step TEXT NOT NULL);
INSERT INTO test_order_log (step) VALUES ('second');
