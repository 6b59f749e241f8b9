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
