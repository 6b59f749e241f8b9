//! The PostgreSQL store: the same contract as the embedded SQLite store, for several `ltsctl serve`
//! instances sharing one database.
//!
//! Concurrency: every transaction runs at READ COMMITTED. Where SQLite relies on its single writer
//! ("count, then insert" cannot over-allocate), this store takes row locks first: seating and usage lock
//! the rows of the items they count against (`FOR NO KEY UPDATE`, in item id order, so two requests never
//! wait on each other crosswise), and changes to a handshake code lock the code's row. Each statement
//! after the lock sees everything committed before it was granted. The sweeper holds a transaction-scoped
//! advisory lock, so one instance sweeps at a time. A transaction that PostgreSQL aborts because of a
//! deadlock or a serialization failure, or that lost a race to insert the same key (whose check-then-insert
//! then finds the row and answers as SQLite would), is run again a few times.

mod fleet;
mod seats;

use std::future::Future;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres, Transaction};

use sqlx::PgConnection;
use sqlx::pool::PoolConnection;

use super::backend::{Backend, BoxFuture, Commit, Dialect, Lock, in_tx};
use super::{Counts, MetaStore, OpenMode, StoreError, StoreResult};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How many times a transaction is run in all when PostgreSQL aborts it for a retryable reason.
const ATTEMPTS: u32 = 6;

#[derive(Clone)]
pub struct PgStore {
    pool: PgPool,
    location: String,
}

/// An error inside a transaction: a store error to report as it is, or a database error that may be
/// worth retrying. `?` converts both, so the transaction bodies read like the SQLite ones.
pub(crate) enum Fail {
    Store(StoreError),
    Sql(sqlx::Error),
}

impl From<sqlx::Error> for Fail {
    fn from(e: sqlx::Error) -> Self {
        Fail::Sql(e)
    }
}

impl From<StoreError> for Fail {
    fn from(e: StoreError) -> Self {
        Fail::Store(e)
    }
}

pub(crate) type TxResult<T> = Result<T, Fail>;

/// SQLSTATEs after which running the whole transaction again can succeed: serialization failure,
/// deadlock, and a unique violation from a concurrent insert of the same key (the retry's explicit
/// existence check then reports it like SQLite does).
fn retryable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => {
            matches!(d.code().as_deref(), Some("40001" | "40P01" | "23505"))
        }
        _ => false,
    }
}

impl PgStore {
    /// Connects to `url`, runs pending migrations (PostgreSQL's migration lock keeps instances that start
    /// together from racing) and makes sure the database has an `lts_id`.
    pub async fn connect(url: &str) -> StoreResult<Self> {
        Self::connect_mode(url, OpenMode::Create).await
    }

    /// [`Self::connect`]; with [`OpenMode::Existing`] a database without an ltsctl store (no `meta`
    /// table) is [`StoreError::NotFound`] and is left as it is.
    pub async fn connect_mode(url: &str, mode: OpenMode) -> StoreResult<Self> {
        let location = redact_url(url);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(30))
            .connect(url)
            .await
            .map_err(|e| StoreError::database(format!("cannot connect to {location}: {e}")))?;
        if mode == OpenMode::Existing {
            let present: bool = sqlx::query_scalar("SELECT to_regclass('meta') IS NOT NULL")
                .fetch_one(&pool)
                .await
                .map_err(db)?;
            if !present {
                pool.close().await;
                return Err(StoreError::NotFound(format!(
                    "the database {location} holds no ltsctl store"
                )));
            }
        }
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StoreError::database(format!("migrating {location}: {e}")))?;
        let store = PgStore { pool, location };
        store.ensure_lts_id().await?;
        Ok(store)
    }

    async fn ensure_lts_id(&self) -> StoreResult<()> {
        let id = uuid::Uuid::new_v4().to_string();
        sqlx::query(
            "INSERT INTO meta (key, value) VALUES ('lts_id', $1) ON CONFLICT (key) DO NOTHING",
        )
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(db)?;
        Ok(())
    }

    /// Closes every connection of the pool (waiting for those in use to be returned).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// A READ COMMITTED transaction, whatever the database's default isolation: the locking above assumes it.
    pub(crate) async fn tx(&self) -> TxResult<Transaction<'static, Postgres>> {
        Ok(self
            .pool
            .begin_with("BEGIN ISOLATION LEVEL READ COMMITTED")
            .await?)
    }

    /// Runs `attempt` (one whole transaction) until it succeeds, fails for good, or has been tried
    /// [`ATTEMPTS`] times.
    pub(crate) async fn retrying<T, F, Fut>(&self, mut attempt: F) -> StoreResult<T>
    where
        F: FnMut() -> Fut + Send,
        Fut: Future<Output = TxResult<T>> + Send,
        T: Send,
    {
        let mut tried = 0;
        loop {
            tried += 1;
            match attempt().await {
                Ok(v) => return Ok(v),
                Err(Fail::Store(e)) => return Err(e),
                Err(Fail::Sql(e)) if tried < ATTEMPTS && retryable(&e) => {
                    // A little spread, so two transactions that deadlocked do not meet again at once.
                    let jitter = u64::from(getrandom::u32().unwrap_or(0) % 20);
                    tokio::time::sleep(Duration::from_millis(5 * u64::from(tried) + jitter)).await;
                }
                Err(Fail::Sql(e)) => return Err(db(e)),
            }
        }
    }
}

