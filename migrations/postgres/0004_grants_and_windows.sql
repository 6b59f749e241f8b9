-- Schema 4 (the embedded store's schema 7): what each device was told, kept apart from its seat; and the
-- concurrent window's order and peaks. See migrations/sqlite/0007_grants_and_windows.sql for the why.
CREATE TABLE device_grants (
    handshake     TEXT COLLATE "C" NOT NULL,
    uuid          TEXT COLLATE "C" NOT NULL,
    item_id       TEXT COLLATE "C" NOT NULL,
    option        TEXT COLLATE "C" NOT NULL,
    granted_from  BIGINT NOT NULL,
    granted_until BIGINT NOT NULL,
    PRIMARY KEY (handshake, uuid, item_id)
);
CREATE INDEX device_grants_until ON device_grants(granted_until);
INSERT INTO device_grants (handshake, uuid, item_id, option, granted_from, granted_until)
    SELECT d.handshake, d.uuid, d.item_id, i.option, d.first_seen,
           LEAST(d.last_seen + h.offline_grace_secs, i.expires_at)
    FROM devices d JOIN items i ON i.id = d.item_id JOIN handshakes h ON h.code = d.handshake;

ALTER TABLE devices ADD COLUMN concurrent_since BIGINT;
UPDATE devices SET concurrent_since = concurrent_seen_at WHERE concurrent_seen_at IS NOT NULL;

CREATE TABLE concurrent_peaks (
    item_id TEXT COLLATE "C" NOT NULL,
    day     BIGINT NOT NULL,
    peak    BIGINT NOT NULL CHECK (peak >= 0),
    PRIMARY KEY (item_id, day)
);
