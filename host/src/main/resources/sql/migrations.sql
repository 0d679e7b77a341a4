-- name: createTable
CREATE TABLE IF NOT EXISTS schema_migrations (
  owner      TEXT    NOT NULL,
  version    INTEGER NOT NULL,
  name       TEXT    NOT NULL,
  checksum   TEXT    NOT NULL,
  applied_at BIGINT  NOT NULL,
  PRIMARY KEY (owner, version)
);

-- name: applied
SELECT version, checksum FROM schema_migrations WHERE owner = ?;

-- name: record
INSERT INTO schema_migrations (owner, version, name, checksum, applied_at) VALUES (?, ?, ?, ?, ?);
