-- Schema 7 (the embedded store's schema 9): the client address of each audit entry made through the admin
-- API (behind a trusted proxy, the address it forwarded); NULL for local access and older entries.
ALTER TABLE audit_log ADD COLUMN client TEXT;
