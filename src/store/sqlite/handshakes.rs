//! Handshake codes, their ordered items and their domain bindings in the embedded store.

use async_trait::async_trait;

use super::rows::{self, HANDSHAKE_SELECT, ITEM_SETTINGS_SELECT, ITEM_STATE_SELECT};
use super::{SqliteStore, db};
use crate::store::{
    HandshakePatch, HandshakeRecord, HandshakeRow, HandshakeStore, StoreError, StoreResult,
};

impl SqliteStore {
    /// The code with its items and domains; `with_counts` adds the seat and unit counts the admin views
    /// show (the device path never reads them, and they cost a scan of the code's devices).
    async fn handshake_record(
        &self,
        row: HandshakeRow,
        now: i64,
        with_counts: bool,
    ) -> StoreResult<HandshakeRecord> {
        // Consumption order: by hand-set position, or soonest expiry first (ties by id, for stability).
        let order = if row.explicit_order {
            "ORDER BY hi.position, i.id"
        } else {
            "ORDER BY i.expires_at, i.id"
        };
        let select = if with_counts {
            ITEM_STATE_SELECT
        } else {
            ITEM_SETTINGS_SELECT
        };
        let sql = format!(
            "{select} JOIN handshake_items hi ON hi.item_id = i.id WHERE hi.code = ?2 {order}"
        );
        let items = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(now)
            .bind(&row.code)
            .fetch_all(self.pool())
            .await
            .map_err(db)?
            .iter()
            .map(rows::item_state)
            .collect::<StoreResult<Vec<_>>>()?;
        let domains: Vec<String> = sqlx::query_scalar(
            "SELECT domain FROM handshake_domains WHERE code = ? ORDER BY domain",
        )
        .bind(&row.code)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let active_devices: i64 = if !with_counts {
            0
        } else {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM devices WHERE handshake = ? AND expires_at > ?",
            )
            .bind(&row.code)
            .bind(now)
            .fetch_one(self.pool())
            .await
            .map_err(db)?
        };
        Ok(HandshakeRecord {
            handshake: row,
            items,
            domains,
            active_devices,
        })
    }

    async fn handshake_by_code(
        &self,
        code: &str,
        now: i64,
        with_counts: bool,
    ) -> StoreResult<Option<HandshakeRecord>> {
        let sql = format!("{HANDSHAKE_SELECT} WHERE code = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(code)
            .fetch_optional(self.pool())
            .await
            .map_err(db)?;
        match row {
            Some(row) => Ok(Some(
                self.handshake_record(rows::handshake(&row)?, now, with_counts)
                    .await?,
            )),
            None => Ok(None),
        }
    }
}

fn no_code(code: &str) -> StoreError {
    StoreError::NotFound(format!(
        "no handshake code {code}; see `ltsctl handshake list` for the codes this LTS has"
    ))
}

