//! The admin HTTP API under `/v1/admin`: the same operations as the CLI's local target, behind bearer
//! tokens with roles. Responses are the JSON the CLI prints with `-o json`; errors carry the CLI's error
//! kind, so a remote command exits with the same code as a local one.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use zeroize::Zeroizing;

use super::AppState;
use crate::admin::ImportTarget;
use crate::admin::local::{LocalAdmin, access};
use crate::admin::prelude::*;
use crate::admin::types::*;
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

#[derive(serde::Serialize, Deserialize, ToSchema)]
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
        let mut err = self.0;
        let status = status_of(err.kind);
        if status == StatusCode::INTERNAL_SERVER_ERROR {
            tracing::error!("admin request failed: {}", err.message);
            err = Error::internal("the LTS could not complete the request; see its log");
        }
        let mut resp = (status, Json(AdminErrorBody { error: err })).into_response();
        if status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        }
        resp
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;

/// The authenticated caller of an admin request.
pub struct Caller {
    name: String,
    role: Role,
    /// `METHOD /path` of the request, for the audit entry of a refusal.
    request: String,
}

impl FromRequestParts<Arc<AppState>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
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
        let (name, role) =
            access::authenticate(state.devices.store().as_ref(), token.trim(), now).await?;
        Ok(Caller {
            name,
            role,
            request: format!("{} {}", parts.method, parts.uri.path()),
        })
    }
}

impl Caller {
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
        ))
    }
}

fn secs(s: Option<u64>) -> Option<Duration> {
    s.map(Duration::from_secs)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WindowQuery {
    /// Window for items expiring soon, in seconds.
    expiring_within_seconds: Option<u64>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ForceQuery {
    /// Go ahead even while devices hold seats.
    #[serde(default)]
    force: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct TrustRequest {
    /// SPKI PEM.
    pub public_key: String,
    pub name: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct ImportRequest {
    /// The file's name, for messages.
    pub file_name: String,
    /// The license file's text.
    pub contents: String,
    pub handshake: Option<String>,
    #[serde(default)]
    pub create: bool,
    /// A later issue of a stored license takes its place (its items keep bindings, seats, consumption).
    #[serde(default)]
    pub replace: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct CreateHandshakeRequest {
    pub code: String,
    #[serde(flatten)]
    pub settings: HandshakeSettings,
}

#[derive(Deserialize, ToSchema)]
pub struct ItemsRequest {
    pub items: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct DomainsRequest {
    pub domains: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordRequest {
    pub password: String,
}

#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    pub name: String,
    pub role: Role,
    pub expires_in_seconds: Option<u64>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only entries of the last N seconds.
    since_seconds: Option<u64>,
    actor: Option<String>,
    limit: Option<u32>,
}

/// A request the admin API refuses before running it: a body, query string or path parameter it cannot
/// read. The JSON error shape of [`ApiError`] (kind `usage`), with the HTTP status that says why: 413 for a
/// body over the limit, 415 for a body that is not `application/json`, 400 for everything else.
pub struct Rejection {
    status: StatusCode,
    error: Error,
}

impl Rejection {
    fn bad_request(message: String) -> Self {
        Rejection {
            status: StatusCode::BAD_REQUEST,
            error: Error::usage(message),
        }
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            return ApiError(Error::internal(self.error.message)).into_response();
        }
        (self.status, Json(AdminErrorBody { error: self.error })).into_response()
    }
}

impl From<ApiError> for Rejection {
    fn from(ApiError(error): ApiError) -> Self {
        Rejection {
            status: status_of(error.kind),
            error,
        }
    }
}

/// `Json` whose rejection is a [`Rejection`]: 413 too large, 415 not `application/json`, 400 not JSON or
/// JSON of the wrong shape.
pub struct Body<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequest<S> for Body<T> {
    type Rejection = Rejection;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::rejection::JsonRejection;
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(Body(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(Rejection {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                error: Error::usage(
                    "request body: send JSON with `Content-Type: application/json`",
                ),
            }),
            Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(Rejection {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                error: Error::usage(format!(
                    "request body: larger than the admin API's limit of {} MiB",
                    super::ADMIN_BODY_LIMIT / (1024 * 1024)
                ))
                .with_hint("a license file may be at most 1 MiB"),
            }),
            Err(r) => Err(Rejection::bad_request(format!(
                "request body: {}",
                r.body_text()
            ))),
        }
    }
}

/// `Query` whose rejection is a 400 [`Rejection`] naming the parameter that could not be read.
pub struct Params<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::rejection::QueryRejection;
        match Query::<T>::try_from_uri(&parts.uri) {
            Ok(Query(v)) => Ok(Params(v)),
            Err(QueryRejection::FailedToDeserializeQueryString(e)) => {
                // serde_path_to_error's text: `PARAMETER: what was wrong`.
                let detail = std::error::Error::source(&e)
                    .map(ToString::to_string)
                    .unwrap_or_else(|| e.body_text());
                Err(Rejection::bad_request(format!(
                    "invalid query parameter {detail}"
                )))
            }
            Err(r) => Err(Rejection::bad_request(format!(
                "query string: {}",
                r.body_text()
            ))),
        }
    }
}

/// `Path` whose rejection is a 400 [`Rejection`] naming the path parameter that could not be read (e.g.
/// one that is not UTF-8 once percent-decoded).
pub struct PathParam<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for PathParam<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::path::ErrorKind as PathError;
        use axum::extract::rejection::PathRejection;
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(v)) => Ok(PathParam(v)),
            Err(PathRejection::FailedToDeserializePathParams(e)) => {
                let status = e.status();
                let message = match e.into_kind() {
                    PathError::InvalidUtf8InPathParam { key } => {
                        format!("path parameter `{key}` is not valid UTF-8 once percent-decoded")
                    }
                    PathError::ParseErrorAtKey { key, value, .. } => {
                        format!("path parameter `{key}` has an invalid value `{value}`")
                    }
                    other => format!("invalid path parameter: {other}"),
                };
                Err(Rejection {
                    status,
                    error: Error::usage(message),
                })
            }
            Err(r) => Err(Rejection {
                status: r.status(),
                error: Error::usage(format!("path: {}", r.body_text())),
            }),
        }
    }
}

