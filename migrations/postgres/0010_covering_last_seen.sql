-- Schema 10: the last-seen index carries every column the device filters test (as SQLite's schema 12).

-- Listings, counts and bulk removals filter by code, item, state (`expires_at`) and check-out
-- (`checked_out_until`) as well as idle time; with those columns included, a filtered count or a search
-- for the few checked-out devices can be answered from the index instead of every device's row.
DROP INDEX IF EXISTS devices_last_seen;
CREATE INDEX devices_last_seen ON devices(last_seen, handshake, uuid)
    INCLUDE (item_id, expires_at, checked_out_until);
