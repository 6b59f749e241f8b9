-- Schema 4: indexes for listing devices by any sort key with keyset pagination (flat memory at any size).
DROP INDEX IF EXISTS devices_last_seen;
CREATE INDEX devices_last_seen ON devices(last_seen, handshake, uuid);
CREATE INDEX devices_first_seen ON devices(first_seen, handshake, uuid);
CREATE INDEX devices_uuid_handshake ON devices(uuid, handshake);
DROP INDEX IF EXISTS devices_uuid;
CREATE INDEX usage_counts_kind_name ON usage_counts(kind, name);
