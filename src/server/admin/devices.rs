//! Devices: `/v1/admin/devices/...`.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{AdminErrorBody, ApiError, ApiResult, AsOperator, AsViewer, Body, Params, PathParam};
use crate::admin::local::device_stream::Chunk;
use crate::admin::*;
use crate::error::Error;
use crate::server::AppState;

pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(devices_list))
        .routes(routes!(devices_count))
        .routes(routes!(devices_stream))
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
    Ok(Json(admin.devices_list_raw(&q, &page).await?))
}

/// Every matching device in one answer, as the store reads them: one device per line (`DeviceView`, the
/// same JSON as in a page), then one last line, `{"end":{"count":N}}` once every device was sent, or an
/// admin error body (`{"error":{...}}`) if the listing failed after it started. An answer that ends
/// with neither was cut off: its list is incomplete. Sorted and filtered as `GET /v1/admin/devices`.
#[utoipa::path(get, path = "/v1/admin/devices/stream", params(DeviceQuery, StreamQuery),
    responses((status = 200, content_type = "application/x-ndjson", body = String,
        description = "One `DeviceView` per line, then `StreamEnd` (or `AdminErrorBody`)")))]
pub async fn devices_stream(
    AsViewer(admin): AsViewer,
    Params(q): Params<DeviceQuery>,
    Params(s): Params<StreamQuery>,
) -> Result<Response, ApiError> {
    let mut chunks = admin.devices_stream(&q, s.limit)?;
    // The first chunk before the status line: a listing that cannot start is an ordinary error answer.
    let first = match chunks.recv().await {
        Some(Chunk::Failed(e)) => return Err(ApiError(e)),
        Some(chunk) => chunk,
        None => return Err(ApiError(Error::internal("the device listing stopped"))),
    };
    let body = futures_util::stream::unfold(Some((Some(first), chunks)), |state| async move {
        let (first, mut chunks) = state?;
        let chunk = match first {
            Some(c) => Some(c),
            None => chunks.recv().await,
        };
        match chunk {
            Some(Chunk::Rows(rows)) => Some((Ok(Bytes::from(rows)), Some((None, chunks)))),
            Some(Chunk::End(count)) => {
                Some((Ok(last_line(&StreamEnd { end: CountView { count } })), None))
            }
            Some(Chunk::Failed(e)) => {
                Some((Ok(last_line(&AdminErrorBody { error: super::shown(e) })), None))
            }
            // Stopped without an end (a client that stalled): the body is cut off, not ended, so
            // that no one takes it for a whole list.
            None => Some((Err(std::io::Error::other("the device listing stopped")), None)),
        }
    });
    Ok(([(header::CONTENT_TYPE, DEVICE_STREAM_TYPE)], axum::body::Body::from_stream(body))
        .into_response())
}

fn last_line(v: &impl serde::Serialize) -> Bytes {
    let mut line = serde_json::to_vec(v).unwrap_or_default();
    line.push(b'\n');
    Bytes::from(line)
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
    let report = admin.devices_unregister(&r.uuids, r.handshake.as_deref(), r.force).await?;
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
    let removed = admin.devices_unregister_matching(&r.query, r.batch, r.force).await?;
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
    Ok(Json(admin.devices_checkin(&r.uuid, r.handshake.as_deref()).await?))
}
