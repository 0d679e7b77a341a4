-- What the plugin found and did after each full scoring run (the latest 100 are kept). The health
-- check, the console page and GET /status read the newest row: it says whether the clv plugin's
-- p_alive scores were there, so those checks never scan the scores table themselves.
-- resume_after is NULL when the run looked at every customer; otherwise the run stopped to stay
-- within its time budget and the next run starts after that customer id.
CREATE TABLE churn_alerts_runs (
  run_id                TEXT    PRIMARY KEY,
  as_of                 TEXT    NOT NULL,
  finished_at           BIGINT  NOT NULL,
  duration_ms           BIGINT  NOT NULL,
  customers             BIGINT  NOT NULL,
  evaluated             BIGINT  NOT NULL,
  p_alive_available     INTEGER NOT NULL,
  flagged_overdue       BIGINT  NOT NULL,
  flagged_p_alive       BIGINT  NOT NULL,
  flagged_spend_decline BIGINT  NOT NULL,
  flagged_one_time      BIGINT  NOT NULL,
  opened                BIGINT  NOT NULL,
  refreshed             BIGINT  NOT NULL,
  resolved              BIGINT  NOT NULL,
  resume_after          TEXT
);
CREATE INDEX churn_alerts_runs_by_finish ON churn_alerts_runs (finished_at);
