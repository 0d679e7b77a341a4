-- A version only PostgreSQL has.
INSERT INTO testdialect_items (id, made_by) VALUES ('two', 'postgresql');
