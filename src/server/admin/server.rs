//! Server operations: `GET /v1/admin/status`, `POST /v1/admin/sweep`.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiResult, AsOperator, AsViewer, Params, secs};
use crate::admin::*;
use crate::server::AppState;

/// The expiry window `status` uses when the caller names none (the CLI's default too).
const DEFAULT_WINDOW: Duration = Duration::from_secs(30 * 86400);

pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new().routes(routes!(status)).routes(routes!(sweep))
}

#[utoipa::path(get, path = "/v1/admin/status", params(WindowQuery),
    responses((status = 200, body = StatusView)))]
pub async fn status(
    AsViewer(admin): AsViewer,
    Params(q): Params<WindowQuery>,
) -> ApiResult<StatusView> {
    let window = secs(q.expiring_within_seconds).unwrap_or(DEFAULT_WINDOW);
    let mut view = admin.status(window).await?;
    // The store's location is the server's business; the caller knows the server by its URL.
    view.target = Target { kind: "remote".into(), location: "this server".into() };
    Ok(Json(view))
}

#[utoipa::path(post, path = "/v1/admin/sweep",
    responses((status = 200, body = SweepView)))]
pub async fn sweep(AsOperator(admin): AsOperator) -> ApiResult<SweepView> {
    let run = admin.sweep().await?;
    crate::metrics::devices_removed("sweep", run.removed.max(0) as u64);
    Ok(Json(run))
}
