//! What the shared store code needs from a backend, so that every area (`store/licenses.rs`, ...) is
//! written once and implemented for SQLite and PostgreSQL alike by one blanket `impl<B: Backend>`.
//!
//! A backend gives connections to read on, write transactions, a way to run a transaction again when
//! the database asks for it (PostgreSQL's serialization failures and deadlocks; SQLite's single writer
//! never does), and the device path's writes (group commit: all of them on SQLite, seating on PostgreSQL). What the two dialects say
//! differently is in [`Dialect`] and the areas' own dialect traits, implemented in `store/sqlite/` and
//! `store/postgres/`.

use std::future::Future;
use std::ops::DerefMut;
use std::pin::Pin;

use super::StoreResult;
use super::query::Conn;
use crate::domain::seats::{SeatOutcome, SeatRequest};

pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A write transaction: committed by [`Commit::commit`], rolled back when dropped.
pub(crate) trait Commit: Send {
    fn commit(self) -> impl Future<Output = StoreResult<()>> + Send;
}

pub(crate) trait Backend: Send + Sync + 'static {
    type Conn: Dialect;
    /// A write transaction on a connection.
    type Tx: DerefMut<Target = Self::Conn> + Commit;
    /// A connection to read on, outside any transaction.
    type Reader: DerefMut<Target = Self::Conn> + Send;

    fn reader(&self) -> impl Future<Output = StoreResult<Self::Reader>> + Send;

    /// Where the data lives, for people: a path, or the URL without its password.
    fn location(&self) -> String;

    /// A consistent copy of the whole store at `path` while it stays in use, if the backend makes one
    /// itself (`None`: it is backed up with its own tools).
    fn backup_to(
        &self,
        path: &std::path::Path,
    ) -> impl Future<Output = Option<StoreResult<()>>> + Send {
        let _ = path;
        async { None }
    }

    fn begin(&self) -> impl Future<Output = StoreResult<Self::Tx>> + Send;

    /// This instance's claim to sweep, held across all the sweep's transactions (see
    /// [`Backend::claim_sweep`]); dropping it releases it too, so a sweep that fails or is cancelled
    /// never leaves it behind.
    type SweepClaim: Send;

    /// Claims the sweep: `None` while another sweep of the same store runs (PostgreSQL: on any instance
    /// sharing the database; SQLite: in any process sharing the data dir), so one sweeps at a time and
    /// the others skip the round. A sweep deletes in many short transactions, so the claim cannot be a
    /// transaction's lock: it lasts until [`Backend::end_sweep`], or until the process ends.
    fn claim_sweep(&self) -> impl Future<Output = StoreResult<Option<Self::SweepClaim>>> + Send;

    /// Releases the claim once the sweep is recorded.
    fn end_sweep(&self, claim: Self::SweepClaim) -> impl Future<Output = ()> + Send;

    /// The claim to evaluate alerts, like [`Backend::claim_sweep`] but its own (a sweep and an
    /// evaluation may run together): `None` while another evaluation of the same store runs, so with
    /// several instances on one database one evaluates and each alert is recorded and queued once.
    fn claim_alerts(&self) -> impl Future<Output = StoreResult<Option<Self::SweepClaim>>> + Send;

    /// Releases the alert claim.
    fn end_alerts(&self, claim: Self::SweepClaim) -> impl Future<Output = ()> + Send;

    /// Runs `attempt` (one whole transaction) until it succeeds or fails for good.
    fn retrying<T, F, Fut>(&self, attempt: F) -> impl Future<Output = StoreResult<T>> + Send
    where
        T: Send,
        F: FnMut() -> Fut + Send,
        Fut: Future<Output = StoreResult<T>> + Send;

    /// A write of the device path: on SQLite it joins the next group commit (one transaction and one
    /// fsync for every request queued meanwhile; `several`: it writes more than once, so it gets a
    /// savepoint of its own), on PostgreSQL it is a transaction like any other.
    fn hot_write<T, F>(
        &self,
        several: bool,
        work: F,
    ) -> impl Future<Output = StoreResult<T>> + Send
    where
        T: Send + 'static,
        F: for<'c> Fn(&'c mut Self::Conn) -> BoxFuture<'c, StoreResult<T>> + Send + Sync + 'static;

    /// Seats a device (see [`super::seat_group`]) with every other authorization of the next group
    /// commit, in one set of statements: on SQLite in the writer's group, on PostgreSQL in the seat
    /// queue's (`postgres/seat_queue.rs`).
    fn hot_seat(&self, req: SeatRequest) -> impl Future<Output = StoreResult<SeatOutcome>> + Send;

    /// [`super::SeatsStore::device_lookup`] on the caller's thread, when the backend can answer it
    /// without a connection of the pool (SQLite, see `sqlite/lookup.rs`); `None`: read through the pool.
    fn device_lookup_now(
        &self,
        handshake: &str,
        uuid: &str,
    ) -> Option<StoreResult<super::seats::DeviceLookup>> {
        let _ = (handshake, uuid);
        None
    }

    /// [`super::DevicesStore::device_lister`]: a listing on a connection of its own, for a blocking
    /// thread (SQLite, see `sqlite/listing.rs`); `None`: the backend has none.
    fn blocking_device_lister(&self) -> Option<Box<dyn super::devices::DeviceLister>> {
        None
    }
}

/// What a transaction locks before it checks and changes rows, so that another one doing the same waits
/// for it. PostgreSQL takes row locks; SQLite has one writer at a time, so nothing needs locking there.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Lock<'a> {
    /// A license's row (importing, replacing or removing it).
    License(&'a str),
    /// Every item of a license (replacing it: no device is seated on an item it drops meanwhile).
    ItemsOfLicense(&'a str),
    /// A handshake code's row (changes to one code are applied one after the other).
    Handshake(&'a str),
    /// These items' rows, whose room the transaction counts (seating, concurrent usage).
    Items(&'a [String]),
}

/// The statements the dialects say differently, that every area needs.
pub(crate) trait Dialect:
    Conn
    + super::seats::SeatsDialect
    + super::devices::DevicesDialect
    + super::usage::UsageDialect
    + super::server::ServerDialect
    + super::alerts::AlertsDialect
{
    fn lock<'a>(&'a mut self, what: Lock<'a>) -> impl Future<Output = StoreResult<()>> + Send + 'a;
}

/// `in_tx!(store, |c| work(c, ...))`: runs `work` in one write transaction of `store` (again, if the
/// database asks), and commits it when it returns `Ok`.
macro_rules! in_tx {
    ($store:expr, |$c:ident| $work:expr) => {
        $store
            .retrying(|| async {
                let mut tx = $store.begin().await?;
                let out = {
                    let $c = &mut *tx;
                    $work.await?
                };
                $crate::store::backend::Commit::commit(tx).await?;
                Ok(out)
            })
            .await
    };
}
pub(crate) use in_tx;

/// `on_reader!(store, |c| work(c, ...))`: runs `work` on a connection of `store`, outside a transaction.
macro_rules! on_reader {
    ($store:expr, |$c:ident| $work:expr) => {{
        let mut conn = $store.reader().await?;
        let $c = &mut *conn;
        $work.await
    }};
}
pub(crate) use on_reader;
