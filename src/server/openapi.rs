//! The OpenAPI 3 document's frame: its title, tags, security scheme and the device API's schemas. The
//! paths come from the route table ([`super::router`]), each from its handler's annotation.

use utoipa::OpenApi;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};

use super::admin::AdminErrorBody;

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
    modifiers(&BearerAuth),
    components(schemas(
        AuthorizeRequest, AuthorizeResponse, Platform, UsageRequest, UsageReport, UsageResponse, ErrorBody,
        ErrorDetail, AdminErrorBody
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

/// Completes the document built from the route table: its version, and what every admin operation
/// shares, said once here rather than on each handler: the `admin` tag, the bearer token, and a 4XX
/// answer in the admin error shape.
pub(super) fn finish(doc: &mut utoipa::openapi::OpenApi) {
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    let admin_paths = doc.paths.paths.iter_mut().filter(|(path, _)| path.starts_with("/v1/admin/"));
    for (_, item) in admin_paths {
        let operations =
            [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for operation in operations.into_iter().flatten() {
            as_admin_operation(operation);
        }
    }
}

fn as_admin_operation(operation: &mut Operation) {
    operation.tags = Some(vec!["admin".to_string()]);
    operation.security = Some(vec![SecurityRequirement::new("bearer", Vec::<String>::new())]);
    let error = ResponseBuilder::new()
        .content("application/json", Content::new(Some(Ref::from_schema_name("AdminErrorBody"))))
        .build();
    operation.responses.responses.insert("4XX".to_string(), RefOr::T(error));
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_document_lists_every_device_route() {
        let doc = serde_json::to_value(crate::server::router::openapi_document()).unwrap();
        for path in ["/v1/authorize", "/v1/usage", "/v1/jwks", "/healthz"] {
            assert!(doc["paths"].get(path).is_some(), "{path} missing");
        }
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    }

    /// Every `{param}` in a path is declared as a path parameter of each of its operations (and no other
    /// path parameter is): an undeclared one makes the document invalid for clients and Schemathesis.
    #[test]
    fn every_path_parameter_is_declared() {
        let doc = serde_json::to_value(crate::server::router::openapi_document()).unwrap();
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
                    missing
                        .push(format!("{method} {path}: declares {declared:?}, needs {in_path:?}"));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}