impl Commit for Transaction<'static, Postgres> {
    async fn commit(self) -> StoreResult<()> {
        Ok(Transaction::commit(self).await?)
    }
}

impl Backend for PgStore {
    type Conn = PgConnection;
    type Tx = Transaction<'static, Postgres>;
    type Reader = PoolConnection<Postgres>;

    async fn reader(&self) -> StoreResult<Self::Reader> {
        Ok(self.pool.acquire().await?)
    }

    /// READ COMMITTED, whatever the database's default isolation: the row locks assume it.
    async fn begin(&self) -> StoreResult<Self::Tx> {
        Ok(self
            .pool
            .begin_with("BEGIN ISOLATION LEVEL READ COMMITTED")
            .await?)
    }

    async fn retrying<T, F, Fut>(&self, mut attempt: F) -> StoreResult<T>
    where
        T: Send,
        F: FnMut() -> Fut + Send,
        Fut: Future<Output = StoreResult<T>> + Send,
    {
        let mut tried = 0;
        loop {
            tried += 1;
            match attempt().await {
                Err(e) if tried < ATTEMPTS && e.sqlstate().is_some_and(|s| retryable_state(&s)) => {
                    // A little spread, so two transactions that deadlocked do not meet again at once.
                    let jitter = u64::from(getrandom::u32().unwrap_or(0) % 20);
                    tokio::time::sleep(Duration::from_millis(5 * u64::from(tried) + jitter)).await;
                }
                done => return done,
            }
        }
    }

    async fn hot_write<T, F>(&self, _several: bool, work: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: for<'c> Fn(&'c mut PgConnection) -> BoxFuture<'c, StoreResult<T>>
            + Send
            + Sync
            + 'static,
    {
        in_tx!(self, |c| work(c))
    }
}

/// SQLSTATEs after which running the whole transaction again can succeed: serialization failure,
/// deadlock, and a unique violation from a concurrent insert of the same key (the retry's explicit
/// existence check then reports it like SQLite does).
fn retryable_state(sqlstate: &str) -> bool {
    matches!(sqlstate, "40001" | "40P01" | "23505")
}

