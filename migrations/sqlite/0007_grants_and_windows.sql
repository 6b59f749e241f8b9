-- Schema 7: what each device was told, kept apart from its seat; and the concurrent window's order and peaks.

-- Every item a device was authorized on through a code, and until when its tokens let it work
-- (`granted_until`, the latest token expiry issued on that item). A seat is swept when it lapses; this
-- row is not (only pruned long after it ran out), so usage a device counted while it was authorized is
-- accepted whenever it is uploaded, even after the item expired or the seat was swept, and is counted
-- on the item that served it then. `option` is the item's option when granted: which unit its reports
-- count, even if the item is gone by the time they arrive.
CREATE TABLE device_grants (
    handshake     TEXT NOT NULL,
    uuid          TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    option        TEXT NOT NULL,
    granted_from  INTEGER NOT NULL,
    granted_until INTEGER NOT NULL,
    PRIMARY KEY (handshake, uuid, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX device_grants_until ON device_grants(granted_until);
-- The seats of today, with the tokens they were given (grace capped at the item's expiry).
INSERT INTO device_grants (handshake, uuid, item_id, option, granted_from, granted_until)
    SELECT d.handshake, d.uuid, d.item_id, i.option, d.first_seen,
           MIN(d.last_seen + h.offline_grace_secs, i.expires_at)
    FROM devices d JOIN items i ON i.id = d.item_id JOIN handshakes h ON h.code = d.handshake;

-- When the device entered the concurrent window it is in now (it stays in while it reports within 3
-- minutes): the window admits devices in the order they came, so a burst beyond the limit drains.
ALTER TABLE devices ADD COLUMN concurrent_since INTEGER;
UPDATE devices SET concurrent_since = concurrent_seen_at WHERE concurrent_seen_at IS NOT NULL;

-- The most devices counted in one concurrent window of an item, per UTC day (Unix day number), kept by
-- item id like the rest of the usage ledger.
CREATE TABLE concurrent_peaks (
    item_id TEXT NOT NULL,
    day     INTEGER NOT NULL,
    peak    INTEGER NOT NULL CHECK (peak >= 0),
    PRIMARY KEY (item_id, day)
) STRICT, WITHOUT ROWID;
