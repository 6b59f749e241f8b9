//! Group commit for the device path. SQLite has one writer at a time and, with `synchronous = FULL`, every
//! commit waits for an fsync; one transaction per authorization would cap the server at one fsync per
//! request. Instead one task per store owns the device writes: requests queue while the previous group is
//! being committed, and the next group runs them all in one `BEGIN IMMEDIATE` transaction, then commits
//! once and answers every request. The group's seat requests are decided together, with a fixed number
//! of statements ([`crate::store::seat_group`]); a failure there aborts the group, since SQLite may then
//! have rolled the whole transaction back (see [`run_group_on`]), and its seat requests run again one
//! by one, so that only the one at fault fails. A usage batch (several writes) runs
//! inside its own savepoint and, when it fails, rolls back alone.
//!
//! Other write transactions of the same process (admin changes, the sweeper) take turns with the groups
//! through a fair lock. Known limit: another process writing to the same file (the CLI on the data dir
//! of a running server) gets in only through SQLite's busy handler, so under sustained device load it can
//! wait up to the 10 s busy timeout.
//!
//! Nothing is answered before its group has committed, so an acknowledged seat or report survives a crash
//! like before; the room checks of a group run one after the other inside one transaction, so no quota
//! can be over-allocated. The group size adapts to the load: one request alone is committed at once.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::{mpsc, oneshot};

use super::checkpoint::Wake;
use super::db;
use crate::domain::seats::{SeatOutcome, SeatRequest};
use crate::store::seat_group::seat_group;
use crate::store::task_queue::TaskQueue;
use crate::store::{StoreError, StoreResult};

/// At most this many requests share one transaction (bounds the time a request waits behind others).
const MAX_GROUP: usize = 256;
/// Requests waiting for the writer beyond this make callers wait to enqueue (back-pressure).
const QUEUE: usize = 4096;

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One unit of work: runs against the group's connection inside its savepoint, and answers its caller.
trait Job: Send {
    /// Whether the job writes more than once and so needs a savepoint to fail alone (a single statement
    /// is atomic by itself: when it fails, SQLite undoes that statement and the transaction goes on).
    fn needs_savepoint(&self) -> bool;
    fn run<'c>(&'c mut self, conn: &'c mut SqliteConnection) -> BoxFuture<'c, bool>;
    /// Answers the caller once the group committed (or failed to).
    fn finish(self: Box<Self>, commit: Result<(), &StoreError>);
}

/// A closure-based job: `work` computes the answer, which is held until the commit.
struct Pending<T, F> {
    savepoint: bool,
    work: Option<F>,
    result: Option<StoreResult<T>>,
    reply: oneshot::Sender<StoreResult<T>>,
}

impl<T, F> Job for Pending<T, F>
where
    T: Send + 'static,
    F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, StoreResult<T>> + Send + 'static,
{
    fn needs_savepoint(&self) -> bool {
        self.savepoint
    }

    fn run<'c>(&'c mut self, conn: &'c mut SqliteConnection) -> BoxFuture<'c, bool> {
        Box::pin(async move {
            let work = self.work.take().expect("a job runs once");
            let result = work(conn).await;
            let ok = result.is_ok();
            self.result = Some(result);
            ok
        })
    }

    fn finish(self: Box<Self>, commit: Result<(), &StoreError>) {
        let answer = match (commit, self.result) {
            (Ok(()), Some(result)) => result,
            // Its own failure says more than the group's.
            (Err(_), Some(Err(own))) => Err(own),
            (Err(e), _) => Err(e.clone()),
            (Ok(()), None) => Err(StoreError::database("the write was not run")),
        };
        // The caller may have gone (client hung up): the write stands, nobody to tell.
        let _ = self.reply.send(answer);
    }
}

/// The handle callers use; clones share one writer task.
#[derive(Clone, Default)]
pub(super) struct GroupWriter {
    queue: TaskQueue<Work>,
    /// Taken by the writer for each group and by every other in-process write transaction; tokio's mutex
    /// serves waiters in order, so neither side can starve the other.
    turn: Arc<tokio::sync::Mutex<()>>,
}

/// What the writer is asked to run: a seat request (seated with the rest of its group) or any other job.
enum Work {
    Seat(SeatRequest, oneshot::Sender<StoreResult<SeatOutcome>>),
    Job(Box<dyn Job>),
}

/// The connections the writer uses: its own (with `wal_autocheckpoint` off) and the checkpointer's.
#[derive(Clone)]
pub(super) struct WriterPools {
    pub(super) writer: SqlitePool,
    pub(super) checkpoint: SqlitePool,
}

impl GroupWriter {
    /// This store's turn to write (see [`super::SqliteStore::write_tx`]).
    pub(super) async fn turn(&self) -> tokio::sync::OwnedMutexGuard<()> {
        Arc::clone(&self.turn).lock_owned().await
    }

    /// Runs `work` inside the next group transaction and returns its answer once that group committed.
    /// `savepoint`: `work` makes more than one change, which must be undone together if it fails.
    /// The writer task starts with the first call (commands that never seat a device never start it),
    /// and again if it ever stopped (a panic in a job, or the runtime that ran it shut down): the
    /// requests of the group it was running get an error, later ones a new writer.
    pub(super) async fn run<T, F>(
        &self,
        pool: &WriterPools,
        savepoint: bool,
        work: F,
    ) -> StoreResult<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, StoreResult<T>>
            + Send
            + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job = Box::new(Pending { savepoint, work: Some(work), result: None, reply });
        self.send(pool, Work::Job(job)).await?;
        answer.await.map_err(|_| StoreError::database("the store's writer stopped mid-write"))?
    }

    /// Seats a device in the next group and returns the outcome once that group committed.
    pub(super) async fn seat(
        &self,
        pool: &WriterPools,
        req: SeatRequest,
    ) -> StoreResult<SeatOutcome> {
        let (reply, answer) = oneshot::channel();
        self.send(pool, Work::Seat(req, reply)).await?;
        answer.await.map_err(|_| StoreError::database("the store's writer stopped mid-write"))?
    }

    async fn send(&self, pool: &WriterPools, work: Work) -> StoreResult<()> {
        // The closure runs only when the task has to be started.
        let start = |rx| writer_task(pool.clone(), rx, Arc::clone(&self.turn));
        let queue = self.queue.sender(QUEUE, start);
        queue.send(work).await.map_err(|_| StoreError::database("the store's writer has stopped"))
    }
}

