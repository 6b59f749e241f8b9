//! The device path's first read without sqlx's hand-off. Every device request starts with one point read
//! (the config generation and the device's row, [`crate::store::SeatsStore::device_lookup`]); through
//! sqlx that read is sent to the connection's worker thread and its answer sent back, two thread
//! wake-ups that cost about as much CPU as the rest of a request answered from a read. Here it runs on
//! the caller's thread with rusqlite (the same libsqlite3 as sqlx, so the same file locks and WAL
//! index), on a few connections kept for it, its statement prepared once per connection.
//!
//! It blocks the calling runtime thread for the read: a few microseconds from the page cache, a few disk
//! reads at worst (three or four b-tree pages), like any short synchronous step of a request.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::store::seats::{DeviceLookup, LOOKUP, SeatRow};
use crate::store::{StoreError, StoreResult};

/// Connections kept between reads; more are opened while more requests read at once, and closed after.
const KEPT: usize = 8;

pub(super) struct QuickLookup {
    path: PathBuf,
    busy_timeout: Duration,
    idle: Mutex<Vec<Connection>>,
}

impl QuickLookup {
    pub(super) fn new(path: &Path, busy_timeout: Duration) -> Self {
        QuickLookup { path: path.to_path_buf(), busy_timeout, idle: Mutex::new(Vec::new()) }
    }

    /// Reads device `uuid`'s seat through code `handshake` and the config generation.
    pub(super) fn lookup(&self, handshake: &str, uuid: &str) -> StoreResult<DeviceLookup> {
        let kept = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match kept {
            Some(conn) => conn,
            None => self.open()?,
        };
        let found = read(&conn, handshake, uuid).map_err(error)?;
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < KEPT {
            idle.push(conn);
        }
        Ok(found)
    }

    fn open(&self) -> StoreResult<Connection> {
        open_reader(&self.path, self.busy_timeout).map_err(error)
    }
}

/// A connection of its own on the store's file, for reads on a thread outside sqlx (this module's kept
/// connections, the streamed listing's one per listing). Read-write like the store's other connections
/// (a read-only one could not take part in the WAL index's locks when it is the first to open the file
/// after a crash); it never writes. Not SQLITE_OPEN_URI: a data dir whose path starts with `file:` is a
/// path, not a URI.
pub(super) fn open_reader(path: &Path, busy_timeout: Duration) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(busy_timeout)?;
    Ok(conn)
}

fn read(conn: &Connection, handshake: &str, uuid: &str) -> rusqlite::Result<DeviceLookup> {
    let mut stmt = conn.prepare_cached(LOOKUP)?;
    let row = stmt
        .query_row((handshake, uuid), |r| {
            let generation: i64 = r.get(0)?;
            let item_id: Option<String> = r.get(1)?;
            let seat = match item_id {
                Some(item_id) => Some(SeatRow {
                    item_id,
                    expires_at: r.get(2)?,
                    platform: r.get(3)?,
                    domain: r.get(4)?,
                    name: r.get(5)?,
                    last_seen: r.get(6)?,
                    first_seen: r.get(7)?,
                }),
                None => None,
            };
            Ok(DeviceLookup { generation, seat })
        })
        .optional()?;
    // The generation's row is made by a migration and never deleted.
    row.ok_or(rusqlite::Error::QueryReturnedNoRows)
}

/// A busy or locked store is `busy` (503 with Retry-After), as through sqlx.
fn error(e: rusqlite::Error) -> StoreError {
    super::handle::error("reading a device", e)
}
