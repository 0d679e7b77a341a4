-- name: list
-- %FILTER% is built from fixed fragments in AlertInbox; values are bound.
SELECT id, plugin_id, dedup_key, customer_id, rule, severity, title, detail, status, opened_at, last_seen_at,
       acknowledged_at, acknowledged_by, note, resolved_at, resolved_by
FROM alerts WHERE 1 = 1 %FILTER% ORDER BY opened_at DESC, id DESC LIMIT ?;

-- name: byId
SELECT id, plugin_id, dedup_key, customer_id, rule, severity, title, detail, status, opened_at, last_seen_at,
       acknowledged_at, acknowledged_by, note, resolved_at, resolved_by
FROM alerts WHERE id = ?;

-- name: acknowledge
UPDATE alerts SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?, note = ? WHERE id = ? AND status = 'open';

-- name: resolve
UPDATE alerts SET status = 'resolved', resolved_at = ?, resolved_by = ?, note = COALESCE(?, note) WHERE id = ? AND status <> 'resolved';

-- name: countsByStatus
SELECT status, severity, COUNT(*) AS n FROM alerts WHERE status <> 'resolved' GROUP BY status, severity;

-- name: insertOutbox
INSERT INTO outbox (id, event_type, payload, created_at) VALUES (?, ?, ?, ?);

-- name: subscribers
SELECT id, events FROM webhooks WHERE active = 1;

-- name: insertDelivery
INSERT INTO webhook_deliveries (id, webhook_id, event_id, status, attempts, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?);

-- name: insertWebhook
INSERT INTO webhooks (id, url, secret, events, active, created_at, created_by) VALUES (?, ?, ?, ?, 1, ?, ?);

-- name: listWebhooks
SELECT id, url, events, active, created_at, created_by FROM webhooks ORDER BY created_at;

-- name: webhookById
SELECT id, url, events, active, created_at, created_by FROM webhooks WHERE id = ?;

-- name: deliveries
SELECT d.id, d.event_id, o.event_type, d.status, d.attempts, d.next_attempt_at, d.delivered_at, d.last_error, o.created_at
FROM webhook_deliveries d JOIN outbox o ON o.id = d.event_id WHERE d.webhook_id = ? ORDER BY o.created_at DESC LIMIT ?;

-- name: attempts
SELECT attempt, attempted_at, status_code, error, duration_ms FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt;

-- name: claimDue
-- A lease keeps two senders (threads or instances) from posting the same delivery at once; the
-- claim names its sender. SQLite has one writer, so the sub-select cannot race.
UPDATE webhook_deliveries SET lease_until = ?, claimed_by = ?
WHERE id IN (SELECT id FROM webhook_deliveries
             WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
             ORDER BY next_attempt_at LIMIT ?)
  AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?);

-- name: claimDue@postgresql
-- Senders on other instances claim at the same time: each locks the rows it takes and skips
-- those another holds, so no delivery is claimed twice and nobody waits.
UPDATE webhook_deliveries SET lease_until = ?, claimed_by = ?
WHERE id IN (SELECT id FROM webhook_deliveries
             WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
             ORDER BY next_attempt_at LIMIT ?
             FOR UPDATE SKIP LOCKED)
  AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?);

-- name: claimed
SELECT d.id, d.attempts, w.url, w.secret, o.event_type, o.payload, o.id AS event_id
FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN outbox o ON o.id = d.event_id
WHERE d.status = 'pending' AND d.claimed_by = ? AND d.lease_until = ?;

-- name: recordAttempt
INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?);

-- name: delivered
UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, delivered_at = ?, lease_until = NULL, claimed_by = NULL,
  last_error = NULL WHERE id = ?;

-- name: retryLater
UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, lease_until = NULL, claimed_by = NULL,
  last_error = ? WHERE id = ?;
