//! rusqlite on the connection sqlx holds. sqlx steps SQLite on a worker thread: every statement is sent
//! to it and its rows and result are sent back, thread wake-ups and per-value encoding that cost more
//! than SQLite's own work for a short statement or a row. Where one step runs many statements or reads
//! many rows (a listing page, a usage batch), it runs them here with rusqlite (the same libsqlite3 build
//! as sqlx's, so the same file locks, WAL index and transaction) on the caller's thread, with the
//! connection locked against sqlx's worker meanwhile: one hand-off for the whole step.

use sqlx::SqliteConnection;

use super::db;
use crate::store::{StoreError, StoreResult};

/// Runs `work` with rusqlite on the connection sqlx holds, inside whatever transaction that connection
/// is in (sqlx's worker does nothing with it until the lock is released). `what` names the step in
/// errors ("listing devices").
pub(super) trait OnHandle {
    async fn on_handle<T>(
        &mut self,
        what: &str,
        work: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>,
    ) -> StoreResult<T>;
}

impl OnHandle for SqliteConnection {
    async fn on_handle<T>(
        &mut self,
        what: &str,
        work: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>,
    ) -> StoreResult<T> {
        let mut handle = self.lock_handle().await.map_err(db)?;
        // SAFETY: the handle stays locked (no use by sqlx's worker) until `handle` is dropped at the end
        // of this function, after `conn` and every statement prepared on it; `from_handle` borrows the
        // connection and does not close it on drop.
        let conn = unsafe { rusqlite::Connection::from_handle(handle.as_raw_handle().as_ptr()) }
            .map_err(|e| error(what, e))?;
        let result = work(&conn).map_err(|e| error(what, e));
        drop(conn);
        drop(handle);
        result
    }
}

/// SQLite's busy and locked results are worth a retry (`busy`, 503 with Retry-After), as through sqlx;
/// anything else is a database error. `what` names the step that failed.
pub(super) fn error(what: &str, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::Busy(format!("{what}: {e}"))
        }
        _ => StoreError::database(format!("{what}: {e}")),
    }
}
