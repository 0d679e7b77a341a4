-- Leases on work one instance at a time does; see Leases.

-- name: acquire
-- Takes the lease when nobody holds it, when it expired, or renews it for its holder. One row
-- changed: held now; none: another instance holds it.
INSERT INTO leases (name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)
ON CONFLICT (name) DO UPDATE SET
  owner = excluded.owner,
  acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at ELSE excluded.acquired_at END,
  expires_at = excluded.expires_at
WHERE leases.owner = excluded.owner OR leases.expires_at < ?;

-- name: release
DELETE FROM leases WHERE name = ? AND owner = ?;

-- name: holder
SELECT owner, acquired_at, expires_at FROM leases WHERE name = ?;
