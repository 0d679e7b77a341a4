-- name: allSettings
SELECT plugin_id, key, value FROM plugin_settings ORDER BY plugin_id, key;