macro_rules! admin_route {
    ($name:ident, $method:ident, $path:literal, $role:expr, $body:ty, $resp:ty, $doc:literal,
     |$admin:ident, $input:ident| $call:expr) => {
        #[doc = $doc]
        #[utoipa::path($method, path = $path, tag = "admin", request_body = $body,
            responses((status = 200, body = $resp), (status = "4XX", body = AdminErrorBody)),
            security(("bearer" = [])))]
        pub async fn $name(
            State(state): State<Arc<AppState>>,
            caller: Caller,
            Body($input): Body<$body>,
        ) -> ApiResult<$resp> {
            let $admin = caller.admin(&state, $role).await?;
            Ok(Json($call.await?))
        }
    };
}

#[utoipa::path(get, path = "/v1/admin/whoami", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = crate::admin::types::Caller), (status = "4XX", body = AdminErrorBody)))]
pub async fn whoami(
    State(state): State<Arc<AppState>>,
    caller: Caller,
) -> ApiResult<crate::admin::types::Caller> {
    Ok(Json(
        caller.admin(&state, Role::Viewer).await?.whoami().await?,
    ))
}

#[utoipa::path(get, path = "/v1/admin/status", tag = "admin", params(WindowQuery), security(("bearer" = [])),
    responses((status = 200, body = StatusView), (status = "4XX", body = AdminErrorBody)))]
pub async fn status(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Params(q): Params<WindowQuery>,
) -> ApiResult<StatusView> {
    let admin = caller.admin(&state, Role::Viewer).await?;
    let window = secs(q.expiring_within_seconds).unwrap_or(Duration::from_secs(30 * 86400));
    let mut view = admin.status(window).await?;
    view.target = Target {
        kind: "remote".into(),
        location: "this server".into(),
    };
    Ok(Json(view))
}

#[utoipa::path(get, path = "/v1/admin/trust", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<TrustedKeyView>), (status = "4XX", body = AdminErrorBody)))]
pub async fn trust_list(
    State(state): State<Arc<AppState>>,
    caller: Caller,
) -> ApiResult<Vec<TrustedKeyView>> {
    Ok(Json(
        caller
            .admin(&state, Role::Viewer)
            .await?
            .trust_list()
            .await?,
    ))
}