/// One group: its seat requests (answered together) and its other jobs.
#[derive(Default)]
struct Group {
    seats: Vec<SeatRequest>,
    replies: Vec<oneshot::Sender<StoreResult<SeatOutcome>>>,
    /// The seat requests' outcomes, held until the commit.
    outcomes: Vec<SeatOutcome>,
    jobs: Vec<Box<dyn Job>>,
}

impl Group {
    fn answer(&mut self, commit: Result<(), &StoreError>) {
        let outcomes = std::mem::take(&mut self.outcomes);
        let seats = self.replies.drain(..);
        match commit {
            Ok(()) if outcomes.len() == seats.len() => {
                for (reply, outcome) in seats.zip(outcomes) {
                    // The caller may have gone (client hung up): the seat stands, nobody to tell.
                    let _ = reply.send(Ok(outcome));
                }
            }
            Ok(()) => {
                for reply in seats {
                    let _ = reply.send(Err(StoreError::database("the seat was not decided")));
                }
            }
            Err(e) => {
                for reply in seats {
                    let _ = reply.send(Err(e.clone()));
                }
            }
        }
        self.seats.clear();
        for job in self.jobs.drain(..) {
            job.finish(commit);
        }
    }
}

async fn writer_task(
    pools: WriterPools,
    mut rx: mpsc::Receiver<Work>,
    turn: Arc<tokio::sync::Mutex<()>>,
) {
    let pool = pools.writer;
    let checkpoints = Wake::start(pools.checkpoint, Arc::clone(&turn));
    let mut queued: Vec<Work> = Vec::with_capacity(MAX_GROUP);
    let mut group = Group::default();
    while rx.recv_many(&mut queued, MAX_GROUP).await > 0 {
        for work in queued.drain(..) {
            match work {
                Work::Seat(req, reply) => {
                    group.seats.push(req);
                    group.replies.push(reply);
                }
                Work::Job(job) => group.jobs.push(job),
            }
        }
        crate::metrics::commit_group("sqlite", group.seats.len() + group.jobs.len());
        let outcome = {
            let _turn = turn.lock().await;
            run_group(&pool, &mut group).await
        };
        match outcome {
            Err(e) if group.seats.len() > 1 => {
                // Nothing of the group was written. Its seat requests run again one by one, so only
                // the one at fault (an item removed meanwhile, say) fails; its other jobs have run
                // their work already and get the group's error.
                for job in group.jobs.drain(..) {
                    job.finish(Err(&e));
                }
                let seats = std::mem::take(&mut group.seats);
                let replies = std::mem::take(&mut group.replies);
                group.outcomes.clear();
                for (req, reply) in seats.into_iter().zip(replies) {
                    let mut one =
                        Group { seats: vec![req], replies: vec![reply], ..Group::default() };
                    let alone = {
                        let _turn = turn.lock().await;
                        run_group(&pool, &mut one).await
                    };
                    one.answer(alone.as_ref().map(|_| ()));
                }
            }
            outcome => group.answer(outcome.as_ref().map(|_| ())),
        }
        checkpoints.committed();
    }
}

/// Runs one group on a connection of its own. When the group fails, that connection is closed rather
/// than returned to the pool: after an error SQLite may have rolled the transaction back by itself, and
/// sqlx would then hand out a connection that still believes it is inside one.
async fn run_group(pool: &SqlitePool, group: &mut Group) -> StoreResult<()> {
    let mut conn = pool.acquire().await.map_err(db)?;
    let outcome = run_group_on(&mut conn, group).await;
    if outcome.is_err() {
        conn.close_on_drop();
    }
    outcome
}

async fn run_group_on(conn: &mut SqliteConnection, group: &mut Group) -> StoreResult<()> {
    let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await.map_err(db)?;
    if !group.seats.is_empty() {
        // A failed statement here aborts the group: SQLite undoes a failed statement by itself only for
        // constraint errors; after I/O errors, a full disk or out-of-memory it may have rolled back the
        // whole transaction, and what runs after would then run outside any transaction (its room checks
        // no longer atomic). Such failures are rare; the group's callers get an error and nothing of the
        // group is written.
        let reqs: Vec<&SeatRequest> = group.seats.iter().collect();
        group.outcomes = seat_group(&mut *tx, &reqs).await?;
    }
    for job in group.jobs.iter_mut() {
        if !job.needs_savepoint() {
            // A single write that fails aborts the group, for the reason above.
            if !job.run(&mut tx).await {
                return Err(StoreError::database(
                    "a write in the same group failed; nothing of the group was written, retry",
                ));
            }
            continue;
        }
        sqlx::query("SAVEPOINT job").execute(&mut *tx).await.map_err(db)?;
        if !job.run(&mut tx).await {
            // Fails (and so aborts the group) if SQLite already rolled the whole transaction back.
            sqlx::query("ROLLBACK TO job").execute(&mut *tx).await.map_err(db)?;
        }
        sqlx::query("RELEASE job").execute(&mut *tx).await.map_err(db)?;
    }
    tx.commit().await.map_err(db)
}
