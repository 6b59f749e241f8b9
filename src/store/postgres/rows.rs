//! Reading items with their state (revocation, seats in use, codes) in one query shape shared by every
//! listing, so licenses and handshake codes always agree on what "used" means.

use sqlx::postgres::PgRow;
use sqlx::{PgConnection, Row};

use super::{TxResult, db};
use crate::store::{HandshakeRow, ItemRow, ItemState, StoreError, StoreResult};

/// Selects an item plus its state. Bind `now` as `$1`; callers append their WHERE/ORDER BY.
pub(super) const ITEM_STATE_SELECT: &str = "SELECT i.id, i.license_id, i.product, i.option, i.quota,
        i.active_period, i.domain, i.modules, i.revokes, i.valid_from, i.expires_at,
        (SELECT r.id FROM items r WHERE r.revokes = i.id ORDER BY r.id LIMIT 1) AS revoked_by,
        (SELECT COUNT(*) FROM devices d WHERE d.item_id = i.id AND d.expires_at > $1) AS active_devices,
        COALESCE((SELECT u.units FROM item_usage u WHERE u.item_id = i.id), 0::bigint) AS units_used,
        COALESCE((SELECT MAX(p.peak) FROM concurrent_peaks p
                  WHERE p.item_id = i.id AND p.day >= $1 / 86400 - 30), 0::bigint) AS window_peak,
        (SELECT string_agg(h.code, chr(31)) FROM handshake_items h WHERE h.item_id = i.id) AS handshakes
    FROM items i";

/// The same columns as [`ITEM_STATE_SELECT`] without the counts (seats, units, codes): what the device
/// path needs to decide, cheap at any fleet size. `now` is still bound first and ignored, so callers share
/// their WHERE/ORDER BY with the full select.
pub(super) const ITEM_SETTINGS_SELECT: &str =
    "SELECT i.id, i.license_id, i.product, i.option, i.quota,
        i.active_period, i.domain, i.modules, i.revokes, i.valid_from, i.expires_at,
        (SELECT r.id FROM items r WHERE r.revokes = i.id ORDER BY r.id LIMIT 1) AS revoked_by,
        0::bigint AS active_devices, 0::bigint AS units_used, 0::bigint AS window_peak,
        CAST(NULL AS TEXT) AS handshakes, $1 AS now_unused
    FROM items i";

pub(super) fn item_state(row: &PgRow) -> StoreResult<ItemState> {
    let modules: String = row.try_get("modules").map_err(db)?;
    let handshakes: Option<String> = row.try_get("handshakes").map_err(db)?;
    let mut handshakes: Vec<String> = handshakes
        .map(|s| s.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default();
    handshakes.sort();
    Ok(ItemState {
        item: ItemRow {
            id: row.try_get("id").map_err(db)?,
            license_id: row.try_get("license_id").map_err(db)?,
            product: row.try_get("product").map_err(db)?,
            option: row.try_get("option").map_err(db)?,
            quota: row.try_get("quota").map_err(db)?,
            active_period: row.try_get("active_period").map_err(db)?,
            domain: row.try_get("domain").map_err(db)?,
            modules: serde_json::from_str(&modules).unwrap_or_default(),
            revokes: row.try_get("revokes").map_err(db)?,
            valid_from: row.try_get("valid_from").map_err(db)?,
            expires_at: row.try_get("expires_at").map_err(db)?,
        },
        revoked_by: row.try_get("revoked_by").map_err(db)?,
        active_devices: row.try_get("active_devices").map_err(db)?,
        units_used: row.try_get("units_used").map_err(db)?,
        window_peak: row.try_get("window_peak").map_err(db)?,
        handshakes,
    })
}

pub(super) const HANDSHAKE_SELECT: &str =
    "SELECT code, name, refresh_interval_secs, offline_grace_secs,
        overuse_percent, password_hash, explicit_order, created_at, updated_at FROM handshakes";

pub(super) fn handshake(row: &PgRow) -> StoreResult<HandshakeRow> {
    Ok(HandshakeRow {
        code: row.try_get("code").map_err(db)?,
        name: row.try_get("name").map_err(db)?,
        refresh_interval_secs: row.try_get("refresh_interval_secs").map_err(db)?,
        offline_grace_secs: row.try_get("offline_grace_secs").map_err(db)?,
        overuse_percent: row.try_get("overuse_percent").map_err(db)?,
        password_hash: row.try_get("password_hash").map_err(db)?,
        explicit_order: row.try_get("explicit_order").map_err(db)?,
        created_at: row.try_get("created_at").map_err(db)?,
        updated_at: row.try_get("updated_at").map_err(db)?,
    })
}

pub(super) async fn insert_handshake(conn: &mut PgConnection, row: &HandshakeRow) -> TxResult<()> {
    sqlx::query(
        "INSERT INTO handshakes (code, name, refresh_interval_secs, offline_grace_secs, overuse_percent,
            password_hash, explicit_order, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&row.code)
    .bind(&row.name)
    .bind(row.refresh_interval_secs)
    .bind(row.offline_grace_secs)
    .bind(row.overuse_percent)
    .bind(&row.password_hash)
    .bind(row.explicit_order)
    .bind(row.created_at)
    .bind(row.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether the code exists, locking its row for the rest of the transaction when it does: changes to one
/// code (its items, positions, domains, settings) are applied one after the other across instances.
/// `FOR NO KEY UPDATE` still lets devices be seated through the code meanwhile.
pub(super) async fn lock_handshake(conn: &mut PgConnection, code: &str) -> TxResult<bool> {
    let found: Option<i32> =
        sqlx::query_scalar("SELECT 1 FROM handshakes WHERE code = $1 FOR NO KEY UPDATE")
            .bind(code)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// Appends items to a code's list (positions after the current last), refusing an item already bound.
pub(super) async fn bind_items(
    conn: &mut PgConnection,
    code: &str,
    item_ids: &[String],
    now: i64,
) -> TxResult<()> {
    for item_id in item_ids {
        let bound: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM handshake_items WHERE code = $1 AND item_id = $2",
        )
        .bind(code)
        .bind(item_id)
        .fetch_one(&mut *conn)
        .await?;
        if bound > 0 {
            return Err(StoreError::Conflict(format!(
                "item {item_id} is already bound to handshake code {code}"
            ))
            .into());
        }
        let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM items WHERE id = $1")
            .bind(item_id)
            .fetch_one(&mut *conn)
            .await?;
        if exists == 0 {
            return Err(StoreError::NotFound(format!("no license item {item_id}")).into());
        }
        sqlx::query(
            "INSERT INTO handshake_items (code, item_id, position)
             VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM handshake_items WHERE code = $1))",
        )
        .bind(code)
        .bind(item_id)
        .execute(&mut *conn)
        .await?;
    }
    touch_handshake(conn, code, now).await
}

pub(super) async fn touch_handshake(conn: &mut PgConnection, code: &str, now: i64) -> TxResult<()> {
    let done = sqlx::query("UPDATE handshakes SET updated_at = $1 WHERE code = $2")
        .bind(now)
        .bind(code)
        .execute(conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound(format!("no handshake code {code}")).into());
    }
    Ok(())
}