admin_route!(
    trust_add,
    post,
    "/v1/admin/trust",
    Role::Admin,
    TrustRequest,
    TrustAddResult,
    "Trust an issuer key.",
    |a, r| a.trust_add(&r.public_key, r.name)
);

#[utoipa::path(delete, path = "/v1/admin/trust/{key_id}", params(("key_id" = String, Path, description = "The issuer key's id, as `trust list` shows it")), tag = "admin", security(("bearer" = [])),
    responses((status = 204), (status = "4XX", body = AdminErrorBody)))]
pub async fn trust_remove(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(key_id): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    caller
        .admin(&state, Role::Admin)
        .await?
        .trust_remove(&key_id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

admin_route!(
    license_import,
    post,
    "/v1/admin/licenses",
    Role::Admin,
    ImportRequest,
    ImportReport,
    "Verify and import one license file (optionally binding its items to a code).",
    |a, r| async move {
        let target = r.handshake.map(|code| ImportTarget {
            code,
            create: r.create,
        });
        a.license_import(
            &r.file_name,
            r.contents.as_bytes(),
            target.as_ref(),
            r.replace,
        )
        .await
    }
);

#[utoipa::path(get, path = "/v1/admin/licenses", tag = "admin", params(WindowQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<LicenseView>), (status = "4XX", body = AdminErrorBody)))]
pub async fn license_list(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Params(q): Params<WindowQuery>,
) -> ApiResult<Vec<LicenseView>> {
    let admin = caller.admin(&state, Role::Viewer).await?;
    Ok(Json(
        admin.license_list(secs(q.expiring_within_seconds)).await?,
    ))
}

#[utoipa::path(get, path = "/v1/admin/licenses/{id}", params(("id" = String, Path, description = "The license id")), tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = LicenseView), (status = "4XX", body = AdminErrorBody)))]
pub async fn license_show(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(id): PathParam<String>,
) -> ApiResult<LicenseView> {
    Ok(Json(
        caller
            .admin(&state, Role::Viewer)
            .await?
            .license_show(&id)
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RemoveQuery {
    /// Go ahead even while devices hold seats on the license's items (the seats are freed).
    #[serde(default)]
    force: bool,
    /// Say what would be dropped and change nothing.
    #[serde(default)]
    dry_run: bool,
}

#[utoipa::path(delete, path = "/v1/admin/licenses/{id}", tag = "admin", params(("id" = String, Path, description = "The license id"), RemoveQuery), security(("bearer" = [])),
    responses((status = 200, body = LicenseRemovalView), (status = "4XX", body = AdminErrorBody)))]
pub async fn license_remove(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(id): PathParam<String>,
    Params(q): Params<RemoveQuery>,
) -> ApiResult<LicenseRemovalView> {
    Ok(Json(
        caller
            .admin(&state, Role::Admin)
            .await?
            .license_remove(&id, q.force, q.dry_run)
            .await?,
    ))
}

#[utoipa::path(get, path = "/v1/admin/handshakes", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<HandshakeView>), (status = "4XX", body = AdminErrorBody)))]
pub async fn handshake_list(
    State(state): State<Arc<AppState>>,
    caller: Caller,
) -> ApiResult<Vec<HandshakeView>> {
    Ok(Json(
        caller
            .admin(&state, Role::Viewer)
            .await?
            .handshake_list()
            .await?,
    ))
}

admin_route!(
    handshake_create,
    post,
    "/v1/admin/handshakes",
    Role::Admin,
    CreateHandshakeRequest,
    HandshakeView,
    "Create a handshake code.",
    |a, r| a.handshake_create(&r.code, r.settings)
);

#[utoipa::path(get, path = "/v1/admin/handshakes/{code}", params(("code" = String, Path, description = "The handshake code")), tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = HandshakeView), (status = "4XX", body = AdminErrorBody)))]
pub async fn handshake_show(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(code): PathParam<String>,
) -> ApiResult<HandshakeView> {
    Ok(Json(
        caller
            .admin(&state, Role::Viewer)
            .await?
            .handshake_show(&code)
            .await?,
    ))
}

/// Routes that take a code from the path and a JSON body.
macro_rules! code_route {
    ($name:ident, $method:ident, $path:literal, $role:expr, $body:ty, $resp:ty, $doc:literal,
     |$admin:ident, $code:ident, $input:ident| $call:expr) => {
        #[doc = $doc]
        #[utoipa::path($method, path = $path, tag = "admin", request_body = $body,
            params(("code" = String, Path, description = "The handshake code")),
            responses((status = 200, body = $resp), (status = "4XX", body = AdminErrorBody)),
            security(("bearer" = [])))]
        pub async fn $name(
            State(state): State<Arc<AppState>>,
            caller: Caller,
            PathParam($code): PathParam<String>,
            Body($input): Body<$body>,
        ) -> ApiResult<$resp> {
            let $admin = caller.admin(&state, $role).await?;
            Ok(Json($call.await?))
        }
    };
}

code_route!(
    handshake_set,
    patch,
    "/v1/admin/handshakes/{code}",
    Role::Admin,
    HandshakeChanges,
    HandshakeView,
    "Change a code's settings.",
    |a, code, r| a.handshake_set(&code, r)
);
code_route!(
    handshake_bind,
    post,
    "/v1/admin/handshakes/{code}/bind",
    Role::Admin,
    ItemsRequest,
    HandshakeView,
    "Bind items.",
    |a, code, r| a.handshake_bind(&code, &r.items)
);
code_route!(
    handshake_unbind,
    post,
    "/v1/admin/handshakes/{code}/unbind",
    Role::Admin,
    ItemsRequest,
    HandshakeView,
    "Unbind items.",
    |a, code, r| a.handshake_unbind(&code, &r.items)
);
code_route!(
    handshake_order,
    put,
    "/v1/admin/handshakes/{code}/order",
    Role::Admin,
    ItemsRequest,
    HandshakeView,
    "Set the consumption order.",
    |a, code, r| a.handshake_order(&code, &r.items)
);
#[utoipa::path(delete, path = "/v1/admin/handshakes/{code}/order", params(("code" = String, Path, description = "The handshake code")), tag = "admin", security(("bearer" = [])),
    responses((status = 200, description = "The code, its items soonest expiry first again", body = HandshakeView), (status = "4XX", body = AdminErrorBody)))]
