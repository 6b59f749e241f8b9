//! Statements that both dialects accept, written once. sqlx binds `$N` by number on SQLite as on
//! PostgreSQL, and `CAST(... AS BIGINT)` gives PostgreSQL's `SUM(bigint)` (a `numeric`) back as a 64-bit
//! integer on both (an overflowing sum is an error on both, never a wrapped number).

/// Live seats per item of license `$1` at time `$2`, by item id.
pub(crate) const LICENSE_LIVE_SEATS: &str = "SELECT d.item_id, COUNT(*) FROM devices d
     JOIN items i ON i.id = d.item_id
     WHERE i.license_id = $1 AND d.expires_at > $2
     GROUP BY d.item_id ORDER BY d.item_id";

/// Bindings (code, item) of the items of license `$1`, by code then item.
pub(crate) const LICENSE_BINDINGS: &str = "SELECT hi.code, hi.item_id FROM handshake_items hi
     JOIN items i ON i.id = hi.item_id
     WHERE i.license_id = $1 ORDER BY hi.code, hi.item_id";

/// Units consumed on the items of license `$1`, and the usage reports recorded on them.
pub(crate) const LICENSE_LEDGER: &str = "SELECT
       CAST(COALESCE((SELECT SUM(u.units) FROM item_usage u JOIN items i ON i.id = u.item_id
                      WHERE i.license_id = $1), 0) AS BIGINT),
       (SELECT COUNT(*) FROM usage_reports r JOIN items i ON i.id = r.item_id WHERE i.license_id = $1)";

/// Live seats on item `$1` at time `$2`.
pub(crate) const ITEM_LIVE_SEATS: &str =
    "SELECT COUNT(*) FROM devices WHERE item_id = $1 AND expires_at > $2";

/// The new terms of item `$1` (which stays in license `$2`): everything but its id and license.
pub(crate) const UPDATE_ITEM_TERMS: &str =
    "UPDATE items SET position = $3, product = $4, option = $5,
       quota = $6, active_period = $7, domain = $8, modules = $9, revokes = $10, valid_from = $11,
       expires_at = $12
     WHERE id = $1 AND license_id = $2";

/// A later issue's license row, in place of the stored one (`$1` is the id).
pub(crate) const UPDATE_LICENSE_ISSUE: &str = "UPDATE licenses SET licensee = $2, issued_at = $3,
       lts_id = $4, key_id = $5, fingerprint = $6, file = $7, imported_at = $8
     WHERE id = $1";

/// Records that device `$2` through code `$1` was given a token on item `$3` (option `$4`) at `$5`
/// lasting until `$6`: its grant begins at its first such token and ends with its latest.
pub(crate) const UPSERT_GRANT: &str = "INSERT INTO device_grants
       (handshake, uuid, item_id, option, granted_from, granted_until)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (handshake, uuid, item_id) DO UPDATE SET option = excluded.option,
       granted_until = CASE WHEN excluded.granted_until > device_grants.granted_until
                            THEN excluded.granted_until ELSE device_grants.granted_until END";

/// The grants of device `$2` through code `$1`, oldest first.
pub(crate) const DEVICE_GRANTS: &str = "SELECT item_id, option, granted_from, granted_until
     FROM device_grants WHERE handshake = $1 AND uuid = $2 ORDER BY granted_from, item_id";

/// Grants that ran out before `$1`: late usage is no longer accepted for them.
pub(crate) const PRUNE_GRANTS: &str = "DELETE FROM device_grants WHERE granted_until < $1";

/// The concurrent window of item `$1` since `$4`, seen by device `$3` through code `$2`: how many
/// devices are in it, whether this one is, and how many entered it before this one did (the window
/// admits devices in the order they entered, so a burst beyond the limit drains at the next renewals).
pub(crate) const CONCURRENT_WINDOW: &str = "SELECT
       (SELECT COUNT(*) FROM devices WHERE item_id = $1 AND concurrent_seen_at > $4),
       (SELECT COUNT(*) FROM devices WHERE item_id = $1 AND concurrent_seen_at > $4
          AND handshake = $2 AND uuid = $3),
       (SELECT COUNT(*) FROM devices w, devices m
          WHERE m.handshake = $2 AND m.uuid = $3 AND m.item_id = $1 AND m.concurrent_seen_at > $4
            AND w.item_id = $1 AND w.concurrent_seen_at > $4
            AND (w.concurrent_since < m.concurrent_since
                 OR (w.concurrent_since = m.concurrent_since
                     AND (w.handshake < m.handshake OR (w.handshake = m.handshake AND w.uuid < m.uuid)))))";

/// Devices in the concurrent window of item `$1` since `$2`.
pub(crate) const CONCURRENT_ACTIVE: &str =
    "SELECT COUNT(*) FROM devices WHERE item_id = $1 AND concurrent_seen_at > $2";

/// Raises item `$1`'s recorded peak of day `$2` to `$3` if that is higher.
pub(crate) const RAISE_PEAK: &str =
    "INSERT INTO concurrent_peaks (item_id, day, peak) VALUES ($1, $2, $3)
     ON CONFLICT (item_id, day) DO UPDATE SET
       peak = CASE WHEN excluded.peak > concurrent_peaks.peak THEN excluded.peak
                   ELSE concurrent_peaks.peak END";

/// An upload's refresh of device `$5`'s seat through code `$4` on item `$6` at time `$1`: its removal
/// time becomes `$2`; with `$3` (a per-concurrent-device item, window start `$7`) it enters the window,
/// keeping its place if it was in it already. Only a live seat on that item is refreshed.
pub(crate) const REFRESH_SEAT: &str = "UPDATE devices SET last_seen = $1, expires_at = $2,
       concurrent_since = CASE WHEN NOT $3 THEN concurrent_since
                               WHEN concurrent_seen_at > $7 THEN concurrent_since ELSE $1 END,
       concurrent_seen_at = CASE WHEN $3 THEN $1 ELSE concurrent_seen_at END
     WHERE handshake = $4 AND uuid = $5 AND item_id = $6 AND expires_at > $1";

/// Adds `$2` units to item `$1`'s lifetime consumption.
pub(crate) const ADD_UNITS: &str = "INSERT INTO item_usage (item_id, units) VALUES ($1, $2)
     ON CONFLICT (item_id) DO UPDATE SET units = item_usage.units + excluded.units";

/// The highest concurrent-window peak of item `$1` on days from `$2` (a Unix day number) on.
pub(crate) const CONCURRENT_PEAK: &str = "SELECT CAST(COALESCE(MAX(peak), 0) AS BIGINT)
     FROM concurrent_peaks WHERE item_id = $1 AND day >= $2";
