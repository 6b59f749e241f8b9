//! Usage: `GET /v1/admin/usage`.

use std::sync::Arc;

use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiResult, AsViewer, Params};
use crate::admin::*;
use crate::server::AppState;

pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new().routes(routes!(usage))
}

#[utoipa::path(get, path = "/v1/admin/usage", params(UsageQuery), responses((status = 200, body = UsageView)))]
pub async fn usage(
    AsViewer(admin): AsViewer,
    Params(q): Params<UsageQuery>,
) -> ApiResult<UsageView> {
    Ok(Json(admin.usage(&q).await?))
}
