//! The device API handlers: thin HTTP wrappers around [`DeviceService`](crate::service::DeviceService).

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::AppState;
use crate::domain::authorize::Denial;
use crate::service::DeviceError;
use crate::service::types::{
    AuthorizeRequest, AuthorizeResponse, ErrorBody, ErrorDetail, UsageRequest, UsageResponse,
};

/// An error response in the API's one shape: `{"error": {"code", "message"}}`.
pub(super) fn error_response(
    status: StatusCode,
    code: &str,
    message: impl Into<String>,
) -> Response {
    let body = ErrorBody { error: ErrorDetail { code: code.to_string(), message: message.into() } };
    (status, Json(body)).into_response()
}

impl DeviceError {
    /// The `code` of the error body this answer carries (also the metrics' label).
    fn code(&self) -> &'static str {
        match self {
            DeviceError::Denied { denial, .. } => denial.code(),
            DeviceError::Busy => "busy",
            DeviceError::Internal => "internal_error",
        }
    }
}

impl IntoResponse for DeviceError {
    fn into_response(self) -> Response {
        match self {
            DeviceError::Denied { denial, message } => {
                let status =
                    StatusCode::from_u16(denial.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
                error_response(status, denial.code(), message)
            }
            DeviceError::Busy => {
                crate::metrics::store_busy();
                let mut resp = error_response(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "busy",
                    "the LTS is busy writing; retry after the Retry-After delay",
                );
                resp.headers_mut()
                    .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
                resp
            }
            DeviceError::Internal => error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
                "the LTS could not complete the request; it has been logged",
            ),
        }
    }
}

/// Malformed JSON, a wrong content type or an oversize body: `invalid_request` with axum's status
/// (400, 415, 413 or 422) and a message that says what was wrong.
fn rejection(r: JsonRejection) -> Response {
    error_response(r.status(), Denial::InvalidRequest.code(), r.body_text())
}

/// The refusals both writing device routes share, besides their own 401 and 403: a body that is not
/// the request, an unknown code, the rate limit and a busy store.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Only its OpenAPI description is used; the answers are built by `error_response`.
enum DeviceRefusals {
    #[response(status = 400, description = "invalid_request")]
    InvalidRequest(ErrorBody),
    #[response(status = 404, description = "unknown_handshake")]
    UnknownHandshake(ErrorBody),
    #[response(status = 413, description = "invalid_request: body too large")]
    TooLarge(ErrorBody),
    #[response(status = 415, description = "invalid_request: not JSON")]
    NotJson(ErrorBody),
    #[response(status = 422, description = "invalid_request: JSON of the wrong shape")]
    WrongShape(ErrorBody),
    #[response(status = 429, description = "rate_limited", headers(
        ("Retry-After" = u64, description = "Seconds until this address may send again (at least 1)")
    ))]
    RateLimited(ErrorBody),
    #[response(
        status = 503,
        description = "busy: the store stayed locked; retry after the Retry-After delay"
    )]
    Busy(ErrorBody),
}

#[utoipa::path(
    post, path = "/v1/authorize", tag = "device",
    request_body = AuthorizeRequest,
    params(("Origin" = Option<String>, Header, description = "For web clients: the page's origin, checked against the code's domains")),
    responses(
        (status = 200, description = "Authorized", body = AuthorizeResponse),
        (status = 401, description = "bad_session_password", body = ErrorBody),
        (status = 403, description = "domain_not_allowed, no_matching_license, license_expired, license_not_yet_valid, quota_exceeded", body = ErrorBody),
        DeviceRefusals,
    )
)]
pub(super) async fn authorize(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Json<AuthorizeRequest>, JsonRejection>,
) -> Response {
    let Json(req) = match body {
        Ok(b) => b,
        Err(r) => {
            crate::metrics::authorization(Denial::InvalidRequest.code());
            return rejection(r);
        }
    };
    let origin = match headers.get(header::ORIGIN).map(|v| v.to_str()) {
        Some(Ok(o)) => Some(o.to_string()),
        Some(Err(_)) => {
            crate::metrics::authorization(Denial::InvalidRequest.code());
            return DeviceError::new(Denial::InvalidRequest, "Origin header is not ASCII")
                .into_response();
        }
        None => None,
    };
    // Kept for the refusal alert, which counts quota refusals per code.
    let handshake = req.handshake.clone();
    match state.devices.authorize(req, origin.as_deref()).await {
        Ok(resp) => {
            crate::metrics::authorization("granted");
            Json(resp).into_response()
        }
        Err(e) => {
            crate::metrics::authorization(e.code());
            if e.code() == Denial::QuotaExceeded.code() {
                super::alerts::refused(&handshake);
            }
            e.into_response()
        }
    }
}

#[utoipa::path(
    post, path = "/v1/usage", tag = "device",
    request_body = UsageRequest,
    responses(
        (status = 200, description = "Recorded (duplicates counted once)", body = UsageResponse),
        (status = 403, description = "no_matching_license (device not authorized), quota_exceeded (concurrent window full)", body = ErrorBody),
        DeviceRefusals,
    )
)]
pub(super) async fn usage(
    State(state): State<Arc<AppState>>,
    body: Result<Json<UsageRequest>, JsonRejection>,
) -> Response {
    let Json(req) = match body {
        Ok(b) => b,
        // Its reports were never read: nothing to count under ltsctl_usage_reports_total.
        Err(r) => return rejection(r),
    };
    let reports = req.reports.len() as u64;
    match state.devices.usage(req).await {
        Ok(resp) => {
            crate::metrics::usage_reports("accepted", resp.accepted as u64);
            crate::metrics::usage_reports("duplicate", resp.duplicates as u64);
            Json(resp).into_response()
        }
        Err(e) => {
            crate::metrics::usage_reports(e.code(), reports);
            e.into_response()
        }
    }
}

