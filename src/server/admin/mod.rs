//! The admin HTTP API under `/v1/admin`: the same operations as the CLI's local target, behind bearer
//! tokens with roles. One file per area, as in every other layer; each ends with its routes. Requests and
//! responses are the shared wire types of [`crate::admin`], so the remote client, these handlers
//! and the OpenAPI document cannot disagree. Errors carry the CLI's error kind, so a remote command exits
//! with the same code as a local one.
//!
//! Every handler has one shape: the role it needs as its first extractor ([`AsViewer`], [`AsOperator`],
//! [`AsAdmin`]), then path, query and body, then one call of the admin operation.

pub mod access;
pub mod alerts;
pub mod devices;
mod extract;
pub mod handshakes;
pub mod licenses;
pub mod server;
pub mod usage;

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use extract::{Body, Params, PathParam};

use super::AppState;
use crate::admin::local::{LocalAdmin, access::authenticate};
use crate::auth::Role;
use crate::clock::to_unix;
use crate::error::{Error, ErrorKind};

/// An error as the admin API sends it: `{"error": {"kind", "message", "hint"}}` with a matching status.
pub struct ApiError(pub Error);

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError(e)
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct AdminErrorBody {
    pub error: Error,
}

pub fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::Usage | ErrorKind::ConfirmationRequired => StatusCode::BAD_REQUEST,
        ErrorKind::Unauthenticated => StatusCode::UNAUTHORIZED,
        ErrorKind::PermissionDenied => StatusCode::FORBIDDEN,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::InvalidLicense => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::Attention => StatusCode::OK,
        ErrorKind::Busy => StatusCode::SERVICE_UNAVAILABLE,
        ErrorKind::Internal | ErrorKind::Unreachable | ErrorKind::DamagedStore => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let err = self.0;
        let status = status_of(err.kind);
        if err.kind == ErrorKind::Busy {
            crate::metrics::store_busy();
        }
        let mut resp = (status, Json(AdminErrorBody { error: shown(err) })).into_response();
        if status == StatusCode::UNAUTHORIZED {
            resp.headers_mut()
                .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            resp.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        }
        resp
    }
}

/// An error as the caller sees it: one the LTS cannot blame on the request keeps its detail (paths, SQL)
/// for the operator's log.
fn shown(err: Error) -> Error {
    if status_of(err.kind) != StatusCode::INTERNAL_SERVER_ERROR {
        return err;
    }
    tracing::error!("admin request failed: {}", err.message);
    Error::internal("the LTS could not complete the request; see its log")
}

type ApiResult<T> = Result<Json<T>, ApiError>;

/// The authenticated caller of an admin request.
struct Caller {
    name: String,
    role: Role,
    /// `METHOD /path` of the request, for the audit entry of a refusal.
    request: String,
    /// The client's address (behind a trusted proxy, the one it forwarded), for the audit log.
    client: Option<String>,
}

impl Caller {
    async fn of(parts: &Parts, state: &AppState) -> Result<Self, ApiError> {
        let unauthenticated =
            |m: &str| ApiError(Error::new(ErrorKind::Unauthenticated, m.to_string()));
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or_else(|| unauthenticated("this route needs `Authorization: Bearer TOKEN`"))?
            .to_str()
            .map_err(|_| unauthenticated("the Authorization header is not ASCII"))?;
        let token = value
            .strip_prefix("Bearer ")
            .ok_or_else(|| unauthenticated("the Authorization header must be `Bearer TOKEN`"))?;
        let now = to_unix(state.devices.clock().now());
        let (name, role) = authenticate(state.devices.store().as_ref(), token.trim(), now).await?;
        Ok(Caller {
            name,
            role,
            request: format!("{} {}", parts.method, parts.uri.path()),
            client: parts.extensions.get::<crate::server::ClientAddr>().map(|c| c.0.to_string()),
        })
    }

    /// The admin operations on behalf of this caller, if its role allows `needed`. A refused change is
    /// recorded in the audit log (refused reads are not: they change nothing).
    async fn admin(&self, state: &AppState, needed: Role) -> Result<LocalAdmin, ApiError> {
        if !self.role.allows(needed) {
            let err = Error::permission(format!(
                "token {} has the {} role; this needs {}",
                self.name, self.role, needed
            ));
            if needed > Role::Viewer {
                let row = crate::store::AuditRow {
                    at: to_unix(state.devices.clock().now()),
                    actor: self.name.clone(),
                    action: "denied".into(),
                    target: self.request.clone(),
                    result: "permission_denied".into(),
                    detail: Some(err.message.clone()),
                    client: self.client.clone(),
                };
                if let Err(e) = state.devices.store().append_audit(row).await {
                    tracing::error!(
                        "could not write the audit log entry of a refused request: {e}"
                    );
                }
            }
            return Err(ApiError(err));
        }
        Ok(LocalAdmin::for_caller(
            state.devices.store().clone(),
            state.devices.clock().clone(),
            self.name.clone(),
            self.role,
            self.client.clone(),
        ))
    }
}

/// An extractor per role: the handler's first argument says who may call it, and the request is refused
/// (401, or 403 with an audit entry for a change) before its query or body is read.
macro_rules! role {
    ($name:ident, $role:expr, $doc:literal) => {
        #[doc = $doc]
        pub struct $name(pub LocalAdmin);

        impl FromRequestParts<Arc<AppState>> for $name {
            type Rejection = ApiError;

            async fn from_request_parts(
                parts: &mut Parts,
                state: &Arc<AppState>,
            ) -> Result<Self, ApiError> {
                let caller = Caller::of(parts, state).await?;
                caller.admin(state, $role).await.map($name)
            }
        }
    };
}

role!(AsViewer, Role::Viewer, "Reads: any valid token.");
role!(AsOperator, Role::Operator, "Device housekeeping: operator or admin tokens.");
role!(AsAdmin, Role::Admin, "Changes to licenses, codes and tokens: admin tokens.");

fn secs(s: Option<u64>) -> Option<Duration> {
    s.map(Duration::from_secs)
}
