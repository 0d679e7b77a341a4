-- Staff accounts, API tokens, console sessions and the audit log.
-- Secrets are never stored: passwords as salted PBKDF2 hashes, tokens and session ids as SHA-256.

CREATE TABLE users (
  id            TEXT    PRIMARY KEY,
  name          TEXT    NOT NULL,
  role          TEXT    NOT NULL,        -- admin | staff | viewer
  password_hash TEXT    NOT NULL,
  locale        TEXT,
  created_at    BIGINT  NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_by_name ON users (name);

CREATE TABLE api_tokens (
  id           TEXT   PRIMARY KEY,
  name         TEXT   NOT NULL,
  role         TEXT   NOT NULL,
  token_hash   TEXT   NOT NULL,
  created_at   BIGINT NOT NULL,
  created_by   TEXT   NOT NULL,
  last_used_at BIGINT,
  revoked_at   BIGINT
);
CREATE UNIQUE INDEX api_tokens_by_hash ON api_tokens (token_hash);

CREATE TABLE sessions (
  id_hash      TEXT   PRIMARY KEY,
  user_id      TEXT   NOT NULL REFERENCES users (id),
  csrf_token   TEXT   NOT NULL,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE audit_log (
  id      TEXT   PRIMARY KEY,
  at      BIGINT NOT NULL,
  actor   TEXT   NOT NULL,
  action  TEXT   NOT NULL,
  target  TEXT,
  detail  TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
