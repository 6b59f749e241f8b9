//! Usage: `GET /v1/admin/usage`.

use std::sync::Arc;

use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiResult, AsOperator, AsViewer, Body, Params};
use crate::admin::*;
use crate::server::AppState;

pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new().routes(routes!(usage)).routes(routes!(usage_import))
}

#[utoipa::path(get, path = "/v1/admin/usage", params(UsageQuery), responses((status = 200, body = UsageView)))]
pub async fn usage(
    AsViewer(admin): AsViewer,
    Params(q): Params<UsageQuery>,
) -> ApiResult<UsageView> {
    Ok(Json(admin.usage(&q).await?))
}

/// Record usage carried back from devices that never reach the LTS: one file's uploads, refused whole
/// when any is refused; idempotent by report id.
#[utoipa::path(post, path = "/v1/admin/usage/import", request_body = UsageImportRequest,
    responses((status = 200, body = UsageImportReport)))]
pub async fn usage_import(
    AsOperator(admin): AsOperator,
    Body(r): Body<UsageImportRequest>,
) -> ApiResult<UsageImportReport> {
    Ok(Json(admin.usage_import(&r).await?))
}
