-- When each plugin's scheduled job last ran, so a restart neither repeats nor skips a daily job.
CREATE TABLE job_runs (
  plugin_id   TEXT   NOT NULL,
  job         TEXT   NOT NULL,
  started_at  BIGINT NOT NULL,
  finished_at BIGINT,
  error       TEXT,
  PRIMARY KEY (plugin_id, job)
);
