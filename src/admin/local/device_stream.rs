//! A whole device listing as a stream of chunks, for the admin API's `GET /v1/admin/devices/stream`:
//! the remote `devices list -o json` in one request instead of one round trip per page.
//!
//! Where the store has a blocking lister (SQLite: one statement on one snapshot, on a connection of its
//! own, see `store/sqlite/listing.rs`), the rows are written as SQLite steps them on a blocking thread,
//! one device's JSON per line, and sent in chunks of [`CHUNK`] bytes through a channel of [`QUEUED`]
//! chunks: memory stays flat however many devices there are, and a slow client holds the statement back
//! (back-pressure) instead of the server buffering its rows. A client that takes nothing for [`STALL`]
//! loses its listing (the statement's snapshot would otherwise be held open indefinitely). Elsewhere
//! (PostgreSQL) the same stream is made from pages of [`MAX_PAGE`] rows read one after the other; each page is
//! its own statement, as with the paged API.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Semaphore, mpsc};

use super::LocalAdmin;
use super::devices::{MAX_PAGE, cursor_of, device_view, filter, sort};
use crate::admin::DeviceQuery;
use crate::error::{Error, ErrorKind, Result};
use crate::store::{DeviceFilter, DeviceLister, DeviceListing, DeviceSort, Store};

/// Bytes of rows per chunk sent (about 200 devices).
const CHUNK: usize = 64 * 1024;
/// Chunks waiting for the client at most: with [`CHUNK`], what a listing buffers on the server.
const QUEUED: usize = 4;
/// How long a chunk may wait for the client before the listing is given up.
pub const STALL: Duration = Duration::from_secs(30);
/// Streamed listings running at once; more are refused as busy (each holds a thread and a connection).
const RUNNING: usize = 8;

static RUNNING_NOW: Semaphore = Semaphore::const_new(RUNNING);

/// What the listing sends: lines of devices, then how it ended.
#[derive(Debug)]
pub enum Chunk {
    /// Whole lines, each one device's JSON (the serde encoding of `DeviceView`) and `\n`.
    Rows(Vec<u8>),
    /// Every matching device was sent: how many.
    End(u64),
    /// The listing failed after it started.
    Failed(Error),
}

impl LocalAdmin {
    /// Starts listing every device matching `query` (up to `limit`), in its sort order; the chunks come
    /// through the receiver, the last one an [`Chunk::End`] or [`Chunk::Failed`]. If the receiver is
    /// dropped, the listing stops at its next chunk.
    pub fn devices_stream(
        &self,
        query: &DeviceQuery,
        limit: Option<u64>,
    ) -> Result<mpsc::Receiver<Chunk>> {
        let permit = RUNNING_NOW.try_acquire().map_err(|_| {
            Error::new(
                ErrorKind::Busy,
                format!("{RUNNING} streamed device listings are running already"),
            )
            .with_hint("retry in a moment")
        })?;
        let now = self.now();
        let filter = filter(query, now);
        let order = sort(query.sort);
        let (tx, rx) = mpsc::channel(QUEUED);
        match self.store.device_lister() {
            Some(lister) => {
                let runtime = tokio::runtime::Handle::current();
                // SQLite reads "no limit" as a negative LIMIT.
                let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
                tokio::task::spawn_blocking(move || {
                    blocking(lister, &filter, order, limit, &Sender { tx, runtime });
                    drop(permit);
                });
            }
            None => {
                let store = self.store.clone();
                tokio::spawn(async move {
                    paged(store, filter, order, limit, now, tx).await;
                    drop(permit);
                });
            }
        }
        Ok(rx)
    }
}

/// The channel's sending end on a blocking thread.
struct Sender {
    tx: mpsc::Sender<Chunk>,
    runtime: tokio::runtime::Handle,
}

impl Sender {
    /// False when the client is gone or took nothing for [`STALL`]: the listing stops.
    fn send(&self, chunk: Chunk) -> bool {
        self.runtime.block_on(send(&self.tx, chunk))
    }
}

async fn send(tx: &mpsc::Sender<Chunk>, chunk: Chunk) -> bool {
    match tokio::time::timeout(STALL, tx.send(chunk)).await {
        Ok(Ok(())) => true,
        // The client went away (the response body was dropped): nothing to report.
        Ok(Err(_)) => false,
        Err(_) => {
            tracing::warn!(
                "a streamed device listing was stopped: its client took nothing for {} s",
                STALL.as_secs()
            );
            false
        }
    }
}

fn blocking(
    lister: Box<dyn DeviceLister>,
    filter: &DeviceFilter,
    order: DeviceSort,
    limit: i64,
    out: &Sender,
) {
    let mut buf = Vec::with_capacity(CHUNK + 1024);
    let mut open = true;
    // The first row goes at once: the answer's status waits for it (and the server's request timeout
    // runs until then), however sparse the matching rows.
    let mut first = true;
    let mut each = |row: &str| {
        buf.extend_from_slice(row.as_bytes());
        buf.push(b'\n');
        if buf.len() >= CHUNK || first {
            first = false;
            let full = std::mem::replace(&mut buf, Vec::with_capacity(CHUNK + 1024));
            open = out.send(Chunk::Rows(full));
        }
        open
    };
    let listed =
        lister.each_json(DeviceListing { filter, sort: order, after: None, limit }, &mut each);
    if !open {
        return;
    }
    match listed {
        Ok(n) => {
            if !buf.is_empty() && !out.send(Chunk::Rows(buf)) {
                return;
            }
            out.send(Chunk::End(n));
        }
        Err(e) => {
            out.send(Chunk::Failed(e.into()));
        }
    }
}

/// The stream from pages, for a store without a blocking lister.
async fn paged(
    store: Arc<dyn Store>,
    filter: DeviceFilter,
    order: DeviceSort,
    limit: Option<u64>,
    now: chrono::DateTime<chrono::Utc>,
    tx: mpsc::Sender<Chunk>,
) {
    let mut after = None;
    let mut n = 0u64;
    loop {
        let left = limit.map_or(u64::MAX, |l| l - n);
        if left == 0 {
            break;
        }
        let size = left.min(u64::from(MAX_PAGE)) as i64;
        let listing =
            DeviceListing { filter: &filter, sort: order, after: after.as_ref(), limit: size };
        let rows = match store.list_devices(listing).await {
            Ok(rows) => rows,
            Err(e) => {
                send(&tx, Chunk::Failed(e.into())).await;
                return;
            }
        };
        let full = rows.len() as i64 == size;
        after = rows.last().map(|r| cursor_of(order, r));
        n += rows.len() as u64;
        let mut buf = Vec::with_capacity(rows.len() * 400);
        for row in rows {
            // Writing into a Vec cannot fail, and a view always serializes.
            let _ = serde_json::to_writer(&mut buf, &device_view(row, now));
            buf.push(b'\n');
        }
        if !buf.is_empty() && !send(&tx, Chunk::Rows(buf)).await {
            return;
        }
        if !full {
            break;
        }
    }
    send(&tx, Chunk::End(n)).await;
}
