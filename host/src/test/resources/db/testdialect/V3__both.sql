INSERT INTO testdialect_items (id, made_by) VALUES ('three', 'common');
