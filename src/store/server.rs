//! The store as a whole: this instance's identity and settings (`meta`), counts for `status`, backups,
//! and the sweeper's runs. The same statements on both backends; only one instance sweeps at a time
//! ([`Backend::claim_sweep`]).

use std::time::Instant;

use async_trait::async_trait;
use const_format::concatcp;

use super::backend::{Backend, in_tx, on_reader};
use super::query::{Conn, args};
use super::{StoreError, StoreResult};
use crate::domain::batches::Pace;

// What `status` counts; also its wire shape (`admin::Counts`). A plain comment: a doc comment would
// become its OpenAPI description.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    sqlx::FromRow,
    serde::Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
pub struct Counts {
    pub trusted_keys: i64,
    pub licenses: i64,
    pub items: i64,
    pub handshakes: i64,
    pub active_devices: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SweepRecord {
    pub started_at: i64,
    pub finished_at: i64,
    pub removed: i64,
    pub trigger: String,
}

/// How a sweep deletes: transactions sized by `pace`, at most `rounds` of them per table, so a sweep
/// always ends (whatever is left is the next sweep's). Between two, the other writes of the store run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SweepBatches {
    pub pace: Pace,
    pub rounds: u32,
}

impl Default for SweepBatches {
    /// Paced like bulk unregistering, each under 250 ms ([`Pace::SWEEP`]); 10,000 rounds remove at least
    /// five million rows, the rest is for the next sweep.
    fn default() -> Self {
        SweepBatches { pace: Pace::SWEEP, rounds: 10_000 }
    }
}

#[async_trait]
pub trait ServerStore: Send + Sync {
    /// The id of this LTS instance, created once when the store is first opened.
    async fn lts_id(&self) -> StoreResult<String>;
    async fn counts(&self, now: i64) -> StoreResult<Counts>;
    /// A human description of where the data lives (a path or a redacted URL).
    fn location(&self) -> String;
    /// Stores `value` under `key` unless a value is there already, and returns the stored value. Every
    /// instance sharing a database thus agrees on one value (e.g. the token-signing key).
    async fn meta_init(&self, key: &str, value: &str) -> StoreResult<String>;
    /// Writes a consistent copy of the whole store to `path` while it stays in use. Backends with their
    /// own tools (PostgreSQL: pg_dump) refuse.
    async fn backup_to(&self, path: &std::path::Path) -> StoreResult<()>;
    /// Removes devices whose removal time has passed, and grants that ran out more than
    /// [`crate::domain::usage::LATE_UPLOAD_WINDOW`] ago, and records the run; sized by
    /// [`SweepBatches::default`].
    async fn sweep(&self, now: i64, trigger: &str) -> StoreResult<SweepRecord> {
        self.sweep_batched(now, trigger, SweepBatches::default()).await
    }
    /// [`Self::sweep`] in transactions sized by `batches`, recorded as one run (one row in `sweeps`,
    /// written at the end: a sweep that fails half-way has removed some expired rows, which is what
    /// the next one would have done, and recorded nothing). While another sweep of the store runs,
    /// nothing is removed or recorded and the trigger comes back with `:skipped`.
    async fn sweep_batched(
        &self,
        now: i64,
        trigger: &str,
        batches: SweepBatches,
    ) -> StoreResult<SweepRecord>;
    async fn last_sweep(&self) -> StoreResult<Option<SweepRecord>>;
    /// Whether any code draws on a per-concurrent-device item (the sweeper then runs every minute).
    async fn has_concurrent_items(&self) -> StoreResult<bool>;
}

const LTS_ID: &str = "SELECT value FROM meta WHERE key = 'lts_id'";

/// `status`'s counts (`$1` now), with `$active` the expression counting the devices holding a seat now:
/// the one thing the backends count their own way (see [`ServerDialect`]).
macro_rules! counts {
    ($active:expr) => {
        concatcp!(
            "SELECT (SELECT COUNT(*) FROM trusted_keys) AS trusted_keys,
       (SELECT COUNT(*) FROM licenses) AS licenses, (SELECT COUNT(*) FROM items) AS items,
       (SELECT COUNT(*) FROM handshakes) AS handshakes, ",
            $active,
            " AS active_devices"
        )
    };
}

/// Active devices counted row by row (PostgreSQL: it has no counter).
pub(crate) const COUNTED: &str = counts!("(SELECT COUNT(*) FROM devices WHERE expires_at > $1)");

/// Active devices from SQLite's per-item counters (`item_seats`: every row, kept by triggers) less the
/// expired rows not swept yet, a short range of `devices_expires`: the same number as [`COUNTED`]
/// without reading ten million rows. One statement, so one snapshot: counters and rows agree.
pub(crate) const FROM_COUNTERS: &str = counts!(
    "((SELECT COALESCE(SUM(n), 0) FROM item_seats)
      - (SELECT COUNT(*) FROM devices WHERE expires_at <= $1))"
);

/// How a backend counts what `status` shows.
pub(crate) trait ServerDialect: Conn {
    const COUNTS: &'static str;
}

/// The first writer wins on every instance sharing the database: a concurrent insert of the same key
/// waits for the first to commit, then does nothing.
const META_INIT: &str =
    "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING";

const META: &str = "SELECT value FROM meta WHERE key = $1";

/// Up to `$2` devices whose removal time `$1` has passed. The outer `expires_at` is not redundant: at
/// READ COMMITTED, PostgreSQL checks a row that changed after the subquery read it (a seat renewed
/// meanwhile) against the outer WHERE only, so without it a renewed seat would be removed.
const SWEEP_DEVICES: &str = "DELETE FROM devices WHERE expires_at <= $1
     AND (handshake, uuid) IN (SELECT handshake, uuid FROM devices WHERE expires_at <= $1 LIMIT $2)";

