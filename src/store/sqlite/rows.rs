//! Reading items with their state (revocation, seats in use, codes) in one query shape shared by every
//! listing, so licenses and handshake codes always agree on what "used" means.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::db;
use crate::store::{HandshakeRow, ItemRow, ItemState, StoreResult};

/// Selects an item plus its state. Bind `now` as the first parameter; callers append their WHERE/ORDER BY.
pub(super) const ITEM_STATE_SELECT: &str = "SELECT i.id, i.license_id, i.product, i.option, i.quota,
        i.active_period, i.domain, i.modules, i.revokes, i.valid_from, i.expires_at,
        (SELECT r.id FROM items r WHERE r.revokes = i.id ORDER BY r.id LIMIT 1) AS revoked_by,
        (SELECT COUNT(*) FROM devices d WHERE d.item_id = i.id AND d.expires_at > ?1) AS active_devices,
        COALESCE((SELECT u.units FROM item_usage u WHERE u.item_id = i.id), 0) AS units_used,
        COALESCE((SELECT MAX(p.peak) FROM concurrent_peaks p
                  WHERE p.item_id = i.id AND p.day >= ?1 / 86400 - 30), 0) AS window_peak,
        (SELECT group_concat(h.code, char(31)) FROM handshake_items h WHERE h.item_id = i.id) AS handshakes
    FROM items i";

/// The same columns as [`ITEM_STATE_SELECT`] without the counts (seats, units, codes): what the device
/// path needs to decide, cheap at any fleet size. `now` is still bound first and ignored, so callers share
/// their WHERE/ORDER BY with the full select.
pub(super) const ITEM_SETTINGS_SELECT: &str =
    "SELECT i.id, i.license_id, i.product, i.option, i.quota,
        i.active_period, i.domain, i.modules, i.revokes, i.valid_from, i.expires_at,
        (SELECT r.id FROM items r WHERE r.revokes = i.id ORDER BY r.id LIMIT 1) AS revoked_by,
        0 AS active_devices, 0 AS units_used, 0 AS window_peak, CAST(NULL AS TEXT) AS handshakes,
        ?1 AS now_unused
    FROM items i";

pub(super) fn item_state(row: &SqliteRow) -> StoreResult<ItemState> {
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

pub(super) fn handshake(row: &SqliteRow) -> StoreResult<HandshakeRow> {
    Ok(HandshakeRow {
        code: row.try_get("code").map_err(db)?,
        name: row.try_get("name").map_err(db)?,
        refresh_interval_secs: row.try_get("refresh_interval_secs").map_err(db)?,
        offline_grace_secs: row.try_get("offline_grace_secs").map_err(db)?,
        overuse_percent: row.try_get("overuse_percent").map_err(db)?,
        password_hash: row.try_get("password_hash").map_err(db)?,
        explicit_order: row.try_get::<i64, _>("explicit_order").map_err(db)? != 0,
        created_at: row.try_get("created_at").map_err(db)?,
        updated_at: row.try_get("updated_at").map_err(db)?,
    })
}

pub(super) async fn insert_handshake(
    conn: &mut SqliteConnection,
    row: &HandshakeRow,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO handshakes (code, name, refresh_interval_secs, offline_grace_secs, overuse_percent,
            password_hash, explicit_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&row.code)
    .bind(&row.name)
    .bind(row.refresh_interval_secs)
    .bind(row.offline_grace_secs)
    .bind(row.overuse_percent)
    .bind(&row.password_hash)
    .bind(row.explicit_order as i64)
    .bind(row.created_at)
    .bind(row.updated_at)
    .execute(conn)
    .await
    .map_err(db)?;
    Ok(())
}

pub(super) async fn handshake_exists(conn: &mut SqliteConnection, code: &str) -> StoreResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM handshakes WHERE code = ?")
        .bind(code)
        .fetch_one(conn)
        .await
        .map_err(db)?;
    Ok(n > 0)
}

/// Appends items to a code's list (positions after the current last), refusing an item already bound.
pub(super) async fn bind_items(
    conn: &mut SqliteConnection,
    code: &str,
    item_ids: &[String],
    now: i64,
) -> StoreResult<()> {
    use crate::store::StoreError;
    for item_id in item_ids {
        let bound: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM handshake_items WHERE code = ? AND item_id = ?",
        )
        .bind(code)
        .bind(item_id)
        .fetch_one(&mut *conn)
        .await
        .map_err(db)?;
        if bound > 0 {
            return Err(StoreError::Conflict(format!(
                "item {item_id} is already bound to handshake code {code}"
            )));
        }
        let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM items WHERE id = ?")
            .bind(item_id)
            .fetch_one(&mut *conn)
            .await
            .map_err(db)?;
        if exists == 0 {
            return Err(StoreError::NotFound(format!("no license item {item_id}")));
        }
        sqlx::query(
            "INSERT INTO handshake_items (code, item_id, position)
             VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM handshake_items WHERE code = ?1))",
        )
        .bind(code)
        .bind(item_id)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    }
    touch_handshake(conn, code, now).await
}

pub(super) async fn touch_handshake(
    conn: &mut SqliteConnection,
    code: &str,
    now: i64,
) -> StoreResult<()> {
    let done = sqlx::query("UPDATE handshakes SET updated_at = ? WHERE code = ?")
        .bind(now)
        .bind(code)
        .execute(conn)
        .await
        .map_err(db)?;
    if done.rows_affected() == 0 {
        return Err(crate::store::StoreError::NotFound(format!(
            "no handshake code {code}"
        )));
    }
    Ok(())
}
