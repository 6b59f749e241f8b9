//! The usage area's contract, the `UsageAdmin` trait and the wire types of its operations: statistics and
//! quota per item.

use chrono::{DateTime, Utc};
use clap::ValueEnum;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::option::LicenseOption;
use crate::domain::status::ItemStatus;
use crate::error::Result;
use async_trait::async_trait;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum UsageBy {
    #[default]
    Day,
    Item,
    Symbology,
    Module,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UsageQuery {
    pub handshake: Option<String>,
    pub item: Option<String>,
    pub since: Option<DateTime<Utc>>,
    #[serde(default)]
    pub by: UsageBy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct UsageGroupView {
    /// The day (YYYY-MM-DD), item id, symbology or module.
    pub key: String,
    pub scans: i64,
    pub pages: i64,
    pub reports: i64,
    pub devices: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ItemUsageView {
    pub item: String,
    pub license_id: String,
    pub product: String,
    pub option: LicenseOption,
    pub status: ItemStatus,
    pub quota: Option<u64>,
    /// Devices seated now (device options) or units reported over the item's validity.
    pub used: u64,
    /// Quota minus used (never negative); null for per-domain.
    pub left: Option<u64>,
    /// used / quota in percent.
    pub percent: Option<f64>,
    /// 60, 80 or 100 when that share of the quota is reached.
    pub alert: Option<u8>,
    /// Quota including the overuse tolerance (the code's with --handshake, else the option's default).
    #[serde(default)]
    pub limit: Option<u64>,
    /// Per-concurrent-device items: the most devices their window held at once in the period (since
    /// `since`, else ever). Null otherwise.
    #[serde(default)]
    pub peak: Option<u64>,
    pub active_devices: i64,
    pub handshakes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UsageView {
    pub since: Option<DateTime<Utc>>,
    pub until: DateTime<Utc>,
    pub by: UsageBy,
    pub groups: Vec<UsageGroupView>,
    pub items: Vec<ItemUsageView>,
    pub scans: i64,
    pub pages: i64,
    pub reports: i64,
}

/// Most uploads (`/v1/usage` bodies) one `usage import` file may hold: split larger files.
pub const MAX_IMPORT_UPLOADS: usize = 1000;

/// `POST /v1/admin/usage/import`: the usage of one file carried back from offline devices, refused
/// whole when any upload in it is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UsageImportRequest {
    /// Where the uploads come from (a file name), for messages and the audit log.
    #[serde(default)]
    pub source: Option<String>,
    /// At most 1000.
    pub uploads: Vec<UsageUpload>,
}

/// One `/v1/usage` body of an import, with the line of the file it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UsageUpload {
    pub line: u64,
    pub body: crate::service::types::UsageRequest,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct UsageImportReport {
    pub source: Option<String>,
    pub uploads: usize,
    /// Reports recorded by this import.
    pub accepted: usize,
    /// Reports recorded before (same device, code and report id): counted once.
    pub duplicates: usize,
}

/// What was used, and how much quota is left: `usage`.
#[async_trait]
pub trait UsageAdmin: Send + Sync {
    async fn usage(&self, query: &UsageQuery) -> Result<UsageView>;

    /// Records the usage of one file of uploads (see [`UsageImportRequest`]).
    async fn usage_import(&self, req: &UsageImportRequest) -> Result<UsageImportReport>;
}
