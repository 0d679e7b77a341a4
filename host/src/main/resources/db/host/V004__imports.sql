-- Import jobs: one row per `patron import` or POST /api/v1/imports. The rows an import skipped or
-- rejected are not stored here but in a CSV report file under the data folder (report_file),
-- written while the file is read, so a large import never holds them in memory nor in a
-- transaction that a --strict or --dry-run import rolls back.
CREATE TABLE import_jobs (
  id           TEXT    PRIMARY KEY,
  kind         TEXT    NOT NULL,        -- orders | customers | refunds
  format       TEXT,                    -- csv | ndjson (NULL until guessed)
  mapping      TEXT,                    -- built-in mapping name, or NULL
  options      TEXT    NOT NULL,        -- JSON: column renames, encoding, time zone, flags
  source       TEXT    NOT NULL,        -- cli | api
  file_name    TEXT    NOT NULL,
  dry_run      INTEGER NOT NULL,
  strict       INTEGER NOT NULL,
  status       TEXT    NOT NULL,        -- queued | running | succeeded | failed
  owner        TEXT    NOT NULL,        -- pid@host of the process that runs it
  created_at   BIGINT  NOT NULL,
  started_at   BIGINT,
  finished_at  BIGINT,
  updated_at   BIGINT  NOT NULL,
  rows_read    BIGINT  NOT NULL,
  bytes_read   BIGINT  NOT NULL,
  bytes_total  BIGINT,
  summary      TEXT,                    -- JSON: what was written, rows skipped and rejected by code
  first_issues TEXT,                    -- JSON array: the first reported rows
  report_file  TEXT,
  error        TEXT
);
CREATE INDEX import_jobs_by_creation ON import_jobs (created_at);
