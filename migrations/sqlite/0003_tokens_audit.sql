-- Schema 3: admin API tokens and the audit log.

-- Bearer tokens of the admin API. Only a SHA-256 of the secret part is kept; the token's public id
-- finds the row, then the hashes are compared in constant time.
CREATE TABLE tokens (
    name        TEXT PRIMARY KEY NOT NULL,
    token_id    TEXT NOT NULL UNIQUE,
    secret_hash BLOB NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER,
    revoked_at  INTEGER,
    last_used_at INTEGER
) STRICT;

-- Every administrative change: who, when, what, on what, and how it ended.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     INTEGER NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    result TEXT NOT NULL,
    detail TEXT
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor, at);
