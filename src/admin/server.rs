//! The server operations area's contract, the `ServerAdmin` trait and the wire types of its operations: which
//! LTS this is, its counts, sweeps.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::licenses::ItemView;
use std::time::Duration;

use crate::error::Result;
use async_trait::async_trait;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Target {
    /// `local` (a data dir) or `remote` (a server URL).
    pub kind: String,
    /// The data dir's database path or the server URL.
    pub location: String,
}

/// What `status` counts: the store's own row, sent as it is read.
pub use crate::store::Counts;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StatusView {
    pub target: Target,
    pub lts_id: String,
    pub version: String,
    pub counts: Counts,
    /// The window `expiring_soon` was computed for.
    pub expiring_within: String,
    /// Active items that expire inside the window, soonest first.
    pub expiring_soon: Vec<ItemView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SweepView {
    /// Devices removed by this run.
    pub removed: i64,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    /// `manual` (ltsctl sweep) or `schedule` (the server's sweeper).
    pub trigger: String,
}

/// Which LTS this is, its counts, and sweeping it: `status`, `sweep`.
#[async_trait]
pub trait ServerAdmin: Send + Sync {
    fn target(&self) -> Target;

    async fn status(&self, expiring_within: Duration) -> Result<StatusView>;

    /// Removes devices whose removal time has passed, now.
    async fn sweep(&self) -> Result<SweepView>;
}
