//! Sessions of the web dashboard (`/ui`): the same statements on both backends. A session belongs to an
//! admin API token; looking one up reads the token's row with it, so revoking (or the expiry of) the token
//! ends its sessions on their next request without a second write.

use async_trait::async_trait;

use super::StoreResult;
use super::backend::{Backend, in_tx, on_reader};
use super::query::{Conn, args};

/// A new session: the SHA-256 of its random id (the cookie's value), and the token it signed in with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiSessionRow {
    pub id_hash: Vec<u8>,
    pub token_id: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// A session found by its id, with the state of its token now.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UiSessionFound {
    pub expires_at: i64,
    /// The token's public id, to record its use (`token list`'s last used).
    pub token_id: String,
    pub token_name: String,
    pub role: String,
    pub token_expires_at: Option<i64>,
    pub token_revoked_at: Option<i64>,
}

#[async_trait]
pub trait UiSessionsStore: Send + Sync {
    /// Stores a new session and, in the same transaction, forgets sessions that ended before `now`
    /// (so the table holds live sessions only, without a sweeper of its own).
    async fn create_ui_session(&self, row: UiSessionRow, now: i64) -> StoreResult<()>;
    async fn find_ui_session(&self, id_hash: &[u8]) -> StoreResult<Option<UiSessionFound>>;
    /// Ends a session (sign-out, or one found expired or with a revoked token); a missing one is fine.
    async fn delete_ui_session(&self, id_hash: &[u8]) -> StoreResult<()>;
}

const DELETE_ENDED: &str = "DELETE FROM ui_sessions WHERE expires_at <= $1";

const INSERT: &str = "INSERT INTO ui_sessions (id_hash, token_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4)";

const FIND: &str = "SELECT s.expires_at, s.token_id, t.name AS token_name, t.role,
       t.expires_at AS token_expires_at, t.revoked_at AS token_revoked_at
     FROM ui_sessions s JOIN tokens t ON t.token_id = s.token_id WHERE s.id_hash = $1";

const DELETE: &str = "DELETE FROM ui_sessions WHERE id_hash = $1";

async fn create(c: &mut impl Conn, row: &UiSessionRow, now: i64) -> StoreResult<()> {
    c.execute(DELETE_ENDED, args![now]).await?;
    let values = args![&row.id_hash, &row.token_id, row.created_at, row.expires_at];
    c.execute(INSERT, values).await?;
    Ok(())
}

#[async_trait]
impl<B: Backend> UiSessionsStore for B {
    async fn create_ui_session(&self, row: UiSessionRow, now: i64) -> StoreResult<()> {
        in_tx!(self, |c| create(c, &row, now))
    }

    async fn find_ui_session(&self, id_hash: &[u8]) -> StoreResult<Option<UiSessionFound>> {
        on_reader!(self, |c| c.fetch_optional(FIND, args![id_hash]))
    }

    async fn delete_ui_session(&self, id_hash: &[u8]) -> StoreResult<()> {
        on_reader!(self, |c| c.execute(DELETE, args![id_hash]))?;
        Ok(())
    }
}
