//! Handshake codes, their ordered items and their domain bindings in the PostgreSQL store. Every change
//! locks the code's row first, so changes to one code from several instances apply one after the other.

use async_trait::async_trait;
use sqlx::{PgConnection, Postgres, Transaction};

use super::rows::{self, HANDSHAKE_SELECT, ITEM_SETTINGS_SELECT, ITEM_STATE_SELECT};
use super::{PgStore, TxResult, db};
use crate::store::{
    HandshakePatch, HandshakeRecord, HandshakeRow, HandshakeStore, StoreError, StoreResult,
};

fn no_code(code: &str) -> StoreError {
    StoreError::NotFound(format!(
        "no handshake code {code}; see `ltsctl handshake list` for the codes this LTS has"
    ))
}

impl PgStore {
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
            "{select} JOIN handshake_items hi ON hi.item_id = i.id WHERE hi.code = $2 {order}"
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
            "SELECT domain FROM handshake_domains WHERE code = $1 ORDER BY domain",
        )
        .bind(&row.code)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let active_devices: i64 = if !with_counts {
            0
        } else {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM devices WHERE handshake = $1 AND expires_at > $2",
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
        let sql = format!("{HANDSHAKE_SELECT} WHERE code = $1");
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

    /// A transaction holding the lock on an existing code's row.
    async fn code_tx(&self, code: &str) -> TxResult<Transaction<'static, Postgres>> {
        let mut tx = self.tx().await?;
        if !rows::lock_handshake(&mut tx, code).await? {
            return Err(no_code(code).into());
        }
        Ok(tx)
    }

    async fn create_handshake_tx(&self, row: &HandshakeRow) -> TxResult<()> {
        let mut tx = self.tx().await?;
        if rows::lock_handshake(&mut tx, &row.code).await? {
            return Err(StoreError::Conflict(format!(
                "handshake code {} already exists",
                row.code
            ))
            .into());
        }
        rows::insert_handshake(&mut tx, row).await?;
        Ok(tx.commit().await?)
    }

    async fn bind_items_tx(&self, code: &str, item_ids: &[String], now: i64) -> TxResult<()> {
        let mut tx = self.code_tx(code).await?;
        rows::bind_items(&mut tx, code, item_ids, now).await?;
        Ok(tx.commit().await?)
    }

    async fn unbind_items_tx(&self, code: &str, item_ids: &[String], now: i64) -> TxResult<()> {
        let mut tx = self.code_tx(code).await?;
        for item_id in item_ids {
            let done = sqlx::query("DELETE FROM handshake_items WHERE code = $1 AND item_id = $2")
                .bind(code)
                .bind(item_id)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound(format!(
                    "item {item_id} is not bound to handshake code {code}"
                ))
                .into());
            }
        }
        rows::touch_handshake(&mut tx, code, now).await?;
        Ok(tx.commit().await?)
    }

    async fn order_items_tx(&self, code: &str, item_ids: &[String], now: i64) -> TxResult<()> {
        let mut tx = self.code_tx(code).await?;
        let mut bound: Vec<String> = sqlx::query_scalar(
            "SELECT item_id FROM handshake_items WHERE code = $1 ORDER BY item_id",
        )
        .bind(code)
        .fetch_all(&mut *tx)
        .await?;
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
            ))
            .into());
        }
        for (position, item_id) in item_ids.iter().enumerate() {
            sqlx::query(
                "UPDATE handshake_items SET position = $1 WHERE code = $2 AND item_id = $3",
            )
            .bind(position as i64 + 1)
            .bind(code)
            .bind(item_id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("UPDATE handshakes SET explicit_order = TRUE WHERE code = $1")
            .bind(code)
            .execute(&mut *tx)
            .await?;
        rows::touch_handshake(&mut tx, code, now).await?;
        Ok(tx.commit().await?)
    }

    async fn order_by_expiry_tx(&self, code: &str, now: i64) -> TxResult<()> {
        let mut tx = self.code_tx(code).await?;
        sqlx::query("UPDATE handshakes SET explicit_order = FALSE WHERE code = $1")
            .bind(code)
            .execute(&mut *tx)
            .await?;
        rows::touch_handshake(&mut tx, code, now).await?;
        Ok(tx.commit().await?)
    }

    async fn update_handshake_tx(
        &self,
        code: &str,
        patch: &HandshakePatch,
        now: i64,
    ) -> TxResult<()> {
        let mut tx = self.code_tx(code).await?;
        // One statement per field keeps every query static; the transaction makes them one change.
        if let Some(name) = &patch.name {
            set_text(
                &mut tx,
                "UPDATE handshakes SET name = $1 WHERE code = $2",
                name.as_deref(),
                code,
            )
            .await?;
        }
        if let Some(secs) = patch.refresh_interval_secs {
            set_int(
                &mut tx,
                "UPDATE handshakes SET refresh_interval_secs = $1 WHERE code = $2",
                secs,
                code,
            )
            .await?;
        }
        if let Some(secs) = patch.offline_grace_secs {
            set_int(
                &mut tx,
                "UPDATE handshakes SET offline_grace_secs = $1 WHERE code = $2",
                Some(secs),
                code,
            )
            .await?;
        }
        if let Some(pct) = patch.overuse_percent {
            set_int(
                &mut tx,
                "UPDATE handshakes SET overuse_percent = $1 WHERE code = $2",
                pct,
                code,
            )
            .await?;
        }
        if let Some(hash) = &patch.password_hash {
            set_text(
                &mut tx,
                "UPDATE handshakes SET password_hash = $1 WHERE code = $2",
                hash.as_deref(),
                code,
            )
            .await?;
        }
        rows::touch_handshake(&mut tx, code, now).await?;
        Ok(tx.commit().await?)
    }

    async fn add_domains_tx(&self, code: &str, domains: &[String], now: i64) -> TxResult<()> {
        let mut tx = self.code_tx(code).await?;
        for domain in domains {
            let done = sqlx::query(
                "INSERT INTO handshake_domains (code, domain) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(code)
            .bind(domain)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Conflict(format!(
                    "domain {domain} is already bound to handshake code {code}"
                ))
                .into());
            }
        }
        rows::touch_handshake(&mut tx, code, now).await?;
        Ok(tx.commit().await?)
    }

    async fn remove_domains_tx(&self, code: &str, domains: &[String], now: i64) -> TxResult<()> {
        let mut tx = self.code_tx(code).await?;
        for domain in domains {
            let done = sqlx::query("DELETE FROM handshake_domains WHERE code = $1 AND domain = $2")
                .bind(code)
                .bind(domain)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound(format!(
                    "domain {domain} is not bound to handshake code {code}"
                ))
                .into());
            }
        }
        rows::touch_handshake(&mut tx, code, now).await?;
        Ok(tx.commit().await?)
    }

    async fn delete_handshake_tx(&self, code: &str, force: bool, now: i64) -> TxResult<()> {
        let mut tx = self.code_tx(code).await?;
        let seated: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM devices WHERE handshake = $1 AND expires_at > $2",
        )
        .bind(code)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        if seated > 0 && !force {
            return Err(StoreError::Conflict(format!(
                "handshake code {code} has {seated} active device(s); unregister them first or pass --force"
            ))
            .into());
        }
        sqlx::query("DELETE FROM handshakes WHERE code = $1")
            .bind(code)
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }
}

