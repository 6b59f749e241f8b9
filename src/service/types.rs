//! The device API's request and response bodies: a contract with client SDKs (see README, "Device API").

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Web,
    Mobile,
    Desktop,
    Embedded,
    Server,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Web => "web",
            Platform::Mobile => "mobile",
            Platform::Desktop => "desktop",
            Platform::Embedded => "embedded",
            Platform::Server => "server",
        }
    }
}

/// `POST /v1/authorize`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthorizeRequest {
    /// The handshake code the client application is built with.
    #[schema(example = "216998-100025900")]
    pub handshake: String,
    /// The device's id (a UUID or a hex digest, at most 128 characters).
    pub uuid: String,
    /// The product (SDK) asking, e.g. `barcode-reader`.
    pub product: String,
    pub platform: Platform,
    /// The web host the request comes from; the `Origin` header, when present, wins.
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default)]
    pub session_password: Option<String>,
    /// A name for administrators (e.g. the device's host name).
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AuthorizeResponse {
    /// Compact JWS (EdDSA), verifiable with `GET /v1/jwks`.
    pub token: String,
    /// When the device's seat lapses if it stays silent.
    pub expires_at: DateTime<Utc>,
    /// Until when the device may work without reaching the LTS (the token's `exp`).
    pub offline_until: DateTime<Utc>,
    /// The license item that serves the device.
    pub item: String,
    /// The item's license option.
    pub option: String,
}

/// Most reports a single `POST /v1/usage` may carry.
pub const MAX_REPORTS: usize = 1000;

/// `POST /v1/usage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UsageRequest {
    pub handshake: String,
    pub uuid: String,
    /// Up to 1000 reports; re-sending a report (same id) is counted once.
    pub reports: Vec<UsageReport>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UsageReport {
    /// The report's id, chosen by the client: the idempotency key.
    pub id: String,
    /// When the usage happened on the device.
    pub at: DateTime<Utc>,
    /// Barcode scans per symbology.
    #[serde(default)]
    pub scans: Option<BTreeMap<String, u64>>,
    /// Pages per module.
    #[serde(default)]
    pub pages: Option<BTreeMap<String, u64>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct UsageResponse {
    /// Reports recorded by this call.
    pub accepted: usize,
    /// Reports already recorded earlier (same id).
    pub duplicates: usize,
}

/// Every error of the API: `{"error": {"code": ..., "message": ...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorDetail {
    /// One of `unknown_handshake`, `bad_session_password`, `domain_not_allowed`, `no_matching_license`,
    /// `license_expired`, `license_not_yet_valid`, `quota_exceeded`, `invalid_request`, `rate_limited`.
    pub code: String,
    pub message: String,
}
