//! The alerts area's contract, the `AlertsAdmin` trait and the wire types of its operations: what has
//! fired, where alerts go (webhooks, e-mail recipients), the thresholds, and the delivery attempts.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::Result;

/// An alert: a condition that crossed its threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AlertView {
    pub id: i64,
    /// The event type: `item.quota.threshold`, `item.expiring`, `item.expired`, `handshake.refusals`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The item id, or the handshake code of `handshake.refusals`.
    pub subject: String,
    /// The percent, the days, or the refusal count crossed (0 for `item.expired`).
    pub threshold: i64,
    pub fired_at: DateTime<Utc>,
    /// When the condition stopped holding (the alert re-armed); `null` while it holds.
    pub cleared_at: Option<DateTime<Utc>>,
    /// `sent` (deliveries were queued), or `superseded`: a more severe crossing of the same item fired in
    /// the same round and was sent instead.
    pub notified: String,
    /// `delivered` (every delivery), `pending`, `failed` (some were given up), `none` (no webhook or
    /// recipient was subscribed), or `superseded`.
    pub delivery: String,
    pub deliveries: i64,
    pub delivered: i64,
    pub failed: i64,
    pub message: String,
    /// The event's figures, as in the webhook body's `data`.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

/// One delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DeliveryAttemptView {
    pub at: DateTime<Utc>,
    /// The delivery (outbox entry) the attempt was for.
    pub delivery: i64,
    /// The alert it delivers; `null` for `webhook test`.
    pub alert_id: Option<i64>,
    /// `webhook` or `email`.
    pub channel: String,
    /// The webhook's id or the e-mail address.
    pub target: String,
    #[serde(rename = "type")]
    pub event_type: String,
    /// The HTTP status answered (webhooks), or the SMTP reply code.
    pub status_code: Option<i64>,
    /// Why it failed; `null` for a success.
    pub error: Option<String>,
    pub ms: i64,
    /// The delivery's state now: `pending` (will be retried), `delivered` or `failed` (given up).
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WebhookView {
    pub id: String,
    pub url: String,
    pub events: Vec<String>,
    /// Whether it may deliver to loopback, private and link-local addresses.
    pub allow_private: bool,
    pub created_at: DateTime<Utc>,
}

/// `webhook add`: the only time the signing secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WebhookCreated {
    pub id: String,
    pub url: String,
    pub events: Vec<String>,
    pub allow_private: bool,
    /// The Standard Webhooks signing secret (`whsec_` and base64). Keep it now: it is not shown again.
    pub secret: String,
}

/// `POST /v1/admin/webhooks`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WebhookRequest {
    /// An `http://` or `https://` URL.
    pub url: String,
    /// Event types to send; absent or empty: every alert event.
    #[serde(default)]
    pub events: Vec<String>,
    /// Allow loopback, private and link-local targets.
    #[serde(default)]
    pub allow_private: bool,
}

/// `webhook test`: one signed `webhook.test` event sent now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WebhookTestReport {
    pub webhook: String,
    /// The `webhook-id` it was sent with.
    pub msg_id: String,
    pub delivered: bool,
    pub status_code: Option<i64>,
    pub error: Option<String>,
    pub ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EmailView {
    pub address: String,
    pub created_at: DateTime<Utc>,
}

/// `POST /v1/admin/alerts/emails`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EmailRequest {
    pub address: String,
}

/// The thresholds in force for a scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AlertSettingsView {
    /// `global`, or a handshake code with settings of its own.
    pub scope: String,
    pub quota_percents: Vec<u32>,
    pub expiry_days: Vec<u32>,
    /// More `quota_exceeded` refusals than this in 10 minutes fire `handshake.refusals`.
    pub refusals: u32,
    /// The fields taken from the global settings or the defaults rather than set on this scope.
    pub inherited: Vec<String>,
}

/// `PUT /v1/admin/alerts/settings`: the fields given are set, the others kept.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct AlertSettingsRequest {
    /// A handshake code; absent: the global settings.
    pub handshake: Option<String>,
    pub quota_percents: Option<Vec<u32>>,
    pub expiry_days: Option<Vec<u32>>,
    pub refusals: Option<u32>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AlertsQuery {
    /// At most this many (newest first).
    pub limit: Option<u32>,
}

/// Alerts, where they go and how they went: `alerts`, `webhook`.
#[async_trait]
pub trait AlertsAdmin: Send + Sync {
    async fn alerts_list(&self, limit: u32) -> Result<Vec<AlertView>>;
    async fn alert_deliveries(&self, limit: u32) -> Result<Vec<DeliveryAttemptView>>;
    async fn alert_settings(&self) -> Result<Vec<AlertSettingsView>>;
    async fn alert_settings_set(&self, req: AlertSettingsRequest) -> Result<AlertSettingsView>;
    async fn alert_settings_reset(&self, handshake: &str) -> Result<()>;

    async fn webhook_add(&self, req: WebhookRequest) -> Result<WebhookCreated>;
    async fn webhook_list(&self) -> Result<Vec<WebhookView>>;
    async fn webhook_remove(&self, id: &str) -> Result<()>;
    async fn webhook_test(&self, id: &str) -> Result<WebhookTestReport>;

    async fn email_add(&self, address: &str) -> Result<EmailView>;
    async fn email_list(&self) -> Result<Vec<EmailView>>;
    async fn email_remove(&self, address: &str) -> Result<()>;
}