/// Drop the hand-set consumption order: soonest expiry first again.
pub async fn handshake_order_by_expiry(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(code): PathParam<String>,
) -> ApiResult<HandshakeView> {
    Ok(Json(
        caller
            .admin(&state, Role::Admin)
            .await?
            .handshake_order_by_expiry(&code)
            .await?,
    ))
}

code_route!(
    domains_add,
    post,
    "/v1/admin/handshakes/{code}/domains",
    Role::Admin,
    DomainsRequest,
    Vec<String>,
    "Add domain bindings.",
    |a, code, r| a.handshake_domains_add(&code, &r.domains)
);
code_route!(
    domains_remove,
    post,
    "/v1/admin/handshakes/{code}/domains/remove",
    Role::Admin,
    DomainsRequest,
    Vec<String>,
    "Remove domain bindings.",
    |a, code, r| a.handshake_domains_remove(&code, &r.domains)
);

#[utoipa::path(get, path = "/v1/admin/handshakes/{code}/domains", params(("code" = String, Path, description = "The handshake code")), tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<String>), (status = "4XX", body = AdminErrorBody)))]
pub async fn domains_list(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(code): PathParam<String>,
) -> ApiResult<Vec<String>> {
    Ok(Json(
        caller
            .admin(&state, Role::Viewer)
            .await?
            .handshake_domains_list(&code)
            .await?,
    ))
}

#[utoipa::path(put, path = "/v1/admin/handshakes/{code}/password", params(("code" = String, Path, description = "The handshake code")), tag = "admin", request_body = PasswordRequest,
    security(("bearer" = [])), responses((status = 204), (status = "4XX", body = AdminErrorBody)))]
pub async fn password_set(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(code): PathParam<String>,
    Body(r): Body<PasswordRequest>,
) -> Result<StatusCode, ApiError> {
    let admin = caller.admin(&state, Role::Admin).await?;
    admin
        .handshake_password_set(&code, Zeroizing::new(r.password))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/v1/admin/handshakes/{code}/password", params(("code" = String, Path, description = "The handshake code")), tag = "admin", security(("bearer" = [])),
    responses((status = 204), (status = "4XX", body = AdminErrorBody)))]
