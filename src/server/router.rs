//! The route table: every route the LTS serves, by area, and the OpenAPI document built from the same
//! table, so a route cannot be served without being documented (or documented without being served).

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use super::{AppState, admin, device, live, metrics, openapi};

/// Largest authorize request: a few short fields.
const AUTHORIZE_BODY_LIMIT: usize = 16 * 1024;
/// Largest usage upload: 1000 reports with a handful of counters each.
const USAGE_BODY_LIMIT: usize = 1024 * 1024;
/// Largest admin request: a license file (at most 1 MiB) as a JSON string.
pub(crate) const ADMIN_BODY_LIMIT: usize = 3 * 1024 * 1024;
/// A request that takes longer than this is answered 408 and dropped.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The device API (rate limited per client address), the admin API by area, and the server's own routes.
fn api(bench_null_routes: bool) -> OpenApiRouter<Arc<AppState>> {
    let mut devices = OpenApiRouter::new()
        .routes(routes!(device::authorize).layer(DefaultBodyLimit::max(AUTHORIZE_BODY_LIMIT)))
        .routes(routes!(device::usage).layer(DefaultBodyLimit::max(USAGE_BODY_LIMIT)));
    if bench_null_routes {
        // Benchmark baselines: the same HTTP stack and limits with no work behind them, deliberately
        // left out of the document.
        devices = devices
            .route(
                "/v1/bench/null-authorize",
                post(device::null_authorize).layer(DefaultBodyLimit::max(AUTHORIZE_BODY_LIMIT)),
            )
            .route(
                "/v1/bench/null-usage",
                post(device::null_usage).layer(DefaultBodyLimit::max(USAGE_BODY_LIMIT)),
            );
    }
    // Always layered: a reload may turn the limit on (it passes everything while it is off).
    devices = devices.layer(axum::middleware::from_fn(device::rate_limit));
    let admin = OpenApiRouter::new()
        .merge(admin::server::routes())
        .merge(admin::licenses::routes())
        .merge(admin::handshakes::routes())
        .merge(admin::devices::routes())
        .merge(admin::usage::routes())
        .merge(admin::access::routes())
        .merge(admin::alerts::routes())
        .layer(DefaultBodyLimit::max(ADMIN_BODY_LIMIT));
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(devices)
        .merge(admin)
        .routes(routes!(device::jwks))
        .routes(routes!(device::healthz))
}

/// The OpenAPI document of every route [`router`] serves, for tests of the document itself.
#[cfg(test)]
pub(super) fn openapi_document() -> utoipa::openapi::OpenApi {
    let mut doc = api(false).into_openapi();
    openapi::finish(&mut doc);
    doc
}

/// Every route, behind the client address / access log middleware of [`live`](super::live) with the
/// state's live settings.
pub fn router(state: Arc<AppState>, bench_null_routes: bool) -> Router {
    let (router, mut doc) = api(bench_null_routes).split_for_parts();
    openapi::finish(&mut doc);
    // Serialized once: the document is the same for every request.
    let doc = Bytes::from(serde_json::to_vec(&doc).expect("the OpenAPI document serializes"));
    let document = move || {
        let doc = doc.clone();
        async move { ([(header::CONTENT_TYPE, "application/json")], doc).into_response() }
    };
    let mut router = router
        .route("/v1/openapi.json", get(document))
        .merge(super::ui::routes())
        .fallback(device::not_found)
        .method_not_allowed_fallback(device::method_not_allowed)
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(axum::middleware::map_response(close_after_unread_body));
    if state.metrics {
        // Outside the timeout, so a 408 is timed too; inside the client address middleware, which
        // only the access log needs.
        router = router.layer(axum::middleware::from_fn(metrics::track));
    }
    router
        .layer(axum::middleware::from_fn_with_state(state.live.clone(), live::middleware))
        .with_state(state)
}

/// A body refused for its size (413) or a request cut off by the timeout (408) leaves unread bytes on the
/// connection, so hyper closes it after the answer. Saying so (`Connection: close`) keeps a client that
/// pools connections from sending its next request on one that is about to go, where that request would
/// fail as an incomplete message instead of being sent on a new connection.
async fn close_after_unread_body(mut resp: Response) -> Response {
    if matches!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE | StatusCode::REQUEST_TIMEOUT) {
        resp.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    resp
}
