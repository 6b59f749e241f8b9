//! Tokens and the audit log on the local target.

use std::time::Duration;

use async_trait::async_trait;

use crate::admin::AccessAdmin;
use crate::admin::*;
use crate::auth::{self, Role};
use crate::clock::from_unix;
use crate::error::{Error, Result};
use crate::store::TokenRow;

use super::LocalAdmin;

const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(10 * 365 * 86400);

fn check_name(name: &str) -> Result<()> {
    let ok = (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'@'));
    // Names travel in URL paths: `.` and `..` would be normalised away there.
    if !ok || name == "local" || name.bytes().all(|b| b == b'.') {
        return Err(Error::usage(format!(
            "invalid token name {name:?}: 1-64 characters of letters, digits and - _ . @ (`local` is reserved)"
        )));
    }
    Ok(())
}

pub(super) async fn create(
    admin: &LocalAdmin,
    name: &str,
    role: Role,
    expires_in: Option<Duration>,
) -> Result<TokenCreated> {
    check_name(name)?;
    if let Some(d) = expires_in
        && (d < Duration::from_secs(60) || d > MAX_TOKEN_LIFETIME)
    {
        return Err(Error::usage("--expires-in must be between 1m and 3650d"));
    }
    let now = admin.now_unix();
    let new = auth::generate();
    let expires_at = expires_in.map(|d| now + d.as_secs() as i64);
    admin
        .store
        .create_token(TokenRow {
            name: name.to_string(),
            token_id: new.token_id.clone(),
            secret_hash: new.secret_hash.to_vec(),
            role: role.as_str().to_string(),
            created_at: now,
            expires_at,
            revoked_at: None,
            last_used_at: None,
        })
        .await?;
    Ok(TokenCreated {
        name: name.to_string(),
        role,
        expires_at: expires_at.map(from_unix),
        token: new.secret.to_string(),
    })
}

pub(super) fn view(row: &TokenRow, now: i64) -> TokenView {
    let state = if row.revoked_at.is_some() {
        "revoked"
    } else if row.expires_at.is_some_and(|e| e <= now) {
        "expired"
    } else {
        "active"
    };
    TokenView {
        name: row.name.clone(),
        role: row.role.parse().unwrap_or(Role::Viewer),
        created_at: from_unix(row.created_at),
        expires_at: row.expires_at.map(from_unix),
        revoked_at: row.revoked_at.map(from_unix),
        last_used_at: row.last_used_at.map(from_unix),
        state: state.to_string(),
    }
}

pub(super) async fn audit(
    admin: &LocalAdmin,
    since: Option<Duration>,
    actor: Option<String>,
    limit: u32,
) -> Result<Vec<AuditEntry>> {
    let since = since.map(|d| admin.now_unix().saturating_sub(d.as_secs() as i64));
    let rows =
        admin.store.list_audit(since, actor.as_deref(), i64::from(limit.clamp(1, 100_000))).await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            at: from_unix(r.at),
            actor: r.actor,
            action: r.action,
            target: r.target,
            result: r.result,
            detail: r.detail,
            client: r.client,
        })
        .collect())
}

/// Finds the caller of a presented bearer token: unknown, revoked and expired tokens are all refused with
/// the same kind (the message says which, for the token's owner).
pub async fn authenticate(
    store: &dyn crate::store::Store,
    presented: &str,
    now: i64,
) -> Result<(String, Role)> {
    let unauthenticated =
        |m: &str| Error::new(crate::error::ErrorKind::Unauthenticated, m.to_string());
    let (id, hash) =
        auth::parse(presented).ok_or_else(|| unauthenticated("the bearer token is malformed"))?;
    let row = store.find_token(&id).await?.ok_or_else(|| unauthenticated("unknown token"))?;
    if !auth::hashes_match(&hash, &row.secret_hash) {
        return Err(unauthenticated("unknown token"));
    }
    if row.revoked_at.is_some() {
        return Err(unauthenticated("this token has been revoked"));
    }
    if row.expires_at.is_some_and(|e| e <= now) {
        return Err(unauthenticated("this token has expired"));
    }
    let _ = store.touch_token(&id, now).await;
    let role = row.role.parse().map_err(|e: String| Error::internal(e))?;
    Ok((row.name, role))
}

#[async_trait]
impl AccessAdmin for LocalAdmin {
    async fn whoami(&self) -> Result<Caller> {
        Ok(Caller {
            actor: self.actor.clone(),
            role: self.role,
            lts_id: self.store.lts_id().await?,
        })
    }

    async fn token_create(
        &self,
        name: &str,
        role: crate::auth::Role,
        expires_in: Option<Duration>,
    ) -> Result<TokenCreated> {
        let r = create(self, name, role, expires_in).await;
        self.audited("token.create", name, r).await
    }

    async fn token_list(&self) -> Result<Vec<TokenView>> {
        let now = self.now_unix();
        Ok(self.store.list_tokens().await?.iter().map(|t| view(t, now)).collect())
    }

    async fn token_revoke(&self, name: &str) -> Result<()> {
        let r = self.store.revoke_token(name, self.now_unix()).await.map_err(Into::into);
        self.audited("token.revoke", name, r).await
    }

    async fn audit_list(
        &self,
        since: Option<Duration>,
        actor: Option<String>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>> {
        audit(self, since, actor, limit).await
    }
}