pub async fn password_clear(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(code): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    caller
        .admin(&state, Role::Admin)
        .await?
        .handshake_password_clear(&code)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/v1/admin/handshakes/{code}", tag = "admin", params(("code" = String, Path, description = "The handshake code"), ForceQuery), security(("bearer" = [])),
    responses((status = 204), (status = "4XX", body = AdminErrorBody)))]
pub async fn handshake_delete(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(code): PathParam<String>,
    Params(q): Params<ForceQuery>,
) -> Result<StatusCode, ApiError> {
    caller
        .admin(&state, Role::Admin)
        .await?
        .handshake_delete(&code, q.force)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/v1/admin/sweep", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = SweepView), (status = "4XX", body = AdminErrorBody)))]
pub async fn sweep(State(state): State<Arc<AppState>>, caller: Caller) -> ApiResult<SweepView> {
    Ok(Json(
        caller.admin(&state, Role::Operator).await?.sweep().await?,
    ))
}

#[utoipa::path(get, path = "/v1/admin/tokens", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<TokenView>), (status = "4XX", body = AdminErrorBody)))]
pub async fn token_list(
    State(state): State<Arc<AppState>>,
    caller: Caller,
) -> ApiResult<Vec<TokenView>> {
    Ok(Json(
        caller
            .admin(&state, Role::Admin)
            .await?
            .token_list()
            .await?,
    ))
}

admin_route!(
    token_create,
    post,
    "/v1/admin/tokens",
    Role::Admin,
    TokenRequest,
    TokenCreated,
    "Create a token; the secret is in the response, once.",
    |a, r| a.token_create(&r.name, r.role, secs(r.expires_in_seconds))
);

#[utoipa::path(delete, path = "/v1/admin/tokens/{name}", params(("name" = String, Path, description = "The token's name")), tag = "admin", security(("bearer" = [])),
    responses((status = 204), (status = "4XX", body = AdminErrorBody)))]
pub async fn token_revoke(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(name): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    caller
        .admin(&state, Role::Admin)
        .await?
        .token_revoke(&name)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/v1/admin/audit", tag = "admin", params(AuditQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<AuditEntry>), (status = "4XX", body = AdminErrorBody)))]
pub async fn audit_list(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Params(q): Params<AuditQuery>,
) -> ApiResult<Vec<AuditEntry>> {
    let admin = caller.admin(&state, Role::Viewer).await?;
    Ok(Json(
        admin
            .audit_list(secs(q.since_seconds), q.actor, q.limit.unwrap_or(1000))
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Devices per page (at most 5000).
    limit: Option<u32>,
}

#[utoipa::path(get, path = "/v1/admin/devices", tag = "admin", params(DeviceQuery, PageQuery),
    security(("bearer" = [])), responses((status = 200, body = DevicePage), (status = "4XX", body = AdminErrorBody)))]
pub async fn devices_list(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Params(q): Params<DeviceQuery>,
    Params(page): Params<PageQuery>,
) -> ApiResult<RawDevicePage> {
    let admin = caller.admin(&state, Role::Viewer).await?;
    // Rows pass through as the store's JSON text: the same document as `DevicePage`.
    Ok(Json(
        admin
            .devices_list_raw(&q, page.cursor.as_deref(), page.limit.unwrap_or(1000))
            .await?,
    ))
}

#[derive(serde::Serialize, Deserialize, ToSchema)]
pub struct CountView {
    pub count: u64,
}

#[utoipa::path(get, path = "/v1/admin/devices/count", tag = "admin", params(DeviceQuery),
    security(("bearer" = [])), responses((status = 200, body = CountView), (status = "4XX", body = AdminErrorBody)))]
pub async fn devices_count(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Params(q): Params<DeviceQuery>,
) -> ApiResult<CountView> {
    Ok(Json(CountView {
        count: caller
            .admin(&state, Role::Viewer)
            .await?
            .devices_count(&q)
            .await?,
    }))
}

