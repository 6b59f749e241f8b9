//! The PostgreSQL store: the same contract as the embedded SQLite store, for several `ltsctl serve`
//! instances sharing one database.
//!
//! Concurrency: every transaction runs at READ COMMITTED. Where SQLite relies on its single writer
//! ("count, then insert" cannot over-allocate), this store takes row locks first: seating and usage lock
//! the rows of the items they count against (`FOR NO KEY UPDATE`, in item id order, so two requests never
//! wait on each other crosswise), and changes to a handshake code lock the code's row. Each statement
//! after the lock sees everything committed before it was granted. The sweeper holds a session-level
//! advisory lock on a connection of its own for the whole sweep, so one instance sweeps at a time. A transaction that PostgreSQL aborts because of a
//! deadlock or a serialization failure, or that lost a race to insert the same key (whose check-then-insert
//! then finds the row and answers as SQLite would), is run again a few times.

mod alerts;
mod devices;
mod seat_queue;
mod seats;
mod server;
mod usage;

use std::future::Future;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres, Transaction};

use sqlx::PgConnection;
use sqlx::pool::PoolConnection;

use super::backend::{Backend, BoxFuture, Commit, Dialect, Lock, in_tx};
use super::{OpenMode, StoreError, StoreResult};
use crate::domain::seats::{SeatOutcome, SeatRequest};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How many times a transaction is run in all when PostgreSQL aborts it for a retryable reason.
const ATTEMPTS: u32 = 6;

#[derive(Clone)]
pub struct PgStore {
    pool: PgPool,
    location: String,
    /// The group commit of seat requests (see [`seat_queue`]).
    seats: seat_queue::SeatQueue,
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
        let store = PgStore { pool, location, seats: seat_queue::SeatQueue::default() };
        store.ensure_lts_id().await?;
        Ok(store)
    }

    async fn ensure_lts_id(&self) -> StoreResult<()> {
        let mut conn = self.pool.acquire().await?;
        super::server::ensure_lts_id(&mut *conn).await
    }

    /// Closes every connection of the pool (waiting for those in use to be returned).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &PgPool {
        &self.pool
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

    fn location(&self) -> String {
        self.location.clone()
    }

    /// READ COMMITTED, whatever the database's default isolation: the row locks assume it.
    async fn begin(&self) -> StoreResult<Self::Tx> {
        Ok(self.pool.begin_with("BEGIN ISOLATION LEVEL READ COMMITTED").await?)
    }

    async fn retrying<T, F, Fut>(&self, attempt: F) -> StoreResult<T>
    where
        T: Send,
        F: FnMut() -> Fut + Send,
        Fut: Future<Output = StoreResult<T>> + Send,
    {
        retrying(attempt).await
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

    async fn hot_seat(&self, req: SeatRequest) -> StoreResult<SeatOutcome> {
        self.seats.seat(&self.pool, req).await
    }

    type SweepClaim = server::SweepClaim;

    async fn claim_sweep(&self) -> StoreResult<Option<server::SweepClaim>> {
        server::SweepClaim::take(self.pool.acquire().await?, server::SWEEP_LOCK).await
    }

    async fn end_sweep(&self, claim: server::SweepClaim) {
        claim.release().await
    }

    async fn claim_alerts(&self) -> StoreResult<Option<server::SweepClaim>> {
        server::SweepClaim::take(self.pool.acquire().await?, server::ALERTS_LOCK).await
    }

    async fn end_alerts(&self, claim: server::SweepClaim) {
        claim.release().await
    }
}

/// Runs `attempt` (one whole transaction) again while PostgreSQL aborts it for a retryable reason.
async fn retrying<T, F, Fut>(mut attempt: F) -> StoreResult<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = StoreResult<T>>,
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
        }
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact_url("postgres://lts:s3cret@db.example:5432/lts?sslmode=require"),
            "postgres://lts:***@db.example:5432/lts?sslmode=require"
        );
        assert_eq!(redact_url("postgresql://lts@localhost/lts"), "postgresql://lts@localhost/lts");
        assert_eq!(
            redact_url("postgres://localhost/lts?user=a&password=b&sslmode=disable"),
            "postgres://localhost/lts?user=a&password=***&sslmode=disable"
        );
        assert_eq!(redact_url("postgres://u:p@w@host"), "postgres://u:***@host");
    }
}