#[utoipa::path(
    get, path = "/v1/jwks", tag = "device",
    responses((status = 200, description = "The token-signing public key as a JWK Set (OKP / Ed25519, RFC 8037)", body = Object))
)]
pub(super) async fn jwks(State(state): State<Arc<AppState>>) -> Response {
    Json(state.devices.jwks().clone()).into_response()
}

#[utoipa::path(
    get, path = "/healthz", tag = "server",
    responses((status = 200, description = "The LTS is up", body = Object))
)]
pub(super) async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    Json(json!({ "status": "ok", "lts_id": state.devices.lts_id() })).into_response()
}

pub(super) async fn method_not_allowed() -> Response {
    error_response(
        StatusCode::METHOD_NOT_ALLOWED,
        Denial::InvalidRequest.code(),
        "this route does not take that method; see /v1/openapi.json",
    )
}

pub(super) async fn not_found() -> Response {
    error_response(StatusCode::NOT_FOUND, "not_found", "no such route; see /v1/openapi.json")
}

/// Per-client-address token bucket on the device routes: a flood from one address gets 429 while others
/// are still served. Every 429 says in `Retry-After` (and its message) when the limiter admits that
/// address again.
pub(super) struct RateLimit {
    limiter: governor::DefaultKeyedRateLimiter<std::net::IpAddr>,
}

impl RateLimit {
    /// `per_second` requests per second per address, in bursts of up to twice that.
    pub(super) fn new(per_second: NonZeroU32) -> Arc<Self> {
        let period = Duration::from_nanos((1_000_000_000 / u64::from(per_second.get())).max(1));
        let burst = NonZeroU32::new(per_second.get().saturating_mul(2)).unwrap_or(per_second);
        let quota = governor::Quota::with_period(period)
            .unwrap_or_else(|| governor::Quota::per_second(per_second))
            .allow_burst(burst);
        Arc::new(RateLimit { limiter: governor::RateLimiter::keyed(quota) })
    }

    /// `None` when `ip` may go ahead, else how long until it may.
    fn check(&self, ip: std::net::IpAddr) -> Option<Duration> {
        use governor::clock::Clock;
        self.limiter
            .check_key(&ip)
            .err()
            .map(|not_until| not_until.wait_time_from(self.limiter.clock().now()))
    }
}

/// The middleware of [`RateLimit`]: the limiter and the client address come from the outer
/// [`live::middleware`](super::live::middleware) (the limiter in force, the address behind any trusted
/// proxy).
pub(super) async fn rate_limit(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let limiter =
        request.extensions().get::<Arc<super::live::Current>>().and_then(|c| c.limiter.clone());
    let Some(limiter) = limiter else {
        return next.run(request).await;
    };
    let Some(super::live::ClientAddr(ip)) = request.extensions().get().copied() else {
        return error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "the rate limiter found no client address",
        );
    };
    match limiter.check(ip) {
        None => next.run(request).await,
        Some(wait) => {
            crate::metrics::rate_limited();
            too_many_requests(wait)
        }
    }
}

/// Whole seconds until the limiter admits the next request: rounded up, and at least 1 (`Retry-After: 0`
/// would invite the retry that is refused again).
fn retry_after_secs(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

fn too_many_requests(wait: Duration) -> Response {
    let secs = retry_after_secs(wait);
    let mut resp = error_response(
        StatusCode::TOO_MANY_REQUESTS,
        Denial::RateLimited.code(),
        format!("too many requests from this address; retry in {secs} s (Retry-After)"),
    );
    resp.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(secs));
    resp
}

/// `POST /v1/bench/null-authorize`: the benchmark baseline (same HTTP stack, parsing and JWS signing, no
/// store). Mounted only with `serve --bench-null-routes`.
pub(super) async fn null_authorize(
    State(state): State<Arc<AppState>>,
    body: Result<Json<AuthorizeRequest>, JsonRejection>,
) -> Response {
    match body {
        Ok(Json(req)) => match state.devices.null_authorize(&req) {
            Ok(resp) => Json(resp).into_response(),
            Err(e) => e.into_response(),
        },
        Err(r) => rejection(r),
    }
}

/// `POST /v1/bench/null-usage`: parsing and validation of a usage upload, nothing stored.
pub(super) async fn null_usage(
    State(state): State<Arc<AppState>>,
    body: Result<Json<UsageRequest>, JsonRejection>,
) -> Response {
    match body {
        Ok(Json(req)) => match state.devices.null_usage(&req) {
            Ok(resp) => Json(resp).into_response(),
            Err(e) => e.into_response(),
        },
        Err(r) => rejection(r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_rounds_the_true_wait_up_to_whole_seconds_and_is_never_0() {
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(1000)), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(1001)), 2);
        assert_eq!(retry_after_secs(Duration::from_secs(7)), 7);
    }

    #[test]
    fn the_limiter_refuses_after_the_burst_and_says_how_long_to_wait() {
        // 1 per second, bursts of 2: the third request at once waits about a second (never more).
        let limit = RateLimit::new(NonZeroU32::new(1).unwrap());
        let ip = std::net::IpAddr::from([192, 0, 2, 1]);
        assert_eq!(limit.check(ip), None);
        assert_eq!(limit.check(ip), None);
        let wait = limit.check(ip).expect("refused after the burst");
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(1), "{wait:?}");
        assert_eq!(retry_after_secs(wait), 1);
        // Another address is not held back.
        assert_eq!(limit.check(std::net::IpAddr::from([192, 0, 2, 2])), None);
    }
}