async fn set_text(
    conn: &mut PgConnection,
    sql: &'static str,
    value: Option<&str>,
    code: &str,
) -> TxResult<()> {
    sqlx::query(sql)
        .bind(value)
        .bind(code)
        .execute(conn)
        .await?;
    Ok(())
}

async fn set_int(
    conn: &mut PgConnection,
    sql: &'static str,
    value: Option<i64>,
    code: &str,
) -> TxResult<()> {
    sqlx::query(sql)
        .bind(value)
        .bind(code)
        .execute(conn)
        .await?;
    Ok(())
}

#[async_trait]
impl HandshakeStore for PgStore {
    async fn create_handshake(&self, row: HandshakeRow) -> StoreResult<()> {
        self.retrying(|| self.create_handshake_tx(&row)).await
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
        self.retrying(|| self.bind_items_tx(code, item_ids, now))
            .await
    }

    async fn unbind_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
        self.retrying(|| self.unbind_items_tx(code, item_ids, now))
            .await
    }

    async fn order_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
        self.retrying(|| self.order_items_tx(code, item_ids, now))
            .await
    }

    async fn order_by_expiry(&self, code: &str, now: i64) -> StoreResult<()> {
        self.retrying(|| self.order_by_expiry_tx(code, now)).await
    }

    async fn update_handshake(
        &self,
        code: &str,
        patch: HandshakePatch,
        now: i64,
    ) -> StoreResult<()> {
        self.retrying(|| self.update_handshake_tx(code, &patch, now))
            .await
    }

    async fn add_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()> {
        self.retrying(|| self.add_domains_tx(code, domains, now))
            .await
    }

    async fn remove_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()> {
        self.retrying(|| self.remove_domains_tx(code, domains, now))
            .await
    }

    async fn delete_handshake(&self, code: &str, force: bool, now: i64) -> StoreResult<()> {
        self.retrying(|| self.delete_handshake_tx(code, force, now))
            .await
    }
}
