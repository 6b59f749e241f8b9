//! Device listings on a connection of their own, for a blocking thread: the admin API's streamed listing
//! (`GET /v1/admin/devices/stream`). Its rows are written as SQLite steps them, like the local listing's
//! (`devices.rs`), but they wait for the HTTP client to take them: on sqlx's pool that would hold one of
//! its eight connections (and, through `lock_handle`, a runtime thread) for as long as the slowest client
//! reads. A connection opened here for the one statement holds neither; it is the same libsqlite3 with
//! the same file locks and WAL index as the store's other connections.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::devices::{each_row, sqlite};
use super::lookup::open_reader;
use crate::store::StoreResult;
use crate::store::devices::{DeviceLister, DeviceListing, EachJson, page};

/// Opens a connection per listing (a fraction of a millisecond, against a listing of seconds).
pub(super) struct OwnConnection {
    path: PathBuf,
    busy_timeout: Duration,
}

impl OwnConnection {
    pub(super) fn new(path: &Path, busy_timeout: Duration) -> Self {
        OwnConnection { path: path.to_path_buf(), busy_timeout }
    }
}

impl DeviceLister for OwnConnection {
    fn each_json(&self, listing: DeviceListing<'_>, each: &mut EachJson<'_>) -> StoreResult<u64> {
        let conn = open_reader(&self.path, self.busy_timeout).map_err(sqlite)?;
        let (sql, params) = page(listing)?;
        each_row(&conn, sql, &params, listing.filter.now, each).map_err(sqlite)
    }
}
