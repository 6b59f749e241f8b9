-- Schema 9: sessions of the web dashboard (`/ui`).

-- A signed-in browser. The cookie holds a random id; only its SHA-256 is kept, so a copy of the database
-- opens no session. A session lasts until `expires_at`, its sign-out, or its token's revocation or expiry
-- (checked on every request through the join on `tokens`).
CREATE TABLE ui_sessions (
    id_hash    BYTEA PRIMARY KEY,
    token_id   TEXT COLLATE "C" NOT NULL REFERENCES tokens(token_id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX ui_sessions_expires_at ON ui_sessions(expires_at);
CREATE INDEX ui_sessions_token_id ON ui_sessions(token_id);