/// Row locks, taken in a fixed order (items by id), so that two transactions never wait on each other
/// crosswise. At READ COMMITTED every statement after a lock sees all that was committed before it was
/// granted. `FOR NO KEY UPDATE` still lets other transactions insert rows that refer to the locked one.
impl Dialect for PgConnection {
    async fn lock(&mut self, what: Lock<'_>) -> StoreResult<()> {
        match what {
            Lock::License(id) => {
                sqlx::query("SELECT 1 FROM licenses WHERE id = $1 FOR UPDATE")
                    .bind(id)
                    .fetch_optional(&mut *self)
                    .await?;
            }
            Lock::ItemsOfLicense(id) => {
                sqlx::query(
                    "SELECT id FROM items WHERE license_id = $1 ORDER BY id FOR NO KEY UPDATE",
                )
                .bind(id)
                .fetch_all(&mut *self)
                .await?;
            }
            Lock::Handshake(code) => {
                sqlx::query("SELECT 1 FROM handshakes WHERE code = $1 FOR NO KEY UPDATE")
                    .bind(code)
                    .fetch_optional(&mut *self)
                    .await?;
            }
            Lock::Items(ids) => {
                let mut ids = ids.to_vec();
                ids.sort();
                ids.dedup();
                if !ids.is_empty() {
                    sqlx::query(
                        "SELECT id FROM items WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE",
                    )
                    .bind(&ids)
                    .fetch_all(&mut *self)
                    .await?;
                }
            }
            Lock::Seat { handshake, uuid } => {
                sqlx::query("SELECT 1 FROM devices WHERE handshake = $1 AND uuid = $2 FOR UPDATE")
                    .bind(handshake)
                    .bind(uuid)
                    .fetch_optional(&mut *self)
                    .await?;
            }
        }
        Ok(())
    }
}

/// A LIMIT value: SQLite reads a negative limit as none at all, PostgreSQL refuses it; `NULL` is none.
pub(crate) fn sql_limit(limit: i64) -> Option<i64> {
    (limit >= 0).then_some(limit)
}

pub(crate) fn db(e: sqlx::Error) -> StoreError {
    e.into()
}

/// The URL with any password (in the user info or a `password=` parameter) replaced by `***`.
pub(crate) fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let rest_start = scheme_end + 3;
    let rest = &url[rest_start..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let mut out = url[..rest_start].to_string();
    match authority.rfind('@') {
        Some(at) => {
            let userinfo = &authority[..at];
            match userinfo.find(':') {
                Some(colon) => {
                    out.push_str(&userinfo[..colon]);
                    out.push_str(":***");
                }
                None => out.push_str(userinfo),
            }
            out.push_str(&authority[at..]);
        }
        None => out.push_str(authority),
    }
    let tail = &rest[authority_end..];
    match tail.find('?') {
        Some(q) => {
            out.push_str(&tail[..q + 1]);
            let (query, fragment) = match tail[q + 1..].find('#') {
                Some(h) => (&tail[q + 1..q + 1 + h], &tail[q + 1 + h..]),
                None => (&tail[q + 1..], ""),
            };
            let params: Vec<String> = query
                .split('&')
                .map(|p| match p.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => p.to_string(),
                })
                .collect();
            out.push_str(&params.join("&"));
            out.push_str(fragment);
        }
        None => out.push_str(tail),
    }
    out
}

#[async_trait]
impl MetaStore for PgStore {
    async fn lts_id(&self) -> StoreResult<String> {
        sqlx::query_scalar("SELECT value FROM meta WHERE key = 'lts_id'")
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }

    async fn counts(&self, now: i64) -> StoreResult<Counts> {
        let (trusted_keys, licenses, items, handshakes, active_devices): (i64, i64, i64, i64, i64) =
            sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM trusted_keys), (SELECT COUNT(*) FROM licenses),
                        (SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM handshakes),
                        (SELECT COUNT(*) FROM devices WHERE expires_at > $1)",
            )
            .bind(now)
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        Ok(Counts {
            trusted_keys,
            licenses,
            items,
            handshakes,
            active_devices,
        })
    }

    fn location(&self) -> String {
        self.location.clone()
    }

    async fn meta_init(&self, key: &str, value: &str) -> StoreResult<String> {
        // ON CONFLICT waits for a concurrent insert of the same key to commit, so the first writer wins
        // on every instance sharing the database.
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(key)
            .bind(value)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        sqlx::query_scalar("SELECT value FROM meta WHERE key = $1")
            .bind(key)
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact_url("postgres://lts:s3cret@db.example:5432/lts?sslmode=require"),
            "postgres://lts:***@db.example:5432/lts?sslmode=require"
        );
        assert_eq!(
            redact_url("postgresql://lts@localhost/lts"),
            "postgresql://lts@localhost/lts"
        );
        assert_eq!(
            redact_url("postgres://localhost/lts?user=a&password=b&sslmode=disable"),
            "postgres://localhost/lts?user=a&password=***&sslmode=disable"
        );
        assert_eq!(redact_url("postgres://u:p@w@host"), "postgres://u:***@host");
    }
}
