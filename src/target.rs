//! Which LTS a command administers. For now: the embedded store in a data dir (`--data-dir`,
//! `LTSCTL_DATA_DIR`, else the platform data dir).

use std::path::PathBuf;
use std::sync::Arc;

use crate::admin::Admin;
use crate::admin::local::LocalAdmin;
use crate::clock::SystemClock;
use crate::error::{Error, Result};
use crate::store::SqliteStore;

/// The platform's data dir for ltsctl, e.g. `~/.local/share/ltsctl` on Linux.
pub fn default_data_dir() -> Result<PathBuf> {
    dirs::data_dir().map(|d| d.join("ltsctl")).ok_or_else(|| {
        Error::usage("cannot find a data directory for this user")
            .with_hint("pass --data-dir DIR or set LTSCTL_DATA_DIR")
    })
}

pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf> {
    match flag {
        Some(dir) if dir.as_os_str().is_empty() => Err(Error::usage("--data-dir is empty")),
        Some(dir) => Ok(dir),
        None => default_data_dir(),
    }
}

/// Opens the admin target the global flags name.
pub async fn open(data_dir: Option<PathBuf>) -> Result<Box<dyn Admin>> {
    let dir = resolve_data_dir(data_dir)?;
    let store = SqliteStore::open(&dir).await?;
    Ok(Box::new(LocalAdmin::new(
        Arc::new(store),
        Arc::new(SystemClock),
    )))
}
