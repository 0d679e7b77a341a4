-- Several instances may share one database (PostgreSQL). What they must not both do is guarded in
-- the store, never only in one process's memory.

-- Work one instance at a time does (a plugin's scheduled job, a full scoring run): the instance
-- named in owner holds it until expires_at, renewing it while it works. An instance that stops
-- without releasing leaves it to expire.
CREATE TABLE leases (
  name        TEXT   PRIMARY KEY,       -- job:<plugin id>/<job name> | scoring-run
  owner       TEXT   NOT NULL,          -- host:pid:random of the holding instance
  acquired_at BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);

-- The sender that claimed a delivery, so two senders never take each other's claims for their own.
ALTER TABLE webhook_deliveries ADD COLUMN claimed_by TEXT;

-- The instance running a scoring run: a starting instance fails only runs whose owner is gone.
ALTER TABLE scoring_runs ADD COLUMN owner TEXT;

-- The newest fitted model without a scan: instances compare it before re-scoring after an order,
-- so a model fitted by another instance is used within one order.
CREATE INDEX scoring_models_by_fit ON scoring_models (fitted_at);
