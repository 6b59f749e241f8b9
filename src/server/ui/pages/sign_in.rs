//! Signing in and out. The token travels only in the POST body of the sign-in form; it is never put back
//! into a page (a refused token gets an empty field and the reason), a URL or the log.

use std::sync::Arc;

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;
use zeroize::Zeroizing;

use super::{PageError, bare, error_page};
use crate::error::Error;
use crate::server::AppState;
use crate::server::ui::session::{self, MaybeSignedIn, SignedIn};

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    token: Zeroizing<String>,
}

#[derive(Deserialize)]
pub struct SignOutForm {
    #[serde(default)]
    form_token: String,
}

fn form_page(error: Option<&str>) -> Html<String> {
    let page = bare(
        "Sign in",
        html! {
            main.signin {
                h1 { "ltsctl dashboard" }
                p { "Sign in with an admin API token (" code { "ltsctl token create" } "); any role can read." }
                @if let Some(error) = error { p.error role="alert" { (error) } }
                form method="post" action="/ui/sign-in" {
                    label for="token" { "Token" }
                    input #token type="password" name="token" autocomplete="off" required
                        spellcheck="false" autocapitalize="off";
                    button type="submit" { "Sign in" }
                }
            }
        },
    );
    Html(page.into_string())
}

/// `GET /ui/sign-in`: the form, or on to the overview when already signed in.
pub async fn form(MaybeSignedIn(who): MaybeSignedIn) -> Response {
    if who.is_some() {
        return Redirect::to("/ui").into_response();
    }
    form_page(None).into_response()
}

/// `POST /ui/sign-in`: a session for an accepted token (cookie, then the overview), else the form again
/// with why (401).
pub async fn submit(
    State(state): State<Arc<AppState>>,
    MaybeSignedIn(previous): MaybeSignedIn,
    headers: HeaderMap,
    uri: axum::http::Uri,
    extensions: axum::http::Extensions,
    Form(f): Form<SignInForm>,
) -> Response {
    if let Err(e) = session::same_origin(&headers, &uri) {
        return error_page(e);
    }
    let client = extensions.get::<crate::server::ClientAddr>().map(|c| c.0.to_string());
    let secure = session::over_https(&state, &headers, &extensions);
    match session::sign_in(&state, f.token.trim(), client).await {
        Ok(id) => {
            // A stale tab's form, sent while signed in: the new session replaces the old one.
            if let Some(previous) = &previous
                && let Err(e) = session::replaced(&state, previous).await
            {
                return error_page(e);
            }
            (
                StatusCode::SEE_OTHER,
                [
                    (header::SET_COOKIE, session::set_cookie(Some(&id), secure)),
                    (header::LOCATION, "/ui".parse().expect("a header value")),
                ],
            )
                .into_response()
        }
        Err(e) if e.kind == crate::error::ErrorKind::Unauthenticated => {
            let why = format!("That token was not accepted: {}.", e.message);
            (StatusCode::UNAUTHORIZED, form_page(Some(&why))).into_response()
        }
        Err(e) => error_page(e),
    }
}

/// `POST /ui/sign-out`: ends the session (its form token must match) and clears the cookie.
pub async fn sign_out(
    State(state): State<Arc<AppState>>,
    who: SignedIn,
    headers: HeaderMap,
    uri: axum::http::Uri,
    extensions: axum::http::Extensions,
    Form(f): Form<SignOutForm>,
) -> Result<Response, PageError> {
    session::same_origin(&headers, &uri)?;
    who.check_form_token(&f.form_token)?;
    let client = extensions.get::<crate::server::ClientAddr>().map(|c| c.0.to_string());
    let secure = session::over_https(&state, &headers, &extensions);
    session::sign_out(&state, &who, client).await?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (header::SET_COOKIE, session::set_cookie(None, secure)),
            (header::LOCATION, session::SIGN_IN.parse().expect("a header value")),
        ],
    )
        .into_response())
}

impl From<crate::store::StoreError> for PageError {
    fn from(e: crate::store::StoreError) -> Self {
        PageError(Error::from(e))
    }
}