#[async_trait]
impl HandshakeStore for SqliteStore {
    async fn create_handshake(&self, row: HandshakeRow) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        if rows::handshake_exists(&mut tx, &row.code).await? {
            return Err(StoreError::Conflict(format!(
                "handshake code {} already exists",
                row.code
            )));
        }
        rows::insert_handshake(&mut tx, &row).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_handshakes(&self, now: i64) -> StoreResult<Vec<HandshakeRecord>> {
        let sql = format!("{HANDSHAKE_SELECT} ORDER BY code");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            out.push(
                self.handshake_record(rows::handshake(row)?, now, true)
                    .await?,
            );
        }
        Ok(out)
    }

    async fn get_handshake(&self, code: &str, now: i64) -> StoreResult<Option<HandshakeRecord>> {
        self.handshake_by_code(code, now, true).await
    }

    async fn device_handshake(&self, code: &str) -> StoreResult<Option<HandshakeRecord>> {
        self.handshake_by_code(code, 0, false).await
    }

    async fn config_generation(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT n FROM config_generation WHERE id = 1")
            .fetch_one(self.pool())
            .await
            .map_err(db)
    }

    async fn bind_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        if !rows::handshake_exists(&mut tx, code).await? {
            return Err(no_code(code));
        }
        rows::bind_items(&mut tx, code, item_ids, now).await?;
        tx.commit().await.map_err(db)
    }

    async fn unbind_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        if !rows::handshake_exists(&mut tx, code).await? {
            return Err(no_code(code));
        }
        for item_id in item_ids {
            let done = sqlx::query("DELETE FROM handshake_items WHERE code = ? AND item_id = ?")
                .bind(code)
                .bind(item_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound(format!(
                    "item {item_id} is not bound to handshake code {code}"
                )));
            }
        }
        rows::touch_handshake(&mut tx, code, now).await?;
        tx.commit().await.map_err(db)
    }

    async fn order_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        if !rows::handshake_exists(&mut tx, code).await? {
            return Err(no_code(code));
        }
        let mut bound: Vec<String> = sqlx::query_scalar(
            "SELECT item_id FROM handshake_items WHERE code = ? ORDER BY item_id",
        )
        .bind(code)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let mut given = item_ids.to_vec();
        given.sort();
        bound.sort();
        if given != bound {
            return Err(StoreError::Invalid(format!(
                "the new order must name every item bound to {code} exactly once; bound now: {}",
                if bound.is_empty() {
                    "none".to_string()
                } else {
                    bound.join(", ")
                }
            )));
        }
        for (position, item_id) in item_ids.iter().enumerate() {
            sqlx::query("UPDATE handshake_items SET position = ? WHERE code = ? AND item_id = ?")
                .bind(position as i64 + 1)
                .bind(code)
                .bind(item_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        sqlx::query("UPDATE handshakes SET explicit_order = 1 WHERE code = ?")
            .bind(code)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        rows::touch_handshake(&mut tx, code, now).await?;
        tx.commit().await.map_err(db)
    }

    async fn order_by_expiry(&self, code: &str, now: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        if !rows::handshake_exists(&mut tx, code).await? {
            return Err(no_code(code));
        }
        sqlx::query("UPDATE handshakes SET explicit_order = 0 WHERE code = ?")
            .bind(code)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        rows::touch_handshake(&mut tx, code, now).await?;
        tx.commit().await.map_err(db)
    }

    async fn update_handshake(
        &self,
        code: &str,
        patch: HandshakePatch,
        now: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        if !rows::handshake_exists(&mut tx, code).await? {
            return Err(no_code(code));
        }
        // One statement per field keeps every query static; the transaction makes them one change.
        if let Some(name) = patch.name {
            sqlx::query("UPDATE handshakes SET name = ? WHERE code = ?")
                .bind(name)
                .bind(code)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        if let Some(secs) = patch.refresh_interval_secs {
            sqlx::query("UPDATE handshakes SET refresh_interval_secs = ? WHERE code = ?")
                .bind(secs)
                .bind(code)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        if let Some(secs) = patch.offline_grace_secs {
            sqlx::query("UPDATE handshakes SET offline_grace_secs = ? WHERE code = ?")
                .bind(secs)
                .bind(code)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        if let Some(pct) = patch.overuse_percent {
            sqlx::query("UPDATE handshakes SET overuse_percent = ? WHERE code = ?")
                .bind(pct)
                .bind(code)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        if let Some(hash) = patch.password_hash {
            sqlx::query("UPDATE handshakes SET password_hash = ? WHERE code = ?")
                .bind(hash)
                .bind(code)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        rows::touch_handshake(&mut tx, code, now).await?;
        tx.commit().await.map_err(db)
    }

    async fn add_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        if !rows::handshake_exists(&mut tx, code).await? {
            return Err(no_code(code));
        }
        for domain in domains {
            let done =
                sqlx::query("INSERT OR IGNORE INTO handshake_domains (code, domain) VALUES (?, ?)")
                    .bind(code)
                    .bind(domain)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Conflict(format!(
                    "domain {domain} is already bound to handshake code {code}"
                )));
            }
        }
        rows::touch_handshake(&mut tx, code, now).await?;
        tx.commit().await.map_err(db)
    }

    async fn remove_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        if !rows::handshake_exists(&mut tx, code).await? {
            return Err(no_code(code));
        }
        for domain in domains {
            let done = sqlx::query("DELETE FROM handshake_domains WHERE code = ? AND domain = ?")
                .bind(code)
                .bind(domain)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound(format!(
                    "domain {domain} is not bound to handshake code {code}"
                )));
            }
        }
        rows::touch_handshake(&mut tx, code, now).await?;
        tx.commit().await.map_err(db)
    }

    async fn delete_handshake(&self, code: &str, force: bool, now: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        if !rows::handshake_exists(&mut tx, code).await? {
            return Err(no_code(code));
        }
        let seated: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM devices WHERE handshake = ? AND expires_at > ?",
        )
        .bind(code)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        if seated > 0 && !force {
            return Err(StoreError::Conflict(format!(
                "handshake code {code} has {seated} active device(s); unregister them first or pass --force"
            )));
        }
        sqlx::query("DELETE FROM handshakes WHERE code = ?")
            .bind(code)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }
}
