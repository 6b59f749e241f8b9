//! Alerts, their deliveries and settings, e-mail recipients and webhooks: `/v1/admin/alerts...`,
//! `/v1/admin/webhooks...`. Viewers list; admins change.

use std::sync::Arc;

use axum::Json;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiError, ApiResult, AsAdmin, AsViewer, Body, Params, PathParam};
use crate::admin::*;
use crate::server::AppState;

/// Rows per answer when the caller names no limit.
const DEFAULT_LIMIT: u32 = 100;

pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(alerts_list))
        .routes(routes!(alert_deliveries))
        .routes(routes!(alert_settings, alert_settings_set))
        .routes(routes!(alert_settings_reset))
        .routes(routes!(email_list, email_add))
        .routes(routes!(email_remove))
        .routes(routes!(webhook_list, webhook_add))
        .routes(routes!(webhook_remove))
        .routes(routes!(webhook_test))
}

/// What has fired, newest first, with how its deliveries went.
#[utoipa::path(get, path = "/v1/admin/alerts", params(AlertsQuery),
    responses((status = 200, body = Vec<AlertView>)))]
pub async fn alerts_list(
    AsViewer(admin): AsViewer,
    Params(q): Params<AlertsQuery>,
) -> ApiResult<Vec<AlertView>> {
    Ok(Json(admin.alerts_list(q.limit.unwrap_or(DEFAULT_LIMIT)).await?))
}

/// Every delivery attempt, newest first.
#[utoipa::path(get, path = "/v1/admin/alerts/deliveries", params(AlertsQuery),
    responses((status = 200, body = Vec<DeliveryAttemptView>)))]
pub async fn alert_deliveries(
    AsViewer(admin): AsViewer,
    Params(q): Params<AlertsQuery>,
) -> ApiResult<Vec<DeliveryAttemptView>> {
    Ok(Json(admin.alert_deliveries(q.limit.unwrap_or(DEFAULT_LIMIT)).await?))
}

/// The thresholds in force: global, then each code with settings of its own.
#[utoipa::path(get, path = "/v1/admin/alerts/settings",
    responses((status = 200, body = Vec<AlertSettingsView>)))]
pub async fn alert_settings(AsViewer(admin): AsViewer) -> ApiResult<Vec<AlertSettingsView>> {
    Ok(Json(admin.alert_settings().await?))
}

/// Set thresholds, globally or for one code; the fields not given are kept.
#[utoipa::path(put, path = "/v1/admin/alerts/settings", request_body = AlertSettingsRequest,
    responses((status = 200, body = AlertSettingsView)))]
pub async fn alert_settings_set(
    AsAdmin(admin): AsAdmin,
    Body(r): Body<AlertSettingsRequest>,
) -> ApiResult<AlertSettingsView> {
    Ok(Json(admin.alert_settings_set(r).await?))
}

/// Drop a code's own thresholds: the global ones apply to it again.
#[utoipa::path(delete, path = "/v1/admin/alerts/settings/{code}",
    params(("code" = String, Path, description = "The handshake code")),
    responses((status = 204)))]
pub async fn alert_settings_reset(
    AsAdmin(admin): AsAdmin,
    PathParam(code): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    admin.alert_settings_reset(&code).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/v1/admin/alerts/emails",
    responses((status = 200, body = Vec<EmailView>)))]
pub async fn email_list(AsViewer(admin): AsViewer) -> ApiResult<Vec<EmailView>> {
    Ok(Json(admin.email_list().await?))
}

/// Send alerts to this address too.
#[utoipa::path(post, path = "/v1/admin/alerts/emails", request_body = EmailRequest,
    responses((status = 200, body = EmailView)))]
pub async fn email_add(
    AsAdmin(admin): AsAdmin,
    Body(r): Body<EmailRequest>,
) -> ApiResult<EmailView> {
    Ok(Json(admin.email_add(&r.address).await?))
}

#[utoipa::path(delete, path = "/v1/admin/alerts/emails/{address}",
    params(("address" = String, Path, description = "The e-mail address")),
    responses((status = 204)))]
pub async fn email_remove(
    AsAdmin(admin): AsAdmin,
    PathParam(address): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    admin.email_remove(&address).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Webhooks (never their secrets).
#[utoipa::path(get, path = "/v1/admin/webhooks",
    responses((status = 200, body = Vec<WebhookView>)))]
pub async fn webhook_list(AsViewer(admin): AsViewer) -> ApiResult<Vec<WebhookView>> {
    Ok(Json(admin.webhook_list().await?))
}

/// Add a webhook; its signing secret is in the response, once.
#[utoipa::path(post, path = "/v1/admin/webhooks", request_body = WebhookRequest,
    responses((status = 200, body = WebhookCreated)))]
pub async fn webhook_add(
    AsAdmin(admin): AsAdmin,
    Body(r): Body<WebhookRequest>,
) -> ApiResult<WebhookCreated> {
    Ok(Json(admin.webhook_add(r).await?))
}

/// Remove a webhook; its pending deliveries are given up.
#[utoipa::path(delete, path = "/v1/admin/webhooks/{id}",
    params(("id" = String, Path, description = "The webhook's id")),
    responses((status = 204)))]
pub async fn webhook_remove(
    AsAdmin(admin): AsAdmin,
    PathParam(id): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    admin.webhook_remove(&id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Send a signed `webhook.test` event now and say how it went.
#[utoipa::path(post, path = "/v1/admin/webhooks/{id}/test",
    params(("id" = String, Path, description = "The webhook's id")),
    responses((status = 200, body = WebhookTestReport)))]
pub async fn webhook_test(
    AsAdmin(admin): AsAdmin,
    PathParam(id): PathParam<String>,
) -> ApiResult<WebhookTestReport> {
    Ok(Json(admin.webhook_test(&id).await?))
}
