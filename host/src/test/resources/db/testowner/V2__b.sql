-- Test migration 2: needs test_items from V1.
ALTER TABLE test_items ADD COLUMN price BIGINT NOT NULL DEFAULT 0;
UPDATE test_items SET price = 100 WHERE id = 1;
