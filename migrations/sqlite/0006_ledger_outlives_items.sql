-- Schema 6: the usage ledger belongs to item ids, not to the rows of `items`. Removing a license (or an
-- item, or a code) used to delete the item's usage reports and its consumed units with it (ON DELETE
-- CASCADE), so removing and re-importing a file reset an exhausted item to zero. The ledger tables now
-- name items by id without a foreign key: consumption and history outlive the item and count again when
-- the same item id comes back (a re-import, or a renewal that re-issues the id).
--
-- SQLite cannot drop a foreign key in place: each table is rebuilt. `usage_counts` refers to
-- `usage_reports`, so both new tables are built and filled before the old ones are dropped (children
-- first, so no cascade runs), and renaming the new `usage_reports` rewrites the reference of the new
-- `usage_counts` to it.

CREATE TABLE usage_reports_v6 (
    rid         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    handshake   TEXT NOT NULL,
    uuid        TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    at          INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    scans       INTEGER NOT NULL,
    pages       INTEGER NOT NULL,
    UNIQUE (handshake, uuid, id)
) STRICT;
INSERT INTO usage_reports_v6 (rid, id, handshake, uuid, item_id, at, received_at, scans, pages)
    SELECT rid, id, handshake, uuid, item_id, at, received_at, scans, pages FROM usage_reports;

CREATE TABLE usage_counts_v6 (
    report_id INTEGER NOT NULL REFERENCES usage_reports_v6(rid) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('scan', 'page')),
    name      TEXT NOT NULL,
    count     INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (report_id, kind, name)
) STRICT, WITHOUT ROWID;
INSERT INTO usage_counts_v6 (report_id, kind, name, count)
    SELECT report_id, kind, name, count FROM usage_counts;

DROP TABLE usage_counts;
DROP TABLE usage_reports;
ALTER TABLE usage_reports_v6 RENAME TO usage_reports;
ALTER TABLE usage_counts_v6 RENAME TO usage_counts;
CREATE INDEX usage_reports_item_at ON usage_reports(item_id, at);
CREATE INDEX usage_reports_handshake_at ON usage_reports(handshake, at);
CREATE INDEX usage_reports_uuid ON usage_reports(uuid);
CREATE INDEX usage_counts_kind_name ON usage_counts(kind, name);

-- Units consumed per item id over its lifetime. The sum is checked: SQLite turns an overflowing integer
-- sum into a REAL, which a STRICT INTEGER column refuses, so a total can fail but never wrap.
CREATE TABLE item_usage_v6 (
    item_id TEXT PRIMARY KEY NOT NULL,
    units   INTEGER NOT NULL DEFAULT 0 CHECK (units >= 0)
) STRICT, WITHOUT ROWID;
INSERT INTO item_usage_v6 (item_id, units) SELECT item_id, units FROM item_usage;
DROP TABLE item_usage;
ALTER TABLE item_usage_v6 RENAME TO item_usage;
