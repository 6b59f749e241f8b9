//! Handshake codes, their items, settings, domains and passwords: `/v1/admin/handshakes/...`.

use std::sync::Arc;

use axum::Json;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiError, ApiResult, AsAdmin, AsViewer, Body, Params, PathParam};
use crate::admin::*;
use crate::server::AppState;

pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(handshake_list, handshake_create))
        .routes(routes!(handshake_show, handshake_set, handshake_delete))
        .routes(routes!(handshake_bind))
        .routes(routes!(handshake_unbind))
        .routes(routes!(handshake_order, handshake_order_by_expiry))
        .routes(routes!(domains_list, domains_add))
        .routes(routes!(domains_remove))
        .routes(routes!(password_set, password_clear))
}

#[utoipa::path(get, path = "/v1/admin/handshakes",
    responses((status = 200, body = Vec<HandshakeView>)))]
pub async fn handshake_list(AsViewer(admin): AsViewer) -> ApiResult<Vec<HandshakeView>> {
    Ok(Json(admin.handshake_list().await?))
}

/// Create a handshake code.
#[utoipa::path(post, path = "/v1/admin/handshakes", request_body = CreateHandshakeRequest,
    responses((status = 200, body = HandshakeView)))]
pub async fn handshake_create(
    AsAdmin(admin): AsAdmin,
    Body(r): Body<CreateHandshakeRequest>,
) -> ApiResult<HandshakeView> {
    Ok(Json(admin.handshake_create(&r.code, r.settings).await?))
}

#[utoipa::path(get, path = "/v1/admin/handshakes/{code}", params(CodePath),
    responses((status = 200, body = HandshakeView)))]
pub async fn handshake_show(
    AsViewer(admin): AsViewer,
    PathParam(CodePath { code }): PathParam<CodePath>,
) -> ApiResult<HandshakeView> {
    Ok(Json(admin.handshake_show(&code).await?))
}

/// Change a code's settings.
#[utoipa::path(patch, path = "/v1/admin/handshakes/{code}", request_body = HandshakeChanges,
    params(CodePath),
    responses((status = 200, body = HandshakeView)))]
pub async fn handshake_set(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
    Body(changes): Body<HandshakeChanges>,
) -> ApiResult<HandshakeView> {
    Ok(Json(admin.handshake_set(&code, changes).await?))
}

#[utoipa::path(delete, path = "/v1/admin/handshakes/{code}", params(CodePath, ForceQuery),
    responses((status = 204)))]
pub async fn handshake_delete(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
    Params(q): Params<ForceQuery>,
) -> Result<StatusCode, ApiError> {
    admin.handshake_delete(&code, q.force).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Bind items.
#[utoipa::path(post, path = "/v1/admin/handshakes/{code}/bind", request_body = ItemsRequest,
    params(CodePath),
    responses((status = 200, body = HandshakeView)))]
pub async fn handshake_bind(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
    Body(r): Body<ItemsRequest>,
) -> ApiResult<HandshakeView> {
    Ok(Json(admin.handshake_bind(&code, &r.items).await?))
}

/// Unbind items.
#[utoipa::path(post, path = "/v1/admin/handshakes/{code}/unbind", request_body = ItemsRequest,
    params(CodePath),
    responses((status = 200, body = HandshakeView)))]
pub async fn handshake_unbind(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
    Body(r): Body<ItemsRequest>,
) -> ApiResult<HandshakeView> {
    Ok(Json(admin.handshake_unbind(&code, &r.items).await?))
}

/// Set the consumption order.
#[utoipa::path(put, path = "/v1/admin/handshakes/{code}/order", request_body = ItemsRequest,
    params(CodePath),
    responses((status = 200, body = HandshakeView)))]
pub async fn handshake_order(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
    Body(r): Body<ItemsRequest>,
) -> ApiResult<HandshakeView> {
    Ok(Json(admin.handshake_order(&code, &r.items).await?))
}

#[utoipa::path(delete, path = "/v1/admin/handshakes/{code}/order", params(CodePath),
    responses((status = 200, description = "The code, its items soonest expiry first again", body = HandshakeView)))]
/// Drop the hand-set consumption order: soonest expiry first again.
pub async fn handshake_order_by_expiry(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
) -> ApiResult<HandshakeView> {
    Ok(Json(admin.handshake_order_by_expiry(&code).await?))
}

#[utoipa::path(get, path = "/v1/admin/handshakes/{code}/domains", params(CodePath),
    responses((status = 200, body = Vec<String>)))]
pub async fn domains_list(
    AsViewer(admin): AsViewer,
    PathParam(CodePath { code }): PathParam<CodePath>,
) -> ApiResult<Vec<String>> {
    Ok(Json(admin.handshake_domains_list(&code).await?))
}

/// Add domain bindings.
#[utoipa::path(post, path = "/v1/admin/handshakes/{code}/domains", request_body = DomainsRequest,
    params(CodePath),
    responses((status = 200, body = Vec<String>)))]
pub async fn domains_add(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
    Body(r): Body<DomainsRequest>,
) -> ApiResult<Vec<String>> {
    Ok(Json(admin.handshake_domains_add(&code, &r.domains).await?))
}

/// Remove domain bindings.
#[utoipa::path(post, path = "/v1/admin/handshakes/{code}/domains/remove", request_body = DomainsRequest,
    params(CodePath),
    responses((status = 200, body = Vec<String>)))]
pub async fn domains_remove(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
    Body(r): Body<DomainsRequest>,
) -> ApiResult<Vec<String>> {
    Ok(Json(admin.handshake_domains_remove(&code, &r.domains).await?))
}

#[utoipa::path(put, path = "/v1/admin/handshakes/{code}/password", params(CodePath), request_body = PasswordRequest, responses((status = 204)))]
pub async fn password_set(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
    Body(r): Body<PasswordRequest>,
) -> Result<StatusCode, ApiError> {
    admin.handshake_password_set(&code, r.password).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/v1/admin/handshakes/{code}/password", params(CodePath),
    responses((status = 204)))]
pub async fn password_clear(
    AsAdmin(admin): AsAdmin,
    PathParam(CodePath { code }): PathParam<CodePath>,
) -> Result<StatusCode, ApiError> {
    admin.handshake_password_clear(&code).await?;
    Ok(StatusCode::NO_CONTENT)
}
