//! The OpenAPI 3 document of every route, generated from the handlers' annotations.

use axum::Json;
use axum::response::IntoResponse;
use utoipa::OpenApi;

use super::admin_api as admin;

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
    paths(
        super::device::authorize, super::device::usage, super::device::jwks, super::device::healthz,
        admin::whoami, admin::status, admin::trust_list, admin::trust_add, admin::trust_remove,
        admin::license_import, admin::license_list, admin::license_show, admin::license_remove,
        admin::handshake_list, admin::handshake_create, admin::handshake_show, admin::handshake_set,
        admin::handshake_bind, admin::handshake_unbind, admin::handshake_order,
        admin::handshake_order_by_expiry, admin::domains_add,
        admin::domains_remove, admin::domains_list, admin::password_set, admin::password_clear,
        admin::handshake_delete, admin::sweep, admin::token_list, admin::token_create, admin::token_revoke,
        admin::audit_list, admin::devices_list, admin::devices_count, admin::device_show,
        admin::devices_unregister, admin::devices_unregister_matching, admin::usage,
    ),
    modifiers(&BearerAuth),
    components(schemas(
        AuthorizeRequest, AuthorizeResponse, Platform, UsageRequest, UsageReport, UsageResponse, ErrorBody,
        ErrorDetail
    )),
    tags(
        (name = "device", description = "Called by client SDKs"),
        (name = "admin", description = "Administration with a bearer token (`ltsctl token create`)"),
        (name = "server", description = "Operations")
    )
)]
pub struct ApiDoc;

/// Declares the admin API's bearer-token security scheme.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

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

    /// Every `{param}` in a path is declared as a path parameter of each of its operations (and no other
    /// path parameter is): an undeclared one makes the document invalid for clients and Schemathesis.
    #[test]
    fn every_path_parameter_is_declared() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let mut missing = Vec::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            let mut in_path: Vec<&str> = path
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(name, _)| name))
                .collect();
            in_path.sort();
            for (method, op) in item.as_object().unwrap() {
                let mut declared: Vec<&str> = op["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|p| p["in"] == "path")
                    .map(|p| p["name"].as_str().unwrap())
                    .collect();
                declared.sort();
                if declared != in_path {
                    missing.push(format!(
                        "{method} {path}: declares {declared:?}, needs {in_path:?}"
                    ));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}
