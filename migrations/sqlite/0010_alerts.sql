-- Schema 10: alerts. What has fired (one open row per condition: a crossing fires once and re-arms when it
-- clears), where alerts go (webhooks, e-mail recipients), the thresholds, the outbox of deliveries written
-- in the same transaction as the alert, each delivery attempt, and the quota refusals per code and minute
-- that every instance adds to (the refusal alert counts them across instances).

-- `key` names the condition (`quota:ITEM:80`, `expiry:ITEM:7`, `expired:ITEM`, `refusals:CODE`); at most
-- one open (not cleared) row per key, so two evaluations of the same crossing insert it once.
CREATE TABLE alerts (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL,
    type       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    threshold  INTEGER NOT NULL,
    fired_at   INTEGER NOT NULL,
    cleared_at INTEGER,
    -- Whether deliveries were queued (a crossing passed by a more severe one in the same round is
    -- recorded, not sent).
    notified   INTEGER NOT NULL,
    message    TEXT NOT NULL,
    data       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX alerts_open ON alerts(key) WHERE cleared_at IS NULL;
CREATE INDEX alerts_fired ON alerts(fired_at);

-- The signing secret is kept in clear: the Standard Webhooks signature is an HMAC, which needs it. It is
-- shown once, at creation, and never listed, logged or exported by the admin API.
CREATE TABLE webhooks (
    id            TEXT PRIMARY KEY,
    url           TEXT NOT NULL,
    events        TEXT NOT NULL,
    secret        TEXT NOT NULL,
    allow_private INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE alert_emails (
    address    TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL
) STRICT;

-- `scope` is `*` (every code) or a handshake code; NULL columns take the global (or default) value.
CREATE TABLE alert_settings (
    scope          TEXT PRIMARY KEY,
    quota_percents TEXT,
    expiry_days    TEXT,
    refusals       INTEGER
) STRICT;

-- `state`: pending, delivered or failed (given up after 24 h). `lease_until`: a delivery in progress
-- until then (a process that dies mid-delivery leaves it to be retried after that).
CREATE TABLE alert_outbox (
    id              INTEGER PRIMARY KEY,
    alert_id        INTEGER,
    channel         TEXT NOT NULL,
    target          TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    msg_id          TEXT NOT NULL,
    payload         TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    state           TEXT NOT NULL,
    lease_until     INTEGER,
    last_status     INTEGER,
    last_error      TEXT,
    delivered_at    INTEGER
) STRICT;
CREATE INDEX alert_outbox_due ON alert_outbox(next_attempt_at) WHERE state = 'pending';
CREATE INDEX alert_outbox_alert ON alert_outbox(alert_id);

CREATE TABLE alert_attempts (
    id          INTEGER PRIMARY KEY,
    outbox_id   INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    status_code INTEGER,
    error       TEXT,
    ms          INTEGER NOT NULL
) STRICT;
CREATE INDEX alert_attempts_outbox ON alert_attempts(outbox_id);

CREATE TABLE alert_refusals (
    code   TEXT NOT NULL,
    minute INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (code, minute)
) STRICT;
