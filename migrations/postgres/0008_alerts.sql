-- Schema 8 (the embedded store's schema 10): alerts. What has fired (one open row per condition: a crossing fires once and re-arms when it
-- clears), where alerts go (webhooks, e-mail recipients), the thresholds, the outbox of deliveries written
-- in the same transaction as the alert, each delivery attempt, and the quota refusals per code and minute
-- that every instance adds to (the refusal alert counts them across instances).

-- `key` names the condition (`quota:ITEM:80`, `expiry:ITEM:7`, `expired:ITEM`, `refusals:CODE`); at most
-- one open (not cleared) row per key, so two evaluations of the same crossing insert it once.
CREATE TABLE alerts (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key        TEXT COLLATE "C" NOT NULL,
    type       TEXT COLLATE "C" NOT NULL,
    subject    TEXT COLLATE "C" NOT NULL,
    threshold  BIGINT NOT NULL,
    fired_at   BIGINT NOT NULL,
    cleared_at BIGINT,
    -- Whether deliveries were queued (a crossing passed by a more severe one in the same round is
    -- recorded, not sent).
    notified   BOOLEAN NOT NULL,
    message    TEXT COLLATE "C" NOT NULL,
    data       TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX alerts_open ON alerts(key) WHERE cleared_at IS NULL;
CREATE INDEX alerts_fired ON alerts(fired_at);

-- The signing secret is kept in clear: the Standard Webhooks signature is an HMAC, which needs it. It is
-- shown once, at creation, and never listed, logged or exported by the admin API.
CREATE TABLE webhooks (
    id            TEXT COLLATE "C" PRIMARY KEY,
    url           TEXT COLLATE "C" NOT NULL,
    events        TEXT COLLATE "C" NOT NULL,
    secret        TEXT COLLATE "C" NOT NULL,
    allow_private BOOLEAN NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE alert_emails (
    address    TEXT COLLATE "C" PRIMARY KEY,
    created_at BIGINT NOT NULL
);

-- `scope` is `*` (every code) or a handshake code; NULL columns take the global (or default) value.
CREATE TABLE alert_settings (
    scope          TEXT COLLATE "C" PRIMARY KEY,
    quota_percents TEXT COLLATE "C",
    expiry_days    TEXT COLLATE "C",
    refusals       BIGINT
);

-- `state`: pending, delivered or failed (given up after 24 h). `lease_until`: a delivery in progress
-- until then (a process that dies mid-delivery leaves it to be retried after that).
CREATE TABLE alert_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id        BIGINT,
    channel         TEXT COLLATE "C" NOT NULL,
    target          TEXT COLLATE "C" NOT NULL,
    event_type      TEXT COLLATE "C" NOT NULL,
    msg_id          TEXT COLLATE "C" NOT NULL,
    payload         TEXT COLLATE "C" NOT NULL,
    created_at      BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    attempts        BIGINT NOT NULL,
    state           TEXT COLLATE "C" NOT NULL,
    lease_until     BIGINT,
    last_status     BIGINT,
    last_error      TEXT COLLATE "C",
    delivered_at    BIGINT
);
CREATE INDEX alert_outbox_due ON alert_outbox(next_attempt_at) WHERE state = 'pending';
CREATE INDEX alert_outbox_alert ON alert_outbox(alert_id);

CREATE TABLE alert_attempts (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id   BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    status_code BIGINT,
    error       TEXT COLLATE "C",
    ms          BIGINT NOT NULL
);
CREATE INDEX alert_attempts_outbox ON alert_attempts(outbox_id);

CREATE TABLE alert_refusals (
    code   TEXT COLLATE "C" NOT NULL,
    minute BIGINT NOT NULL,
    n      BIGINT NOT NULL,
    PRIMARY KEY (code, minute)
);
