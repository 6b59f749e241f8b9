//! The OpenAPI 3 document of every route, generated from the handlers' annotations.

use axum::Json;
use axum::response::IntoResponse;
use utoipa::OpenApi;

use crate::service::types::{
    AuthorizeRequest, AuthorizeResponse, ErrorBody, ErrorDetail, Platform, UsageReport,
    UsageRequest, UsageResponse,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "ltsctl License Tracking Server",
        description = "The device API client SDKs call to get authorized and report usage."
    ),
    paths(super::device::authorize, super::device::usage, super::device::jwks, super::device::healthz),
    components(schemas(
        AuthorizeRequest, AuthorizeResponse, Platform, UsageRequest, UsageReport, UsageResponse, ErrorBody,
        ErrorDetail
    )),
    tags((name = "device", description = "Called by client SDKs"), (name = "server", description = "Operations"))
)]
pub struct ApiDoc;

pub(super) async fn document() -> impl IntoResponse {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    Json(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_lists_every_device_route() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        for path in ["/v1/authorize", "/v1/usage", "/v1/jwks", "/healthz"] {
            assert!(doc["paths"].get(path).is_some(), "{path} missing");
        }
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    }
}