/// Up to `$2` grants that ran out before `$1`: late usage is no longer accepted for them.
const PRUNE_GRANTS: &str = "DELETE FROM device_grants WHERE granted_until < $1
     AND (handshake, uuid, item_id) IN (SELECT handshake, uuid, item_id FROM device_grants
                                        WHERE granted_until < $1 LIMIT $2)";

const INSERT_SWEEP: &str =
    "INSERT INTO sweeps (started_at, finished_at, removed, trigger) VALUES ($1, $2, $3, $4)";

const LAST_SWEEP: &str =
    "SELECT started_at, finished_at, removed, trigger FROM sweeps ORDER BY id DESC LIMIT 1";

const CONCURRENT_ITEMS: &str =
    "SELECT COUNT(*) FROM handshake_items hi JOIN items i ON i.id = hi.item_id
     WHERE i.option = 'per-concurrent-device'";

/// Makes sure the store has an `lts_id` (the first instance to open it decides).
pub(crate) async fn ensure_lts_id(c: &mut impl Conn) -> StoreResult<()> {
    let id = uuid::Uuid::new_v4().to_string();
    c.execute(META_INIT, args!["lts_id", id.as_str()]).await?;
    Ok(())
}

/// Grants that ran out before this are pruned by a sweep at `now`.
fn grants_ran_out_before(now: i64) -> i64 {
    let window = crate::domain::usage::LATE_UPLOAD_WINDOW.as_secs() as i64;
    now.saturating_sub(window)
}

async fn sweep_with<B: Backend>(
    store: &B,
    now: i64,
    trigger: &str,
    batches: SweepBatches,
) -> StoreResult<SweepRecord> {
    let started = Instant::now();
    let Some(claim) = store.claim_sweep().await? else {
        // Another sweep of this store is running: nothing removed and no run recorded, so the sweeps
        // table counts each real run once.
        return Ok(SweepRecord {
            started_at: now,
            finished_at: now,
            removed: 0,
            trigger: format!("{trigger}:skipped"),
        });
    };
    // Dropping the claim on an error releases it: the next sweep carries on where this one stopped.
    let removed = delete_in_batches(store, SWEEP_DEVICES, now, batches).await?;
    delete_in_batches(store, PRUNE_GRANTS, grants_ran_out_before(now), batches).await?;
    let finished_at = now.saturating_add(started.elapsed().as_secs() as i64);
    in_tx!(store, |c| c.execute(INSERT_SWEEP, args![now, finished_at, removed, trigger]))?;
    store.end_sweep(claim).await;
    Ok(SweepRecord { started_at: now, finished_at, removed, trigger: trigger.to_string() })
}

/// Runs `delete` (`$1` the cutoff, `$2` the batch size) in transactions of its own until one removes
/// fewer rows than asked, or for at most `batches.rounds` transactions; how many rows it removed. Every
/// transaction takes the store's write turn like any other write, so a server's writes run in between.
async fn delete_in_batches<B: Backend>(
    store: &B,
    delete: &'static str,
    cutoff: i64,
    batches: SweepBatches,
) -> StoreResult<i64> {
    let mut removed = 0;
    let mut batch = batches.pace.first;
    for _ in 0..batches.rounds {
        let started = Instant::now();
        let size = i64::from(batch);
        let n = in_tx!(store, |c| c.execute(delete, args![cutoff, size]))? as i64;
        // What an operator checks the pacing by (`LTSCTL_LOG=ltsctl=debug`).
        tracing::debug!(
            "sweep batch: {n} of {size} row(s) in {} ms",
            started.elapsed().as_millis()
        );
        removed += n;
        if n < size {
            break;
        }
        batch = batches.pace.next(batch, started.elapsed());
    }
    Ok(removed)
}

#[async_trait]
impl<B: Backend> ServerStore for B {
    async fn lts_id(&self) -> StoreResult<String> {
        on_reader!(self, |c| c.scalar(LTS_ID, args![]))
    }

    async fn counts(&self, now: i64) -> StoreResult<Counts> {
        on_reader!(self, |c| c.fetch_one(<B::Conn as ServerDialect>::COUNTS, args![now]))
    }

    fn location(&self) -> String {
        Backend::location(self)
    }

    async fn meta_init(&self, key: &str, value: &str) -> StoreResult<String> {
        on_reader!(self, |c| async {
            c.execute(META_INIT, args![key, value]).await?;
            c.scalar(META, args![key]).await
        })
    }

    async fn backup_to(&self, path: &std::path::Path) -> StoreResult<()> {
        match Backend::backup_to(self, path).await {
            Some(done) => done,
            None => Err(StoreError::Invalid(
                "this backend is backed up with its own tools (PostgreSQL: pg_dump); see README"
                    .into(),
            )),
        }
    }

    async fn sweep_batched(
        &self,
        now: i64,
        trigger: &str,
        batches: SweepBatches,
    ) -> StoreResult<SweepRecord> {
        sweep_with(self, now, trigger, batches).await
    }

    async fn last_sweep(&self) -> StoreResult<Option<SweepRecord>> {
        on_reader!(self, |c| c.fetch_optional(LAST_SWEEP, args![]))
    }

    async fn has_concurrent_items(&self) -> StoreResult<bool> {
        let n: i64 = on_reader!(self, |c| c.scalar(CONCURRENT_ITEMS, args![]))?;
        Ok(n > 0)
    }
}
