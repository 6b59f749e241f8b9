//! The read-only web dashboard under `/ui`, on the admin API's listener: sign-in with an admin API token
//! ([`session`]), then the overview, usage, devices and audit pages ([`pages`]). Pages are rendered on the
//! server (maud: every interpolated value is HTML-escaped) and read with no JavaScript; the stylesheet is
//! compiled into the binary. Each page calls the same admin operations the CLI and the admin API call,
//! on behalf of the session's token, so the figures agree and the role rules are the same.
//!
//! Every answer carries a Content-Security-Policy without `unsafe-inline` (no inline script or style at
//! all: bars and charts are SVG shapes sized by attributes, coloured by the stylesheet), and is never
//! cached or framed.

mod chart;
mod pages;
mod session;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use super::AppState;

/// Nothing the dashboard loads comes from elsewhere, and nothing runs.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                   frame-ancestors 'none'; base-uri 'none'";

/// The largest form the dashboard takes: a sign-in (a token of about 100 characters) or a sign-out.
const FORM_LIMIT: usize = 4 * 1024;

/// The stylesheet, in the binary.
const STYLE: &str = include_str!("assets/style.css");

/// The dashboard's routes, merged into the server's route table (they are not part of the admin API's
/// OpenAPI document: they answer HTML for browsers).
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/ui", get(pages::overview::page))
        .route("/ui/", get(|| async { Redirect::permanent("/ui") }))
        .route("/ui/sign-in", get(pages::sign_in::form).post(pages::sign_in::submit))
        .route("/ui/sign-out", axum::routing::post(pages::sign_in::sign_out))
        .route("/ui/usage", get(pages::usage::page))
        .route("/ui/devices", get(pages::devices::list))
        .route("/ui/devices/{uuid}", get(pages::devices::show))
        .route("/ui/audit", get(pages::audit::page))
        .route("/ui/assets/style.css", get(style))
        .route("/ui/{*rest}", get(pages::not_found))
        // Set here, before the layers, so the server's JSON 405 (set on the whole route table) does not
        // replace it and the answer passes through `headers` like every other.
        .method_not_allowed_fallback(pages::method_not_allowed)
        .layer(DefaultBodyLimit::max(FORM_LIMIT))
        .layer(axum::middleware::map_response(headers))
}

async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

/// axum's extractors refuse a malformed request with a plain-text answer: a sign-in that is not
/// `application/x-www-form-urlencoded` (415), a body over [`FORM_LIMIT`] (413), a form or query string
/// that does not deserialize (422, 400). The dashboard answers those with its own error page instead,
/// the same status and the extractor's message (escaped like all text), so a browser shows a page with a
/// way back rather than a bare line.
async fn rejection_page(resp: Response) -> Response {
    let plain = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    if !plain || !resp.status().is_client_error() {
        return resp;
    }
    let status = resp.status();
    // The extractors' messages are one short line; anything longer is cut, not buffered.
    let text = axum::body::to_bytes(resp.into_body(), 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_else(|_| "the request could not be read".to_string());
    let hint = match status.as_u16() {
        413 => "the dashboard's forms are small: send the form from its page",
        415 => "send the form from the dashboard's page (application/x-www-form-urlencoded)",
        _ => "use the page's form rather than editing the address or the form",
    };
    pages::status_page(status, &text, Some(hint))
}

/// The security headers of every dashboard answer.
async fn headers(resp: Response) -> Response {
    let mut resp = rejection_page(resp).await;
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Not `no-referrer`: under it browsers send `Origin: null` with the forms, which the origin check
    // must refuse. `same-origin` tells other sites nothing either.
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}
