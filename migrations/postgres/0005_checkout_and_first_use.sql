-- Schema 5 (the embedded store's schema 8): offline check-outs, and when a device's active time starts.
-- See migrations/sqlite/0008_checkout_and_first_use.sql for the why.
ALTER TABLE devices ADD COLUMN checked_out_until BIGINT;

ALTER TABLE devices ADD COLUMN first_used_at BIGINT;
UPDATE devices SET first_used_at = (SELECT MIN(r.at) FROM usage_reports r
                                    WHERE r.handshake = devices.handshake AND r.uuid = devices.uuid);

ALTER TABLE handshakes ADD COLUMN active_from TEXT NOT NULL DEFAULT 'authorization'
    CHECK (active_from IN ('authorization', 'first-use'));
