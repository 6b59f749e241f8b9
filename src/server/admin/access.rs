//! Who is calling, tokens and the audit log: `/v1/admin/whoami`, `/v1/admin/tokens`, `/v1/admin/audit`.

use std::sync::Arc;

use axum::Json;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiError, ApiResult, AsAdmin, AsViewer, Body, Params, PathParam, secs};
use crate::admin::*;
use crate::server::AppState;

/// Audit entries per answer when the caller names no limit.
const DEFAULT_AUDIT_LIMIT: u32 = 1000;

pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(whoami))
        .routes(routes!(token_list, token_create))
        .routes(routes!(token_revoke))
        .routes(routes!(audit_list))
}

#[utoipa::path(get, path = "/v1/admin/whoami",
    responses((status = 200, body = Caller)))]
pub async fn whoami(AsViewer(admin): AsViewer) -> ApiResult<Caller> {
    Ok(Json(admin.whoami().await?))
}

#[utoipa::path(get, path = "/v1/admin/tokens",
    responses((status = 200, body = Vec<TokenView>)))]
pub async fn token_list(AsAdmin(admin): AsAdmin) -> ApiResult<Vec<TokenView>> {
    Ok(Json(admin.token_list().await?))
}

/// Create a token; the secret is in the response, once.
#[utoipa::path(post, path = "/v1/admin/tokens", request_body = TokenRequest,
    responses((status = 200, body = TokenCreated)))]
pub async fn token_create(
    AsAdmin(admin): AsAdmin,
    Body(r): Body<TokenRequest>,
) -> ApiResult<TokenCreated> {
    let expires_in = secs(r.expires_in_seconds);
    Ok(Json(admin.token_create(&r.name, r.role, expires_in).await?))
}

#[utoipa::path(delete, path = "/v1/admin/tokens/{name}", params(("name" = String, Path, description = "The token's name")),
    responses((status = 204)))]
pub async fn token_revoke(
    AsAdmin(admin): AsAdmin,
    PathParam(name): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    admin.token_revoke(&name).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/v1/admin/audit", params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>)))]
pub async fn audit_list(
    AsViewer(admin): AsViewer,
    Params(q): Params<AuditQuery>,
) -> ApiResult<Vec<AuditEntry>> {
    let limit = q.limit.unwrap_or(DEFAULT_AUDIT_LIMIT);
    Ok(Json(admin.audit_list(secs(q.since_seconds), q.actor, limit).await?))
}
