-- Import jobs and the look-ups of invoice imports. Parameters are positional; see
-- ImportJobRepository and CancellationMatcher.

-- name: insertJob
INSERT INTO import_jobs (id, kind, format, mapping, options, source, file_name, dry_run, strict, status, owner,
                         created_at, updated_at, rows_read, bytes_read, bytes_total, report_file)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, 0, 0, ?, ?);

-- name: startJob
UPDATE import_jobs SET status = 'running', format = ?, started_at = ?, updated_at = ? WHERE id = ?;

-- name: progressJob
UPDATE import_jobs SET rows_read = ?, bytes_read = ?, summary = ?, first_issues = ?, updated_at = ? WHERE id = ?;

-- name: finishJob
UPDATE import_jobs SET status = ?, rows_read = ?, bytes_read = ?, summary = ?, first_issues = ?, error = ?,
                       finished_at = ?, updated_at = ?, format = COALESCE(?, format)
WHERE id = ?;

-- name: findJob
SELECT id, kind, format, mapping, options, source, file_name, dry_run, strict, status, owner, created_at, started_at,
       finished_at, updated_at, rows_read, bytes_read, bytes_total, summary, first_issues, report_file, error
FROM import_jobs WHERE id = ?;

-- name: recentJobs
SELECT id, kind, format, mapping, options, source, file_name, dry_run, strict, status, owner, created_at, started_at,
       finished_at, updated_at, rows_read, bytes_read, bytes_total, summary, first_issues, report_file, error
FROM import_jobs ORDER BY created_at DESC, id DESC LIMIT ?;

-- name: refundsOfCancellation
-- Refunds a cancellation invoice already made: their ids are '<invoice>:<order>', so a range of
-- the primary key finds them (';' sorts right after ':').
SELECT COUNT(*) FROM refunds WHERE id >= ? AND id < ?;

-- name: ordersToRefund
-- A customer's orders placed up to a time, newest first, with what is left to refund on each.
SELECT o.id, o.amount_minor - COALESCE((SELECT SUM(r.amount_minor) FROM refunds r WHERE r.order_id = o.id), 0)
FROM orders o
WHERE o.customer_id = ? AND o.placed_at <= ?
ORDER BY o.placed_at DESC, o.id DESC;

-- name: orderLines
SELECT lines FROM orders WHERE id = ?;
