//! What can go wrong in a store, classified for the person at the terminal (the CLI maps each variant to
//! an exit code) and for the code that may retry.

use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Permission(String),
    #[error("{0}")]
    Database(DbError),
    /// The database stayed locked by another writer past the busy timeout (or the data dir is held by
    /// a restore or migration): worth retrying later.
    #[error("{0}")]
    Busy(String),
    /// The database file is damaged or not an ltsctl store.
    #[error("{0}")]
    Damaged(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// A database failure described in words (no sqlx error behind it).
    pub(crate) fn database(message: impl Into<String>) -> Self {
        StoreError::Database(DbError { message: message.into(), source: None })
    }

    /// The SQLSTATE of the PostgreSQL error behind this one, if there is one.
    pub(crate) fn sqlstate(&self) -> Option<String> {
        match self {
            StoreError::Database(DbError { source: Some(e), .. }) => match e.as_ref() {
                sqlx::Error::Database(d) => d.code().map(|c| c.into_owned()),
                _ => None,
            },
            _ => None,
        }
    }
}

/// A database failure: what it says, and the sqlx error behind it when there is one, kept as the source
/// so that a retry can read its SQLSTATE and a log can show the whole chain.
#[derive(Debug, Clone)]
pub struct DbError {
    message: String,
    source: Option<Arc<sqlx::Error>>,
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DbError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Two failures are the same when they say the same (the conformance suite compares errors).
impl PartialEq for DbError {
    fn eq(&self, other: &Self) -> bool {
        self.message == other.message
    }
}

impl Eq for DbError {}

/// `?` on any sqlx call, on either backend. A store locked by another writer stays distinguishable
/// (worth retrying): SQLite reports `SQLITE_BUSY` or `SQLITE_LOCKED` (result codes 5 and 6, extended codes
/// in the high bits), PostgreSQL `lock_not_available` (55P03), and a pool with every connection in use
/// times out.
impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        let busy = match &e {
            sqlx::Error::PoolTimedOut => true,
            sqlx::Error::Database(d) => d.code().is_some_and(|code| match code.parse::<i32>() {
                Ok(sqlite) => matches!(sqlite & 0xff, 5 | 6),
                Err(_) => code == "55P03",
            }),
            _ => false,
        };
        if busy {
            StoreError::Busy(e.to_string())
        } else {
            StoreError::Database(DbError { message: e.to_string(), source: Some(Arc::new(e)) })
        }
    }
}
