-- Schema 8: offline check-outs, and when a device's active time starts.

-- Until when the device holds its seat by an offline authorization file (`devices checkout`): the file
-- cannot be recalled, so its seat's removal time never comes before this, the sweeper keeps it, and
-- unregistering it needs --force. NULL: not checked out.
ALTER TABLE devices ADD COLUMN checked_out_until INTEGER;

-- When the device first reported usage through its code: with `handshake set --active-from first-use`
-- its removal time is counted from then, not from its first authorization. NULL: it has not yet.
ALTER TABLE devices ADD COLUMN first_used_at INTEGER;
UPDATE devices SET first_used_at = (SELECT MIN(r.at) FROM usage_reports r
                                    WHERE r.handshake = devices.handshake AND r.uuid = devices.uuid);

-- `authorization` (the vendor's default) or `first-use`.
ALTER TABLE handshakes ADD COLUMN active_from TEXT NOT NULL DEFAULT 'authorization'
    CHECK (active_from IN ('authorization', 'first-use'));