#[utoipa::path(get, path = "/v1/admin/devices/{uuid}", params(("uuid" = String, Path, description = "The device's id")), tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = DeviceDetail), (status = "4XX", body = AdminErrorBody)))]
pub async fn device_show(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParam(uuid): PathParam<String>,
) -> ApiResult<DeviceDetail> {
    Ok(Json(
        caller
            .admin(&state, Role::Viewer)
            .await?
            .device_show(&uuid)
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct UnregisterRequest {
    pub uuids: Vec<String>,
    pub handshake: Option<String>,
}

admin_route!(
    devices_unregister,
    post,
    "/v1/admin/devices/unregister",
    Role::Operator,
    UnregisterRequest,
    UnregisterReport,
    "Free the seats of these devices.",
    |a, r| async move { a.devices_unregister(&r.uuids, r.handshake.as_deref()).await }
);

#[derive(Deserialize, ToSchema)]
pub struct UnregisterMatchingRequest {
    pub query: DeviceQuery,
    /// Devices per transaction.
    pub batch: u32,
}

#[derive(serde::Serialize, Deserialize, ToSchema)]
pub struct RemovedView {
    pub removed: u64,
}

admin_route!(
    devices_unregister_matching,
    post,
    "/v1/admin/devices/unregister-matching",
    Role::Operator,
    UnregisterMatchingRequest,
    RemovedView,
    "Free the seats of up to `batch` matching devices, in one transaction.",
    |a, r| async move {
        a.devices_unregister_matching(&r.query, r.batch)
            .await
            .map(|removed| RemovedView { removed })
    }
);

#[utoipa::path(get, path = "/v1/admin/usage", tag = "admin", params(UsageQuery),
    security(("bearer" = [])), responses((status = 200, body = UsageView), (status = "4XX", body = AdminErrorBody)))]
pub async fn usage(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Params(q): Params<UsageQuery>,
) -> ApiResult<UsageView> {
    Ok(Json(
        caller.admin(&state, Role::Viewer).await?.usage(&q).await?,
    ))
}

pub fn routes() -> axum::Router<Arc<AppState>> {
    use axum::routing::{get, post, put};
    axum::Router::new()
        .route("/v1/admin/whoami", get(whoami))
        .route("/v1/admin/status", get(status))
        .route("/v1/admin/trust", get(trust_list).post(trust_add))
        .route(
            "/v1/admin/trust/{key_id}",
            axum::routing::delete(trust_remove),
        )
        .route("/v1/admin/licenses", get(license_list).post(license_import))
        .route(
            "/v1/admin/licenses/{id}",
            get(license_show).delete(license_remove),
        )
        .route(
            "/v1/admin/handshakes",
            get(handshake_list).post(handshake_create),
        )
        .route(
            "/v1/admin/handshakes/{code}",
            get(handshake_show)
                .patch(handshake_set)
                .delete(handshake_delete),
        )
        .route("/v1/admin/handshakes/{code}/bind", post(handshake_bind))
        .route("/v1/admin/handshakes/{code}/unbind", post(handshake_unbind))
        .route(
            "/v1/admin/handshakes/{code}/order",
            put(handshake_order).delete(handshake_order_by_expiry),
        )
        .route(
            "/v1/admin/handshakes/{code}/domains",
            get(domains_list).post(domains_add),
        )
        .route(
            "/v1/admin/handshakes/{code}/domains/remove",
            post(domains_remove),
        )
        .route(
            "/v1/admin/handshakes/{code}/password",
            put(password_set).delete(password_clear),
        )
        .route("/v1/admin/sweep", post(sweep))
        .route("/v1/admin/tokens", get(token_list).post(token_create))
        .route(
            "/v1/admin/tokens/{name}",
            axum::routing::delete(token_revoke),
        )
        .route("/v1/admin/audit", get(audit_list))
        .route("/v1/admin/devices", get(devices_list))
        .route("/v1/admin/devices/count", get(devices_count))
        .route("/v1/admin/devices/unregister", post(devices_unregister))
        .route(
            "/v1/admin/devices/unregister-matching",
            post(devices_unregister_matching),
        )
        .route("/v1/admin/devices/{uuid}", get(device_show))
        .route("/v1/admin/usage", get(usage))
}
