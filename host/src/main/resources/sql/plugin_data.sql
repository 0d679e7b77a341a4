-- name: pluginStates
SELECT plugin_id, enabled FROM plugin_state;

-- name: insertPluginState
INSERT INTO plugin_state (plugin_id, enabled, changed_at, changed_by) VALUES (?, ?, ?, ?)
ON CONFLICT (plugin_id) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at, changed_by = excluded.changed_by;

-- name: openAlertByKey
SELECT id FROM alerts WHERE plugin_id = ? AND dedup_key = ? AND status <> 'resolved';

-- name: refreshAlert
UPDATE alerts SET last_seen_at = ?, severity = ?, title = ?, detail = ? WHERE id = ?;

-- name: insertAlert
INSERT INTO alerts (id, plugin_id, dedup_key, customer_id, rule, severity, title, detail, status, opened_at, last_seen_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?);

-- name: resolveAlertByKey
UPDATE alerts SET status = 'resolved', resolved_at = ?, resolved_by = ?
WHERE plugin_id = ? AND dedup_key = ? AND status <> 'resolved';

-- name: nextBacklogSeq
SELECT COALESCE(MAX(seq), 0) + 1 FROM plugin_event_backlog WHERE plugin_id = ?;

-- name: insertBacklog
INSERT INTO plugin_event_backlog (plugin_id, seq, event_type, payload, error, recorded_at) VALUES (?, ?, ?, ?, ?, ?);

-- name: backlog
SELECT seq, event_type, payload FROM plugin_event_backlog WHERE plugin_id = ? ORDER BY seq LIMIT ?;

-- name: deleteBacklogUpTo
DELETE FROM plugin_event_backlog WHERE plugin_id = ? AND seq <= ?;

-- name: backlogSize
SELECT COUNT(*) FROM plugin_event_backlog WHERE plugin_id = ?;

-- name: upsertSetting
INSERT INTO plugin_settings (plugin_id, key, value, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (plugin_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;

-- name: deleteSettings
DELETE FROM plugin_settings WHERE plugin_id = ?;

-- name: jobRuns
SELECT plugin_id, job, started_at, finished_at, error FROM job_runs;

-- name: startJobRun
INSERT INTO job_runs (plugin_id, job, started_at, finished_at, error) VALUES (?, ?, ?, NULL, NULL)
ON CONFLICT (plugin_id, job) DO UPDATE SET started_at = excluded.started_at, finished_at = NULL, error = NULL;

-- name: finishJobRun
UPDATE job_runs SET finished_at = ?, error = ? WHERE plugin_id = ? AND job = ?;
