//! The handshake codes area's contract, the `HandshakesAdmin` trait and the wire types of its operations:
//! codes, their items and settings.

use chrono::{DateTime, Utc};
use clap::ValueEnum;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use zeroize::Zeroizing;

use crate::domain::option::LicenseOption;
use crate::domain::status::ItemStatus;
use crate::error::Result;
use async_trait::async_trait;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HandshakeItemView {
    /// 1-based place in the consumption order.
    pub position: usize,
    pub id: String,
    pub license_id: String,
    pub product: String,
    pub option: LicenseOption,
    pub status: ItemStatus,
    pub used: u64,
    pub quota: Option<u64>,
    /// Quota including the overuse tolerance: what is actually enforced.
    pub limit: Option<u64>,
    /// Per-concurrent-device items: the most devices their window held at once in the last 30 days
    /// (it can pass `limit` by devices authorized while there was room; see README). Null otherwise.
    #[serde(default)]
    pub peak: Option<u64>,
    /// The refresh interval devices seated on this item get (the code's override or the item's default).
    pub refresh_interval: String,
    pub refresh_interval_seconds: u64,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HandshakeView {
    pub code: String,
    pub name: Option<String>,
    /// When a device's active time (its removal clock) starts: at its first authorization, or at its
    /// first usage report.
    pub active_from: ActiveFrom,
    /// The code's override, or null when each item's default applies.
    pub refresh_interval: Option<String>,
    pub refresh_interval_seconds: Option<u64>,
    pub offline_grace: String,
    pub offline_grace_seconds: u64,
    /// The code's overuse tolerance override in percent, or null for each option's default.
    pub overuse_percent: Option<u32>,
    pub password_set: bool,
    /// `expiry` (soonest-expiring item first) or `explicit` (set with `handshake order`).
    pub order: String,
    pub domains: Vec<String>,
    pub active_devices: i64,
    pub items: Vec<HandshakeItemView>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Settings for `handshake create`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HandshakeSettings {
    pub name: Option<String>,
    pub refresh_interval_seconds: Option<u64>,
    pub offline_grace_seconds: Option<u64>,
    pub overuse_percent: Option<u32>,
}

/// When a device's active time starts (the vendor's "the time starts from the first time the device is
/// authorized", or, changed, "from the first time the device uses the SDK").
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum ActiveFrom {
    /// The removal time runs from each authorization (and usage report).
    #[default]
    Authorization,
    /// Until its first usage report a device holds its seat until the item expires; from then on the
    /// removal time runs as with `authorization`.
    FirstUse,
}

impl ActiveFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            ActiveFrom::Authorization => "authorization",
            ActiveFrom::FirstUse => "first-use",
        }
    }

    /// The stored value; anything unknown reads as the default.
    pub fn parse(stored: &str) -> Self {
        if stored == "first-use" { ActiveFrom::FirstUse } else { ActiveFrom::Authorization }
    }
}

/// `handshake set`: only the fields given change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HandshakeChanges {
    pub name: Option<String>,
    #[serde(default)]
    pub active_from: Option<ActiveFrom>,
    pub refresh_interval_seconds: Option<u64>,
    /// Back to each item's default refresh interval.
    #[serde(default)]
    pub reset_refresh_interval: bool,
    pub offline_grace_seconds: Option<u64>,
    pub overuse_percent: Option<u32>,
    /// Back to each option's default overuse tolerance.
    #[serde(default)]
    pub reset_overuse: bool,
}

impl HandshakeChanges {
    pub fn is_empty(&self) -> bool {
        *self == HandshakeChanges::default()
    }
}

/// `POST /v1/admin/handshakes`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreateHandshakeRequest {
    pub code: String,
    #[serde(flatten)]
    pub settings: HandshakeSettings,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ItemsRequest {
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DomainsRequest {
    pub domains: Vec<String>,
}

/// `PUT /v1/admin/handshakes/{code}/password`.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct PasswordRequest {
    // Wiped from memory once dropped, on the server and in the client.
    #[schema(value_type = String)]
    pub password: Zeroizing<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ForceQuery {
    /// Go ahead even while devices hold seats.
    #[serde(default)]
    pub force: bool,
}

/// The `{code}` of `/v1/admin/handshakes/{code}/...`.
#[derive(Debug, Clone, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct CodePath {
    /// The handshake code
    pub code: String,
}

/// Handshake codes, their items, settings, domains and passwords: `handshake`.
#[async_trait]
pub trait HandshakesAdmin: Send + Sync {
    async fn handshake_create(
        &self,
        code: &str,
        settings: HandshakeSettings,
    ) -> Result<HandshakeView>;

    async fn handshake_list(&self) -> Result<Vec<HandshakeView>>;

    async fn handshake_show(&self, code: &str) -> Result<HandshakeView>;

    async fn handshake_bind(&self, code: &str, items: &[String]) -> Result<HandshakeView>;

    async fn handshake_unbind(&self, code: &str, items: &[String]) -> Result<HandshakeView>;

    async fn handshake_order(&self, code: &str, items: &[String]) -> Result<HandshakeView>;

    /// Drops the hand-set order: the item that expires soonest is consumed first again.
    async fn handshake_order_by_expiry(&self, code: &str) -> Result<HandshakeView>;

    async fn handshake_set(&self, code: &str, changes: HandshakeChanges) -> Result<HandshakeView>;

    async fn handshake_domains_add(&self, code: &str, domains: &[String]) -> Result<Vec<String>>;

    async fn handshake_domains_remove(&self, code: &str, domains: &[String])
    -> Result<Vec<String>>;

    async fn handshake_domains_list(&self, code: &str) -> Result<Vec<String>>;

    async fn handshake_password_set(&self, code: &str, password: Zeroizing<String>) -> Result<()>;

    async fn handshake_password_clear(&self, code: &str) -> Result<()>;

    async fn handshake_delete(&self, code: &str, force: bool) -> Result<()>;
}
