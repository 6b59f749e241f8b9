//! Admin tokens and the audit log in the PostgreSQL store.

use async_trait::async_trait;
use sqlx::Row;
use sqlx::postgres::PgRow;

use super::{PgStore, TxResult, db, sql_limit};
use crate::store::{AccessStore, AuditRow, StoreError, StoreResult, TokenRow};

const TOKEN_SELECT: &str = "SELECT name, token_id, secret_hash, role, created_at, expires_at, revoked_at, last_used_at FROM tokens";

fn token(row: &PgRow) -> StoreResult<TokenRow> {
    Ok(TokenRow {
        name: row.try_get("name").map_err(db)?,
        token_id: row.try_get("token_id").map_err(db)?,
        secret_hash: row.try_get("secret_hash").map_err(db)?,
        role: row.try_get("role").map_err(db)?,
        created_at: row.try_get("created_at").map_err(db)?,
        expires_at: row.try_get("expires_at").map_err(db)?,
        revoked_at: row.try_get("revoked_at").map_err(db)?,
        last_used_at: row.try_get("last_used_at").map_err(db)?,
    })
}

impl PgStore {
    async fn create_token_tx(&self, row: &TokenRow) -> TxResult<()> {
        let mut tx = self.tx().await?;
        let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tokens WHERE name = $1")
            .bind(&row.name)
            .fetch_one(&mut *tx)
            .await?;
        if exists > 0 {
            return Err(StoreError::Conflict(format!(
                "a token named {} exists (or existed: names of revoked tokens stay taken, so the audit log stays unambiguous)",
                row.name
            ))
            .into());
        }
        sqlx::query(
            "INSERT INTO tokens (name, token_id, secret_hash, role, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&row.name)
        .bind(&row.token_id)
        .bind(&row.secret_hash)
        .bind(&row.role)
        .bind(row.created_at)
        .bind(row.expires_at)
        .execute(&mut *tx)
        .await?;
        Ok(tx.commit().await?)
    }
}

#[async_trait]
impl AccessStore for PgStore {
    async fn create_token(&self, row: TokenRow) -> StoreResult<()> {
        self.retrying(|| self.create_token_tx(&row)).await
    }

    async fn list_tokens(&self) -> StoreResult<Vec<TokenRow>> {
        let sql = format!("{TOKEN_SELECT} ORDER BY created_at, name");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(token).collect()
    }

    async fn revoke_token(&self, name: &str, now: i64) -> StoreResult<()> {
        let done =
            sqlx::query("UPDATE tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL")
                .bind(now)
                .bind(name)
                .execute(self.pool())
                .await
                .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!(
                "no active token named {name}"
            )));
        }
        Ok(())
    }

    async fn find_token(&self, token_id: &str) -> StoreResult<Option<TokenRow>> {
        let sql = format!("{TOKEN_SELECT} WHERE token_id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(token_id)
            .fetch_optional(self.pool())
            .await
            .map_err(db)?;
        row.as_ref().map(token).transpose()
    }

    async fn touch_token(&self, token_id: &str, now: i64) -> StoreResult<()> {
        // At most one write a minute per token: a busy script must not turn every read into a write.
        sqlx::query(
            "UPDATE tokens SET last_used_at = $1
             WHERE token_id = $2 AND COALESCE(last_used_at, 0) < $1 - 60",
        )
        .bind(now)
        .bind(token_id)
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn append_audit(&self, row: AuditRow) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (at, actor, action, target, result, detail) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(row.at)
        .bind(&row.actor)
        .bind(&row.action)
        .bind(&row.target)
        .bind(&row.result)
        .bind(&row.detail)
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn list_audit(
        &self,
        since: Option<i64>,
        actor: Option<&str>,
        limit: i64,
    ) -> StoreResult<Vec<AuditRow>> {
        let rows = sqlx::query(
            "SELECT at, actor, action, target, result, detail FROM audit_log
             WHERE at >= $1 AND ($2::text IS NULL OR actor = $2) ORDER BY id DESC LIMIT $3",
        )
        .bind(since.unwrap_or(i64::MIN))
        .bind(actor)
        .bind(sql_limit(limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok(AuditRow {
                    at: row.try_get("at").map_err(db)?,
                    actor: row.try_get("actor").map_err(db)?,
                    action: row.try_get("action").map_err(db)?,
                    target: row.try_get("target").map_err(db)?,
                    result: row.try_get("result").map_err(db)?,
                    detail: row.try_get("detail").map_err(db)?,
                })
            })
            .collect()
    }
}
