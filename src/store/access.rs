//! Admin API tokens and the audit log: the same statements on both backends.

use async_trait::async_trait;

use super::backend::{Backend, in_tx, on_reader};
use super::query::{Conn, args};
use super::{StoreError, StoreResult, no_limit_if_negative};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TokenRow {
    pub name: String,
    pub token_id: String,
    pub secret_hash: Vec<u8>,
    pub role: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub target: String,
    /// `ok`, or the error kind (`not_found`, `conflict`, ...).
    pub result: String,
    pub detail: Option<String>,
    /// The client's address, for changes made through the admin API (`None` for local access).
    pub client: Option<String>,
}

#[async_trait]
pub trait AccessStore: Send + Sync {
    /// Stores a new token; a name already used (even by a revoked token) is a conflict.
    async fn create_token(&self, row: TokenRow) -> StoreResult<()>;
    async fn list_tokens(&self) -> StoreResult<Vec<TokenRow>>;
    async fn revoke_token(&self, name: &str, now: i64) -> StoreResult<()>;
    async fn find_token(&self, token_id: &str) -> StoreResult<Option<TokenRow>>;
    async fn touch_token(&self, token_id: &str, now: i64) -> StoreResult<()>;
    async fn append_audit(&self, row: AuditRow) -> StoreResult<()>;
    /// Entries at or after `since`, optionally of one actor, newest first, at most `limit`.
    async fn list_audit(
        &self,
        since: Option<i64>,
        actor: Option<&str>,
        limit: i64,
    ) -> StoreResult<Vec<AuditRow>>;
}

const TOKENS: &str = "SELECT name, token_id, secret_hash, role, created_at, expires_at, revoked_at,
       last_used_at FROM tokens ORDER BY created_at, name";

const TOKEN_BY_ID: &str =
    "SELECT name, token_id, secret_hash, role, created_at, expires_at, revoked_at,
       last_used_at FROM tokens WHERE token_id = $1";

const INSERT_TOKEN: &str =
    "INSERT INTO tokens (name, token_id, secret_hash, role, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)";

const REVOKE_TOKEN: &str =
    "UPDATE tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL";

/// At most one write a minute per token: a busy script must not turn every read into a write.
const TOUCH_TOKEN: &str = "UPDATE tokens SET last_used_at = $1
     WHERE token_id = $2 AND COALESCE(last_used_at, 0) < $1 - 60";

const INSERT_AUDIT: &str =
    "INSERT INTO audit_log (at, actor, action, target, result, detail, client)
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

const AUDIT: &str = "SELECT at, actor, action, target, result, detail, client FROM audit_log
     WHERE at >= $1 AND (CAST($2 AS TEXT) IS NULL OR actor = $2) ORDER BY id DESC LIMIT $3";

async fn create_token(c: &mut impl Conn, row: &TokenRow) -> StoreResult<()> {
    let exists: i64 =
        c.scalar("SELECT COUNT(*) FROM tokens WHERE name = $1", args![&row.name]).await?;
    if exists > 0 {
        return Err(StoreError::Conflict(format!(
            "a token named {} exists (or existed: names of revoked tokens stay taken, so the audit log \
             stays unambiguous)",
            row.name
        )));
    }
    let values = args![
        &row.name,
        &row.token_id,
        &row.secret_hash,
        &row.role,
        row.created_at,
        row.expires_at
    ];
    c.execute(INSERT_TOKEN, values).await?;
    Ok(())
}

#[async_trait]
impl<B: Backend> AccessStore for B {
    async fn create_token(&self, row: TokenRow) -> StoreResult<()> {
        in_tx!(self, |c| create_token(c, &row))
    }

    async fn list_tokens(&self) -> StoreResult<Vec<TokenRow>> {
        on_reader!(self, |c| c.fetch_all(TOKENS, args![]))
    }

    async fn revoke_token(&self, name: &str, now: i64) -> StoreResult<()> {
        let done = on_reader!(self, |c| c.execute(REVOKE_TOKEN, args![now, name]))?;
        if done == 0 {
            return Err(StoreError::NotFound(format!("no active token named {name}")));
        }
        Ok(())
    }

    async fn find_token(&self, token_id: &str) -> StoreResult<Option<TokenRow>> {
        on_reader!(self, |c| c.fetch_optional(TOKEN_BY_ID, args![token_id]))
    }

    async fn touch_token(&self, token_id: &str, now: i64) -> StoreResult<()> {
        on_reader!(self, |c| c.execute(TOUCH_TOKEN, args![now, token_id]))?;
        Ok(())
    }

    async fn append_audit(&self, row: AuditRow) -> StoreResult<()> {
        let values = args![
            row.at,
            &row.actor,
            &row.action,
            &row.target,
            &row.result,
            &row.detail,
            &row.client
        ];
        on_reader!(self, |c| c.execute(INSERT_AUDIT, values))?;
        Ok(())
    }

    async fn list_audit(
        &self,
        since: Option<i64>,
        actor: Option<&str>,
        limit: i64,
    ) -> StoreResult<Vec<AuditRow>> {
        let since = since.unwrap_or(i64::MIN);
        let limit = no_limit_if_negative(limit);
        on_reader!(self, |c| c.fetch_all(AUDIT, args![since, actor, limit]))
    }
}
