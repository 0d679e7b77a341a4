-- PostgreSQL's own form of version 1.
CREATE TABLE testdialect_items (id TEXT PRIMARY KEY, made_by TEXT NOT NULL);
INSERT INTO testdialect_items (id, made_by) VALUES ('one', 'postgresql');
