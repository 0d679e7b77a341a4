-- name: insertUser
INSERT INTO users (id, name, role, password_hash, locale, created_at, disabled) VALUES (?, ?, ?, ?, NULL, ?, 0);

-- name: userByName
SELECT id, name, role, password_hash, locale, disabled FROM users WHERE name = ?;

-- name: userById
SELECT id, name, role, password_hash, locale, disabled FROM users WHERE id = ?;

-- name: listUsers
SELECT id, name, role, password_hash, locale, disabled FROM users ORDER BY name;

-- name: countUsers
SELECT COUNT(*) FROM users;

-- name: setPassword
UPDATE users SET password_hash = ? WHERE id = ?;

-- name: setLocale
UPDATE users SET locale = ? WHERE id = ?;

-- name: insertToken
INSERT INTO api_tokens (id, name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?);

-- name: tokenByHash
SELECT id, name, role, revoked_at FROM api_tokens WHERE token_hash = ?;

-- name: listTokens
SELECT id, name, role, created_at, created_by, last_used_at, revoked_at FROM api_tokens ORDER BY created_at;

-- name: revokeToken
UPDATE api_tokens SET revoked_at = ? WHERE (id = ? OR name = ?) AND revoked_at IS NULL;

-- name: touchToken
UPDATE api_tokens SET last_used_at = ? WHERE id = ?;

-- name: insertSession
INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?);

-- name: sessionByHash
SELECT s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, u.name, u.role, u.locale, u.disabled
FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?;

-- name: touchSession
UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?;

-- name: deleteSession
DELETE FROM sessions WHERE id_hash = ?;

-- name: deleteExpiredSessions
DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?;

-- name: insertAudit
INSERT INTO audit_log (id, at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?);

-- name: recentAudit
SELECT at, actor, action, target, detail FROM audit_log ORDER BY at DESC LIMIT ?;
