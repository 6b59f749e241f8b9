//! WAL checkpoints off the group writer's commit path. By default SQLite checkpoints inside the commit
//! that takes the WAL past 1,000 pages: that commit copies every page of the WAL back into the database
//! file and fsyncs it before it returns, and every request of its group waits for it (under figure 1's
//! load, a checkpoint every few groups). The writer's connection therefore has `wal_autocheckpoint` off,
//! and this task checkpoints on a connection of its own, woken after the writer's commits: a `PASSIVE`
//! checkpoint never takes the write lock, so the writer goes on appending to the WAL meanwhile.
//!
//! Durability is unchanged: a commit is durable once its WAL frames are synced (`synchronous = FULL`);
//! a checkpoint only moves committed pages into the main file, and one interrupted by a crash is redone
//! from the WAL at the next open.
//!
//! The bound: a passive checkpoint cannot reset the WAL while the writer keeps appending to it, so under
//! sustained load the file could grow without end. Once it holds [`RESTART_FRAMES`] frames, the
//! checkpoint is a `RESTART` taken in the store's turn (between two groups, see
//! [`super::writer::GroupWriter::turn`]): it copies what is left, the next group writes the WAL from its
//! start again, and `journal_size_limit` then cuts the file back to [`WAL_LIMIT_BYTES`].

use std::sync::Arc;
use std::time::Duration;

use sqlx::SqlitePool;
use tokio::sync::mpsc;

/// Frames (pages) in the WAL past which the checkpoint resets it: 64 MiB at SQLite's 4 KiB pages.
pub(super) const RESTART_FRAMES: i64 = 16_384;

/// `journal_size_limit` of the store's connections: what a reset WAL file is truncated to.
pub(super) const WAL_LIMIT_BYTES: i64 = 64 * 1024 * 1024;

/// After a wake-up, the checkpoint waits this long so that one checkpoint copies the pages of several
/// groups (a page written by many groups is copied once) instead of running once per commit.
const GATHER: Duration = Duration::from_millis(20);

/// The writer's handle: wakes the checkpointer after a commit. Dropping it (the writer task ended) ends
/// the checkpointer once it has run a last checkpoint.
pub(super) struct Wake(mpsc::Sender<()>);

impl Wake {
    /// Starts the checkpointer on `pool` (a connection of its own) and returns the writer's handle.
    pub(super) fn start(pool: SqlitePool, turn: Arc<tokio::sync::Mutex<()>>) -> Wake {
        let (tx, rx) = mpsc::channel(1);
        tokio::spawn(checkpointer(pool, rx, turn));
        Wake(tx)
    }

    /// Asks for a checkpoint soon; one already asked for covers this commit too.
    pub(super) fn committed(&self) {
        let _ = self.0.try_send(());
    }
}

async fn checkpointer(
    pool: SqlitePool,
    mut wake: mpsc::Receiver<()>,
    turn: Arc<tokio::sync::Mutex<()>>,
) {
    while wake.recv().await.is_some() {
        tokio::time::sleep(GATHER).await;
        let frames = match checkpoint(&pool, "PRAGMA wal_checkpoint(PASSIVE)").await {
            Ok(frames) => frames,
            Err(e) => {
                tracing::warn!(error = %e, "WAL checkpoint failed; the next commit retries it");
                continue;
            }
        };
        if frames >= RESTART_FRAMES {
            // In the store's turn, so the writer waits on its fair lock rather than SQLite's busy
            // handler. Readers still on an older snapshot make it wait (busy timeout) or give up
            // with `busy`, checkpointing what it can; the next commit tries again.
            let _turn = turn.lock().await;
            if let Err(e) = checkpoint(&pool, "PRAGMA wal_checkpoint(RESTART)").await {
                tracing::warn!(error = %e, frames, "resetting the WAL failed; the next commit retries it");
            }
        }
    }
    // The writer has stopped (the store is closing, or a new writer takes over): leave the WAL
    // checkpointed. The pool is not closed here: a new writer's checkpointer shares it.
    let _ = checkpoint(&pool, "PRAGMA wal_checkpoint(PASSIVE)").await;
}

/// Runs one checkpoint pragma; returns the frames in the WAL when it ran.
async fn checkpoint(pool: &SqlitePool, pragma: &'static str) -> Result<i64, sqlx::Error> {
    let (_busy, log, _copied): (i64, i64, i64) = sqlx::query_as(pragma).fetch_one(pool).await?;
    Ok(log)
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use crate::store::SqliteStore;
    use crate::store::backend::Backend;

    /// The writer's connection never checkpoints (`wal_autocheckpoint` off), so the main database file
    /// grows only if this task copies the WAL's pages into it.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_writers_commits_reach_the_database_file_by_the_checkpointer() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).await.unwrap();
        sqlx::query("CREATE TABLE ckpt_probe (x BLOB NOT NULL)")
            .execute(store.pool())
            .await
            .unwrap();
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(store.pool()).await.unwrap();
        let db = dir.path().join(super::super::DB_FILE);
        let before = std::fs::metadata(&db).unwrap().len();
        for _ in 0..300 {
            store
                .hot_write(false, |c| {
                    Box::pin(async move {
                        sqlx::query("INSERT INTO ckpt_probe (x) VALUES (randomblob(4000))")
                            .execute(&mut *c)
                            .await?;
                        Ok(())
                    })
                })
                .await
                .unwrap();
        }
        // 300 rows of 4,000 bytes: about 1.2 MB once they are in the main file.
        let deadline = Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let grown = std::fs::metadata(&db).unwrap().len() - before;
            if grown >= 1_000_000 {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the database file grew by {grown} bytes only: the WAL was not checkpointed"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
}
