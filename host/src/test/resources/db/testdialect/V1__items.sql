-- The common form: what a dialect without its own file runs.
CREATE TABLE testdialect_items (id TEXT PRIMARY KEY, made_by TEXT NOT NULL);
INSERT INTO testdialect_items (id, made_by) VALUES ('one', 'common');
