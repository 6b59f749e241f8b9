//! The server area on SQLite: `status` counts active devices from the per-item seat counters, and the
//! sweep claim is an exclusive lock on a file of its own in the data dir ([`SWEEP_LOCK_FILE`]), held
//! while the sweep's transactions run. Each of them is short and takes the store's write turn like any
//! other write, so without the claim two sweeps (the sweeper and `ltsctl sweep`, in one process or two)
//! would take turns batch by batch and each record part of the work. The kernel releases the lock when
//! the file is closed or its process ends, however it ends.

use std::fs::{File, TryLockError};
use std::path::Path;

use sqlx::SqliteConnection;

use crate::store::server::{FROM_COUNTERS, ServerDialect};
use crate::store::{StoreError, StoreResult};

impl ServerDialect for SqliteConnection {
    const COUNTS: &'static str = FROM_COUNTERS;
}

/// File name of the sweep's lock, next to the database.
pub(crate) const SWEEP_LOCK_FILE: &str = "ltsctl.sweep.lock";

/// File name of the alert evaluation's lock, next to the database.
pub(crate) const ALERTS_LOCK_FILE: &str = "ltsctl.alerts.lock";

/// The open, locked [`SWEEP_LOCK_FILE`]; closing it releases the claim.
pub(crate) struct SweepClaim(#[allow(dead_code)] File);

impl SweepClaim {
    /// The lock on `file`, unless another process (or task) holds it.
    pub(crate) fn take(data_dir: &Path, file: &str) -> StoreResult<Option<Self>> {
        let path = data_dir.join(file);
        let file = super::open_lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(SweepClaim(file))),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => {
                Err(StoreError::Permission(format!("cannot lock {}: {e}", path.display())))
            }
        }
    }
}
