//! The server area on PostgreSQL: `status` counts active devices row by row (it has no counter table;
//! see [`COUNTED`]), and the sweep claim is a session-level advisory lock, taken on a connection of its
//! own and held there while the sweep's transactions run on others, so one instance sweeps at a time (a
//! transaction-scoped lock would end with the sweep's first batch). The connection never goes back to
//! the pool still holding the lock: released, it is unlocked first; dropped (the sweep failed or was
//! cancelled) or failing to unlock, it is closed, which ends the session and its locks with it. If the
//! session dies mid-sweep (network, server restart), another instance may start sweeping before this
//! one stops: both delete expired rows only, each row once, so that is harmless.

use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, Postgres};

use crate::store::StoreResult;
use crate::store::server::{COUNTED, ServerDialect};

impl ServerDialect for PgConnection {
    const COUNTS: &'static str = COUNTED;
}

/// Key of the advisory lock one sweeper holds at a time ("ltsSWEEP").
pub(crate) const SWEEP_LOCK: i64 = 0x6c74_7353_5745_4550;

/// Key of the advisory lock one alert evaluation holds at a time ("ltsALERT").
pub(crate) const ALERTS_LOCK: i64 = 0x6c74_7341_4c45_5254;

/// The connection holding [`SWEEP_LOCK`] (or [`ALERTS_LOCK`]).
pub(crate) struct SweepClaim {
    conn: Option<PoolConnection<Postgres>>,
    key: i64,
}

impl SweepClaim {
    /// The lock `key`, if no other session holds it.
    pub(crate) async fn take(
        mut conn: PoolConnection<Postgres>,
        key: i64,
    ) -> StoreResult<Option<Self>> {
        let taken: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(key)
            .fetch_one(&mut *conn)
            .await?;
        Ok(taken.then_some(SweepClaim { conn: Some(conn), key }))
    }

    /// Unlocks and gives the connection back to the pool.
    pub(crate) async fn release(mut self) {
        let Some(mut conn) = self.conn.take() else {
            return;
        };
        let unlocked = sqlx::query_scalar::<_, bool>("SELECT pg_advisory_unlock($1)")
            .bind(self.key)
            .fetch_one(&mut *conn)
            .await;
        if !matches!(unlocked, Ok(true)) {
            conn.close_on_drop();
        }
    }
}

impl Drop for SweepClaim {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.as_mut() {
            conn.close_on_drop();
        }
    }
}
