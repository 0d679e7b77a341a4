-- Sorts before V2 as text but must run after it.
INSERT INTO test_order_log (step) VALUES ('tenth');
