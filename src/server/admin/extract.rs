//! Extractors whose rejections are admin API errors: the JSON error shape (kind `usage`) naming what could
//! not be read, instead of axum's plain-text rejections.

use axum::Json;
use axum::extract::{FromRequestParts, Path, Query};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use super::{AdminErrorBody, ApiError, status_of};
use crate::error::Error;

/// A request the admin API refuses before running it: a body, query string or path parameter it cannot
/// read. The JSON error shape of [`ApiError`] (kind `usage`), with the HTTP status that says why: 413 for a
/// body over the limit, 415 for a body that is not `application/json`, 400 for everything else.
pub struct Rejection {
    status: StatusCode,
    error: Error,
}

impl Rejection {
    fn bad_request(message: String) -> Self {
        Rejection { status: StatusCode::BAD_REQUEST, error: Error::usage(message) }
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
        Rejection { status: status_of(error.kind), error }
    }
}

/// `Json` whose rejection is a `Rejection`: 413 too large, 415 not `application/json`, 400 not JSON or
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
                    crate::server::ADMIN_BODY_LIMIT / (1024 * 1024)
                ))
                .with_hint("a license file may be at most 1 MiB"),
            }),
            Err(r) => Err(Rejection::bad_request(format!("request body: {}", r.body_text()))),
        }
    }
}

/// `Query` whose rejection is a 400 `Rejection` naming the parameter that could not be read.
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
                Err(Rejection::bad_request(format!("invalid query parameter {detail}")))
            }
            Err(r) => Err(Rejection::bad_request(format!("query string: {}", r.body_text()))),
        }
    }
}

/// `Path` whose rejection is a 400 `Rejection` naming the path parameter that could not be read (e.g.
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
                Err(Rejection { status, error: Error::usage(message) })
            }
            Err(r) => Err(Rejection {
                status: r.status(),
                error: Error::usage(format!("path: {}", r.body_text())),
            }),
        }
    }
}
