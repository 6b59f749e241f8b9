-- ltsctl embedded store, schema 1. Times are Unix seconds (UTC); durations are seconds.

-- One row per setting of this LTS instance: lts_id (created once), and later the token-signing key.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Issuer public keys whose signatures this LTS accepts.
CREATE TABLE trusted_keys (
    key_id     TEXT PRIMARY KEY NOT NULL,
    name       TEXT,
    public_key BLOB NOT NULL,
    added_at   INTEGER NOT NULL
) STRICT;

-- Imported license files, kept verbatim so that they can be re-verified and exported.
CREATE TABLE licenses (
    id          TEXT PRIMARY KEY NOT NULL,
    licensee    TEXT NOT NULL,
    issued_at   INTEGER NOT NULL,
    lts_id      TEXT,
    key_id      TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    file        TEXT NOT NULL,
    imported_at INTEGER NOT NULL
) STRICT;

CREATE TABLE items (
    id            TEXT PRIMARY KEY NOT NULL,
    license_id    TEXT NOT NULL REFERENCES licenses(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    product       TEXT NOT NULL,
    option        TEXT NOT NULL,
    quota         INTEGER,
    active_period TEXT,
    domain        TEXT,
    modules       TEXT NOT NULL DEFAULT '[]',
    revokes       TEXT,
    valid_from    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX items_license ON items(license_id);
CREATE INDEX items_revokes ON items(revokes) WHERE revokes IS NOT NULL;
CREATE INDEX items_expires ON items(expires_at);

-- Handshake codes: the stable key a client application is built with.
CREATE TABLE handshakes (
    code                  TEXT PRIMARY KEY NOT NULL,
    name                  TEXT,
    refresh_interval_secs INTEGER,           -- NULL: the item's default
    offline_grace_secs    INTEGER NOT NULL,
    overuse_percent       INTEGER,           -- NULL: the option's default
    password_hash         TEXT,              -- Argon2id PHC string; NULL: no session password
    explicit_order        INTEGER NOT NULL DEFAULT 0, -- 1: items consumed by position; 0: soonest expiry first
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
) STRICT;

-- The ordered list of items a code draws on.
CREATE TABLE handshake_items (
    code     TEXT NOT NULL REFERENCES handshakes(code) ON DELETE CASCADE,
    item_id  TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (code, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX handshake_items_item ON handshake_items(item_id);

CREATE TABLE handshake_domains (
    code   TEXT NOT NULL REFERENCES handshakes(code) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    PRIMARY KEY (code, domain)
) STRICT, WITHOUT ROWID;

-- Seated devices: one row per (code, device), holding a seat on one item until expires_at.
CREATE TABLE devices (
    handshake  TEXT NOT NULL REFERENCES handshakes(code) ON DELETE CASCADE,
    uuid       TEXT NOT NULL,
    item_id    TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    platform   TEXT NOT NULL,
    domain     TEXT,
    name       TEXT,
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (handshake, uuid)
) STRICT;
CREATE INDEX devices_item ON devices(item_id, expires_at);
CREATE INDEX devices_uuid ON devices(uuid);
CREATE INDEX devices_last_seen ON devices(last_seen);
CREATE INDEX devices_expires ON devices(expires_at);
