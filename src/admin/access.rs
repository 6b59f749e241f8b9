//! The access area's contract, the `AccessAdmin` trait and the wire types of its operations: tokens, the
//! audit log, who is calling.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use utoipa::{IntoParams, ToSchema};

use crate::error::Result;
use async_trait::async_trait;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TokenView {
    pub name: String,
    pub role: crate::auth::Role,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    /// `active`, `expired` or `revoked`.
    pub state: String,
}

/// `token create`: the only time the secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TokenCreated {
    pub name: String,
    pub role: crate::auth::Role,
    pub expires_at: Option<DateTime<Utc>>,
    /// The bearer token. Store it now (e.g. `ltsctl login --token-stdin`): it cannot be shown again.
    pub token: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// The token name, or `local` for direct access to the data dir.
    pub actor: String,
    pub action: String,
    pub target: String,
    /// `ok`, or the error kind that stopped the change.
    pub result: String,
    pub detail: Option<String>,
    /// The client's address for a change made through the admin API (behind a trusted proxy, the one it
    /// forwarded); `null` for local access.
    pub client: Option<String>,
}

/// Who the credentials belong to (`login` checks a token with it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Caller {
    pub actor: String,
    pub role: crate::auth::Role,
    pub lts_id: String,
}

/// `POST /v1/admin/tokens`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TokenRequest {
    pub name: String,
    pub role: crate::auth::Role,
    pub expires_in_seconds: Option<u64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only entries of the last N seconds.
    pub since_seconds: Option<u64>,
    pub actor: Option<String>,
    pub limit: Option<u32>,
}

/// Who may administer, and what they did: `token`, `audit`, `login`.
#[async_trait]
pub trait AccessAdmin: Send + Sync {
    async fn whoami(&self) -> Result<Caller>;

    async fn token_create(
        &self,
        name: &str,
        role: crate::auth::Role,
        expires_in: Option<Duration>,
    ) -> Result<TokenCreated>;

    async fn token_list(&self) -> Result<Vec<TokenView>>;

    async fn token_revoke(&self, name: &str) -> Result<()>;

    /// Audit entries newer than `since` (all when `None`), optionally of one actor, newest first.
    async fn audit_list(
        &self,
        since: Option<Duration>,
        actor: Option<String>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>>;
}
