-- Schema 2: usage reports, per-item usage totals, concurrent-device windows, sweeps.

-- When the device last reported usage: a per-concurrent-device seat counts only inside the window after it.
ALTER TABLE devices ADD COLUMN concurrent_seen_at INTEGER;
CREATE INDEX devices_concurrent ON devices(item_id, concurrent_seen_at) WHERE concurrent_seen_at IS NOT NULL;

-- One row per client usage report; the report id the device chose makes its uploads idempotent (scoped to
-- the device and code: two devices may pick the same id).
CREATE TABLE usage_reports (
    rid         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    handshake   TEXT NOT NULL,
    uuid        TEXT NOT NULL,
    item_id     TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    scans       INTEGER NOT NULL,
    pages       INTEGER NOT NULL,
    UNIQUE (handshake, uuid, id)
) STRICT;
CREATE INDEX usage_reports_item_at ON usage_reports(item_id, at);
CREATE INDEX usage_reports_handshake_at ON usage_reports(handshake, at);
CREATE INDEX usage_reports_uuid ON usage_reports(uuid);

-- Counts per barcode symbology (kind 'scan') or page module (kind 'page') of each report.
CREATE TABLE usage_counts (
    report_id INTEGER NOT NULL REFERENCES usage_reports(rid) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('scan', 'page')),
    name      TEXT NOT NULL,
    count     INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (report_id, kind, name)
) STRICT, WITHOUT ROWID;

-- Units consumed on an item over its validity (scans for per-scan, pages for per-page), kept in step with
-- usage_reports in the same transaction so quota checks need no aggregate query.
CREATE TABLE item_usage (
    item_id TEXT PRIMARY KEY NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    units   INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- Each run of the sweeper: when, what started it, how many devices it removed.
CREATE TABLE sweeps (
    id          INTEGER PRIMARY KEY,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    removed     INTEGER NOT NULL,
    trigger     TEXT NOT NULL
) STRICT;
