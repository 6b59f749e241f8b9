//! Devices: `/v1/admin/devices/...`.

use std::sync::Arc;

use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiResult, AsOperator, AsViewer, Body, Params, PathParam};
use crate::admin::*;
use crate::server::AppState;

/// Devices per page when the caller names no limit.
const DEFAULT_PAGE: u32 = 1000;

pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(devices_list))
        .routes(routes!(devices_count))
        .routes(routes!(devices_unregister))
        .routes(routes!(devices_unregister_matching))
        .routes(routes!(devices_checkout))
        .routes(routes!(devices_checkin))
        .routes(routes!(device_show))
}

#[utoipa::path(get, path = "/v1/admin/devices", params(DeviceQuery, PageQuery), responses((status = 200, body = DevicePage)))]
pub async fn devices_list(
    AsViewer(admin): AsViewer,
    Params(q): Params<DeviceQuery>,
    Params(page): Params<PageQuery>,
) -> ApiResult<RawDevicePage> {
    // Rows pass through as the store's JSON text: the same document as `DevicePage`.
    let limit = page.limit.unwrap_or(DEFAULT_PAGE);
    Ok(Json(
        admin
            .devices_list_raw(&q, page.cursor.as_deref(), limit)
            .await?,
    ))
}

#[utoipa::path(get, path = "/v1/admin/devices/count", params(DeviceQuery), responses((status = 200, body = CountView)))]
pub async fn devices_count(
    AsViewer(admin): AsViewer,
    Params(q): Params<DeviceQuery>,
) -> ApiResult<CountView> {
    let count = admin.devices_count(&q).await?;
    Ok(Json(CountView { count }))
}

#[utoipa::path(get, path = "/v1/admin/devices/{uuid}", params(("uuid" = String, Path, description = "The device's id")),
    responses((status = 200, body = DeviceDetail)))]
pub async fn device_show(
    AsViewer(admin): AsViewer,
    PathParam(uuid): PathParam<String>,
) -> ApiResult<DeviceDetail> {
    Ok(Json(admin.device_show(&uuid).await?))
}

/// Free the seats of these devices.
#[utoipa::path(post, path = "/v1/admin/devices/unregister", request_body = UnregisterRequest,
    responses((status = 200, body = UnregisterReport)))]
pub async fn devices_unregister(
    AsOperator(admin): AsOperator,
    Body(r): Body<UnregisterRequest>,
) -> ApiResult<UnregisterReport> {
    let report = admin
        .devices_unregister(&r.uuids, r.handshake.as_deref(), r.force)
        .await?;
    crate::metrics::devices_removed("unregister", report.removed.len() as u64);
    Ok(Json(report))
}

/// Free the seats of up to `batch` matching devices, in one transaction.
#[utoipa::path(post, path = "/v1/admin/devices/unregister-matching", request_body = UnregisterMatchingRequest,
    responses((status = 200, body = RemovedView)))]
pub async fn devices_unregister_matching(
    AsOperator(admin): AsOperator,
    Body(r): Body<UnregisterMatchingRequest>,
) -> ApiResult<RemovedView> {
    let removed = admin
        .devices_unregister_matching(&r.query, r.batch, r.force)
        .await?;
    crate::metrics::devices_removed("unregister", removed);
    Ok(Json(RemovedView { removed }))
}

/// Seat a device that never reaches the LTS for a period and get its offline authorization file.
#[utoipa::path(post, path = "/v1/admin/devices/checkout", request_body = CheckoutRequest,
    responses((status = 200, body = OfflineAuthorization)))]
pub async fn devices_checkout(
    AsOperator(admin): AsOperator,
    Body(r): Body<CheckoutRequest>,
) -> ApiResult<OfflineAuthorization> {
    Ok(Json(admin.devices_checkout(&r).await?))
}

/// End a device's check-outs early, freeing their seats.
#[utoipa::path(post, path = "/v1/admin/devices/checkin", request_body = CheckinRequest,
    responses((status = 200, body = CheckinReport)))]
pub async fn devices_checkin(
    AsOperator(admin): AsOperator,
    Body(r): Body<CheckinRequest>,
) -> ApiResult<CheckinReport> {
    Ok(Json(
        admin
            .devices_checkin(&r.uuid, r.handshake.as_deref())
            .await?,
    ))
}
