//! Tokens and the audit log over the admin API: `/v1/admin/whoami`, `/v1/admin/tokens`, `/v1/admin/audit`.

use std::time::Duration;

use async_trait::async_trait;
use reqwest::Method;

use super::RemoteAdmin;
use crate::admin::AccessAdmin;
use crate::admin::*;
use crate::auth::Role;
use crate::error::Result;

#[async_trait]
impl AccessAdmin for RemoteAdmin {
    async fn whoami(&self) -> Result<Caller> {
        self.get(&["whoami"]).await
    }

    async fn token_create(
        &self,
        name: &str,
        role: Role,
        expires_in: Option<Duration>,
    ) -> Result<TokenCreated> {
        let body = TokenRequest {
            name: name.to_string(),
            role,
            expires_in_seconds: expires_in.map(|d| d.as_secs()),
        };
        self.send_body(Method::POST, &["tokens"], &body).await
    }

    async fn token_list(&self) -> Result<Vec<TokenView>> {
        self.get(&["tokens"]).await
    }

    async fn token_revoke(&self, name: &str) -> Result<()> {
        self.send_no_content(self.request(Method::DELETE, &["tokens", name])).await
    }

    async fn audit_list(
        &self,
        since: Option<Duration>,
        actor: Option<String>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>> {
        let query =
            AuditQuery { since_seconds: since.map(|d| d.as_secs()), actor, limit: Some(limit) };
        self.get_with(&["audit"], &query).await
    }
}
