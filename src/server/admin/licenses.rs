//! Trusted keys and licenses: `/v1/admin/trust`, `/v1/admin/licenses`.

use std::sync::Arc;

use axum::Json;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiError, ApiResult, AsAdmin, AsViewer, Body, Params, PathParam, secs};
use crate::admin::ImportTarget;
use crate::admin::*;
use crate::server::AppState;

pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(trust_list, trust_add))
        .routes(routes!(trust_remove))
        .routes(routes!(license_list, license_import))
        .routes(routes!(license_show, license_remove))
}

#[utoipa::path(get, path = "/v1/admin/trust",
    responses((status = 200, body = Vec<TrustedKeyView>)))]
pub async fn trust_list(AsViewer(admin): AsViewer) -> ApiResult<Vec<TrustedKeyView>> {
    Ok(Json(admin.trust_list().await?))
}

/// Trust an issuer key.
#[utoipa::path(post, path = "/v1/admin/trust", request_body = TrustRequest,
    responses((status = 200, body = TrustAddResult)))]
pub async fn trust_add(
    AsAdmin(admin): AsAdmin,
    Body(r): Body<TrustRequest>,
) -> ApiResult<TrustAddResult> {
    Ok(Json(admin.trust_add(&r.public_key, r.name).await?))
}

#[utoipa::path(delete, path = "/v1/admin/trust/{key_id}", params(("key_id" = String, Path, description = "The issuer key's id, as `trust list` shows it")),
    responses((status = 204)))]
pub async fn trust_remove(
    AsAdmin(admin): AsAdmin,
    PathParam(key_id): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    admin.trust_remove(&key_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Verify and import one license file (optionally binding its items to a code).
#[utoipa::path(post, path = "/v1/admin/licenses", request_body = ImportRequest,
    responses((status = 200, body = ImportReport)))]
pub async fn license_import(
    AsAdmin(admin): AsAdmin,
    Body(r): Body<ImportRequest>,
) -> ApiResult<ImportReport> {
    let target = r.handshake.map(|code| ImportTarget { code, create: r.create });
    let report = admin
        .license_import(&r.file_name, r.contents.as_bytes(), target.as_ref(), r.replace)
        .await?;
    Ok(Json(report))
}

#[utoipa::path(get, path = "/v1/admin/licenses", params(WindowQuery),
    responses((status = 200, body = Vec<LicenseView>)))]
pub async fn license_list(
    AsViewer(admin): AsViewer,
    Params(q): Params<WindowQuery>,
) -> ApiResult<Vec<LicenseView>> {
    Ok(Json(admin.license_list(secs(q.expiring_within_seconds)).await?))
}

#[utoipa::path(get, path = "/v1/admin/licenses/{id}", params(("id" = String, Path, description = "The license id")),
    responses((status = 200, body = LicenseView)))]
pub async fn license_show(
    AsViewer(admin): AsViewer,
    PathParam(id): PathParam<String>,
) -> ApiResult<LicenseView> {
    Ok(Json(admin.license_show(&id).await?))
}

#[utoipa::path(delete, path = "/v1/admin/licenses/{id}", params(("id" = String, Path, description = "The license id"), RemoveQuery),
    responses((status = 200, body = LicenseRemovalView)))]
pub async fn license_remove(
    AsAdmin(admin): AsAdmin,
    PathParam(id): PathParam<String>,
    Params(q): Params<RemoveQuery>,
) -> ApiResult<LicenseRemovalView> {
    Ok(Json(admin.license_remove(&id, q.force, q.dry_run).await?))
}
