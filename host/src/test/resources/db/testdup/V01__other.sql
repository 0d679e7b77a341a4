CREATE TABLE dup_other (id INTEGER);
