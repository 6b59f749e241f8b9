//! Group commit for seating on PostgreSQL. A seat that takes room locks its item's row until it commits,
//! and with durability on every commit waits for a WAL flush: one transaction per authorization lines
//! every new device of a busy item up behind one flush at a time (47 new devices per second in
//! BENCHMARKS.md). Instead one task per store takes every seat request queued meanwhile and seats them
//! together in one transaction ([`seat_group`]: a fixed number of statements, the items' rows locked
//! once in id order), commits once and answers them all. One request alone is committed at once, so
//! the group size follows the load.
//!
//! Several instances on one database each group their own requests; their groups take the same row
//! locks in the same order, so they wait for each other rather than deadlock (a deadlock or
//! serialization failure is retried like any transaction). Nothing is answered before its group
//! committed. A group that fails for a reason of its own (not a retryable one) is run again one request
//! at a time, so only the request at fault gets the error.

use sqlx::PgPool;
use tokio::sync::{mpsc, oneshot};

use super::retrying;
use crate::domain::seats::{SeatOutcome, SeatRequest};
use crate::store::seat_group::seat_group;
use crate::store::task_queue::TaskQueue;
use crate::store::{StoreError, StoreResult};

/// At most this many requests share one transaction (bounds the time a request waits behind others).
const MAX_GROUP: usize = 256;
/// Requests waiting beyond this make callers wait to enqueue (back-pressure).
const QUEUE: usize = 4096;

type Waiting = (SeatRequest, oneshot::Sender<StoreResult<SeatOutcome>>);

/// The handle the store seats through; clones share one task. The task holds the pool only, so it ends
/// when the last handle (the last clone of the store) is dropped.
#[derive(Clone, Default)]
pub(super) struct SeatQueue {
    queue: TaskQueue<Waiting>,
}

impl SeatQueue {
    /// Seats `req` in the next group and returns its outcome once that group committed. The task starts
    /// with the first request, and again if it stopped (its runtime shut down).
    pub(super) async fn seat(&self, pool: &PgPool, req: SeatRequest) -> StoreResult<SeatOutcome> {
        let (reply, answer) = oneshot::channel();
        let queue = self.queue.sender(QUEUE, |rx| run(pool.clone(), rx));
        queue
            .send((req, reply))
            .await
            .map_err(|_| StoreError::database("the store's seat queue has stopped"))?;
        answer
            .await
            .map_err(|_| StoreError::database("the store's seat queue stopped mid-write"))?
    }
}

async fn run(pool: PgPool, mut rx: mpsc::Receiver<Waiting>) {
    let mut queued: Vec<Waiting> = Vec::with_capacity(MAX_GROUP);
    while rx.recv_many(&mut queued, MAX_GROUP).await > 0 {
        let (reqs, replies): (Vec<SeatRequest>, Vec<_>) = queued.drain(..).unzip();
        crate::metrics::commit_group("postgres", reqs.len());
        match seat_all(&pool, &reqs).await {
            Ok(outcomes) if outcomes.len() == replies.len() => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    // The caller may have gone (client hung up): the seat stands, nobody to tell.
                    let _ = reply.send(Ok(outcome));
                }
            }
            Ok(_) => {
                for reply in replies {
                    let _ = reply.send(Err(StoreError::database("the seat was not decided")));
                }
            }
            Err(_) if reqs.len() > 1 => {
                // Nothing of the group was written: each request again on its own, so only the one at
                // fault (an item removed meanwhile, say) fails.
                for (req, reply) in reqs.iter().zip(replies) {
                    let one = seat_all(&pool, std::slice::from_ref(req)).await;
                    let _ = reply.send(one.and_then(crate::store::seat_group::one_outcome));
                }
            }
            Err(e) => {
                for reply in replies {
                    let _ = reply.send(Err(e.clone()));
                }
            }
        }
    }
}

/// Seats `reqs` in one READ COMMITTED transaction (again, if PostgreSQL asks), committed before it returns.
async fn seat_all(pool: &PgPool, reqs: &[SeatRequest]) -> StoreResult<Vec<SeatOutcome>> {
    let refs: Vec<&SeatRequest> = reqs.iter().collect();
    retrying(|| async {
        let mut tx = pool.begin_with("BEGIN ISOLATION LEVEL READ COMMITTED").await?;
        let outcomes = seat_group(&mut *tx, &refs).await?;
        tx.commit().await?;
        Ok(outcomes)
    })
    .await
}
