-- ltsctl PostgreSQL store, schema 1: the same tables, constraints and indexes as the embedded store's
-- migrations 0001-0004 together. Times are Unix seconds (UTC, BIGINT); durations are seconds.
--
-- Every text column uses the "C" collation, so ORDER BY and keyset pagination compare bytes exactly as SQLite
-- does, whatever locale the database was created with.

-- One row per setting of this LTS instance: lts_id (created once), the token-signing key, ...
CREATE TABLE meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);

-- Issuer public keys whose signatures this LTS accepts.
CREATE TABLE trusted_keys (
    key_id     TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C",
    public_key BYTEA NOT NULL,
    added_at   BIGINT NOT NULL
);

-- Imported license files, kept verbatim so that they can be re-verified and exported.
CREATE TABLE licenses (
    id          TEXT COLLATE "C" PRIMARY KEY,
    licensee    TEXT COLLATE "C" NOT NULL,
    issued_at   BIGINT NOT NULL,
    lts_id      TEXT COLLATE "C",
    key_id      TEXT COLLATE "C" NOT NULL,
    fingerprint TEXT COLLATE "C" NOT NULL,
    file        TEXT COLLATE "C" NOT NULL,
    imported_at BIGINT NOT NULL
);

CREATE TABLE items (
    id            TEXT COLLATE "C" PRIMARY KEY,
    license_id    TEXT COLLATE "C" NOT NULL REFERENCES licenses(id) ON DELETE CASCADE,
    position      BIGINT NOT NULL,
    product       TEXT COLLATE "C" NOT NULL,
    option        TEXT COLLATE "C" NOT NULL,
    quota         BIGINT,
    active_period TEXT COLLATE "C",
    domain        TEXT COLLATE "C",
    modules       TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    revokes       TEXT COLLATE "C",
    valid_from    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX items_license ON items(license_id);
CREATE INDEX items_revokes ON items(revokes) WHERE revokes IS NOT NULL;
CREATE INDEX items_expires ON items(expires_at);

-- Handshake codes: the stable key a client application is built with.
CREATE TABLE handshakes (
    code                  TEXT COLLATE "C" PRIMARY KEY,
    name                  TEXT COLLATE "C",
    refresh_interval_secs BIGINT,                          -- NULL: the item's default
    offline_grace_secs    BIGINT NOT NULL,
    overuse_percent       BIGINT,                          -- NULL: the option's default
    password_hash         TEXT COLLATE "C",                -- Argon2id PHC string; NULL: no session password
    explicit_order        BOOLEAN NOT NULL DEFAULT FALSE,  -- items consumed by position, else soonest expiry
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL
);

-- The ordered list of items a code draws on.
CREATE TABLE handshake_items (
    code     TEXT COLLATE "C" NOT NULL REFERENCES handshakes(code) ON DELETE CASCADE,
    item_id  TEXT COLLATE "C" NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    PRIMARY KEY (code, item_id)
);
CREATE INDEX handshake_items_item ON handshake_items(item_id);

CREATE TABLE handshake_domains (
    code   TEXT COLLATE "C" NOT NULL REFERENCES handshakes(code) ON DELETE CASCADE,
    domain TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (code, domain)
);

-- Seated devices: one row per (code, device), holding a seat on one item until expires_at.
CREATE TABLE devices (
    handshake          TEXT COLLATE "C" NOT NULL REFERENCES handshakes(code) ON DELETE CASCADE,
    uuid               TEXT COLLATE "C" NOT NULL,
    item_id            TEXT COLLATE "C" NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    platform           TEXT COLLATE "C" NOT NULL,
    domain             TEXT COLLATE "C",
    name               TEXT COLLATE "C",
    first_seen         BIGINT NOT NULL,
    last_seen          BIGINT NOT NULL,
    expires_at         BIGINT NOT NULL,
    -- When the device last reported usage: a per-concurrent-device seat counts only inside the window after it.
    concurrent_seen_at BIGINT,
    PRIMARY KEY (handshake, uuid)
);
CREATE INDEX devices_item ON devices(item_id, expires_at);
CREATE INDEX devices_expires ON devices(expires_at);
CREATE INDEX devices_concurrent ON devices(item_id, concurrent_seen_at) WHERE concurrent_seen_at IS NOT NULL;
-- Keyset pagination by any sort key (flat memory at any size).
CREATE INDEX devices_last_seen ON devices(last_seen, handshake, uuid);
CREATE INDEX devices_first_seen ON devices(first_seen, handshake, uuid);
CREATE INDEX devices_uuid_handshake ON devices(uuid, handshake);

-- One row per client usage report; the report id the device chose makes its uploads idempotent (scoped to
-- the device and code: two devices may pick the same id).
CREATE TABLE usage_reports (
    rid         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT COLLATE "C" NOT NULL,
    handshake   TEXT COLLATE "C" NOT NULL,
    uuid        TEXT COLLATE "C" NOT NULL,
    item_id     TEXT COLLATE "C" NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    scans       BIGINT NOT NULL,
    pages       BIGINT NOT NULL,
    UNIQUE (handshake, uuid, id)
);
CREATE INDEX usage_reports_item_at ON usage_reports(item_id, at);
CREATE INDEX usage_reports_handshake_at ON usage_reports(handshake, at);
CREATE INDEX usage_reports_uuid ON usage_reports(uuid);

-- Counts per barcode symbology (kind 'scan') or page module (kind 'page') of each report.
CREATE TABLE usage_counts (
    report_id BIGINT NOT NULL REFERENCES usage_reports(rid) ON DELETE CASCADE,
    kind      TEXT COLLATE "C" NOT NULL CHECK (kind IN ('scan', 'page')),
    name      TEXT COLLATE "C" NOT NULL,
    count     BIGINT NOT NULL CHECK (count >= 0),
    PRIMARY KEY (report_id, kind, name)
);
CREATE INDEX usage_counts_kind_name ON usage_counts(kind, name);

-- Units consumed on an item over its validity (scans for per-scan, pages for per-page), kept in step with
-- usage_reports in the same transaction so quota checks need no aggregate query.
CREATE TABLE item_usage (
    item_id TEXT COLLATE "C" PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    units   BIGINT NOT NULL DEFAULT 0
);

-- Each run of the sweeper: when, what started it, how many devices it removed.
CREATE TABLE sweeps (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    removed     BIGINT NOT NULL,
    trigger     TEXT COLLATE "C" NOT NULL
);

-- Bearer tokens of the admin API. Only a SHA-256 of the secret part is kept; the token's public id
-- finds the row, then the hashes are compared in constant time.
CREATE TABLE tokens (
    name         TEXT COLLATE "C" PRIMARY KEY,
    token_id     TEXT COLLATE "C" NOT NULL UNIQUE,
    secret_hash  BYTEA NOT NULL,
    role         TEXT COLLATE "C" NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT,
    revoked_at   BIGINT,
    last_used_at BIGINT
);

-- Every administrative change: who, when, what, on what, and how it ended.
CREATE TABLE audit_log (
    id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at     BIGINT NOT NULL,
    actor  TEXT COLLATE "C" NOT NULL,
    action TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C" NOT NULL,
    result TEXT COLLATE "C" NOT NULL,
    detail TEXT COLLATE "C"
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor, at);
