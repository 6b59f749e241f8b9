//! Dashboard sessions: signing in with an admin API token opens a server-side session whose random id is
//! the only thing the browser keeps (an `HttpOnly; SameSite=Strict` cookie, `Secure` under TLS). The store
//! keeps the id's SHA-256, never the id or the token; every request looks the session up with its token's
//! row, so a revoked or expired token ends its sessions at once. Forms that change something (sign-out)
//! carry a per-session form token derived from the session id, and every POST must come from this origin.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::admin::local::LocalAdmin;
use crate::auth::Role;
use crate::clock::to_unix;
use crate::error::{Error, ErrorKind, Result};
use crate::server::AppState;
use crate::store::{AuditRow, Store, UiSessionRow};

/// The cookie's name.
pub const COOKIE: &str = "ltsctl_ui";
/// How long a session lasts after sign-in (a token that expires sooner ends it sooner).
pub const LIFETIME: Duration = Duration::from_secs(8 * 3600);
/// Random bytes in a session id: 256 bits, base64url in the cookie.
const ID_BYTES: usize = 32;

/// A signed-in browser: the admin operations on behalf of its token, and what its pages show.
pub struct SignedIn {
    pub admin: LocalAdmin,
    /// For the store reads no admin operation gives (the last sweep).
    pub store: Arc<dyn Store>,
    pub name: String,
    pub role: Role,
    /// The server clock's time of the request (the period pages count back from).
    pub now: chrono::DateTime<chrono::Utc>,
    /// The hidden field forms send back ([`SignedIn::check_form_token`]).
    pub form_token: String,
    id_hash: [u8; 32],
}

/// Where a request without a live session goes.
pub const SIGN_IN: &str = "/ui/sign-in";

fn hash_id(id: &str) -> [u8; 32] {
    Sha256::digest(id.as_bytes()).into()
}

/// The form token of a session: a hash of its id under a label of its own, so the page holds a value
/// that cannot be turned back into the cookie.
fn form_token_of(id: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"ltsctl-ui-form-token\0");
    h.update(id.as_bytes());
    hex::encode(&h.finalize()[..16])
}

/// The session id in the request's `Cookie` header, if it has the shape of one.
fn cookie_id(headers: &HeaderMap) -> Option<String> {
    // Unpadded base64 of ID_BYTES bytes.
    let want = (ID_BYTES * 4).div_ceil(3);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_string())
        .filter(|v| {
            v.len() == want
                && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// The `Set-Cookie` value for a session id (`None`: the one that clears it).
pub fn set_cookie(id: Option<&str>, https: bool) -> HeaderValue {
    let secure = if https { "; Secure" } else { "" };
    let text = match id {
        Some(id) => format!(
            "{COOKIE}={id}; Path=/ui; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
            LIFETIME.as_secs()
        ),
        None => format!("{COOKIE}=; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&text).expect("a cookie of base64url text is a header value")
}

/// Whether the browser reached this server over HTTPS, so the cookie must be `Secure`: the listener
/// serves TLS, or a trusted proxy (`--trusted-proxy`) that terminated TLS says so in `X-Forwarded-Proto:
/// https` or `Forwarded: proto=https`. The header of any other peer is ignored (a client could write it).
pub fn over_https(state: &AppState, headers: &HeaderMap, ext: &axum::http::Extensions) -> bool {
    if state.https {
        return true;
    }
    let Some(peer) = ext
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_canonical())
    else {
        return false;
    };
    let live = state.live.load();
    let trusted = &live.settings.trusted_proxies;
    if trusted.is_empty() || !trusted.contains(peer) {
        return false;
    }
    let says_https = |name: &str, is_https: fn(&str) -> bool| {
        headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).any(is_https)
    };
    says_https("x-forwarded-proto", |v| v.split(',').next_back().map(str::trim) == Some("https"))
        || says_https("forwarded", |v| {
            v.split([',', ';'])
                .filter_map(|p| p.trim().split_once('='))
                .any(|(k, v)| k.eq_ignore_ascii_case("proto") && v.trim_matches('"') == "https")
        })
}

/// The client address the access log uses, for the audit log.
pub fn client_of(parts: &Parts) -> Option<String> {
    parts.extensions.get::<crate::server::ClientAddr>().map(|c| c.0.to_string())
}

/// Signs in with a presented admin API token: the new session's id (for the cookie), or why the token
/// was refused (the admin API's messages: unknown, malformed, revoked, expired). Records the sign-in in
/// the audit log under the token's name.
pub async fn sign_in(state: &AppState, presented: &str, client: Option<String>) -> Result<String> {
    let store = state.devices.store();
    let now = to_unix(state.devices.clock().now());
    let (name, _role) =
        crate::admin::local::access::authenticate(store.as_ref(), presented, now).await?;
    let (token_id, _) = crate::auth::parse(presented)
        .ok_or_else(|| Error::internal("an accepted token no longer parses"))?;
    let mut raw = [0u8; ID_BYTES];
    getrandom::fill(&mut raw).map_err(|e| Error::internal(format!("random source: {e}")))?;
    let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
    store
        .create_ui_session(
            UiSessionRow {
                id_hash: hash_id(&id).to_vec(),
                token_id,
                created_at: now,
                expires_at: now + LIFETIME.as_secs() as i64,
            },
            now,
        )
        .await?;
    audit(state, &name, "ui.sign-in", client).await;
    Ok(id)
}

/// Ends a session this browser is replacing by signing in again (not a sign-out: nothing is recorded),
/// so a browser holds one session and the one its cookie no longer names does not live on in the store.
pub async fn replaced(state: &AppState, old: &SignedIn) -> Result<()> {
    state.devices.store().delete_ui_session(&old.id_hash).await?;
    Ok(())
}

/// Ends the session (sign-out) and records it.
pub async fn sign_out(state: &AppState, who: &SignedIn, client: Option<String>) -> Result<()> {
    state.devices.store().delete_ui_session(&who.id_hash).await?;
    audit(state, &who.name, "ui.sign-out", client).await;
    Ok(())
}

async fn audit(state: &AppState, actor: &str, action: &str, client: Option<String>) {
    let row = AuditRow {
        at: to_unix(state.devices.clock().now()),
        actor: actor.to_string(),
        action: action.to_string(),
        target: "/ui".into(),
        result: "ok".into(),
        detail: None,
        client,
    };
    if let Err(e) = state.devices.store().append_audit(row).await {
        tracing::error!("could not write the audit log entry of {action}: {e}");
    }
}

/// The live session of a request, if any: its cookie names a stored session that has not expired and
/// whose token is neither revoked nor expired. A session found ended is deleted.
async fn find(parts: &Parts, state: &AppState) -> Result<Option<SignedIn>> {
    let Some(id) = cookie_id(&parts.headers) else {
        return Ok(None);
    };
    let id_hash = hash_id(&id);
    let store = state.devices.store();
    let Some(found) = store.find_ui_session(&id_hash).await? else {
        return Ok(None);
    };
    let at = state.devices.clock().now();
    let now = to_unix(at);
    let ended = found.expires_at <= now
        || found.token_revoked_at.is_some()
        || found.token_expires_at.is_some_and(|e| e <= now);
    if ended {
        store.delete_ui_session(&id_hash).await?;
        return Ok(None);
    }
    let role: Role = found.role.parse().map_err(Error::internal)?;
    // A page view is a use of the token, as an admin API request is (written at most once a minute).
    if let Err(e) = store.touch_token(&found.token_id, now).await {
        tracing::warn!("could not record the use of token {}: {e}", found.token_name);
    }
    Ok(Some(SignedIn {
        admin: LocalAdmin::for_caller(
            store.clone(),
            state.devices.clock().clone(),
            found.token_name.clone(),
            role,
            client_of(parts),
        ),
        store: store.clone(),
        name: found.token_name,
        role,
        now: at,
        form_token: form_token_of(&id),
        id_hash,
    }))
}

/// A page's refusal before it runs: no session (to the sign-in form), a role too low, or a store error.
pub enum Refusal {
    SignIn,
    Error(Error),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::SignIn => Redirect::to(SIGN_IN).into_response(),
            Refusal::Error(e) => super::pages::error_page(e),
        }
    }
}

impl SignedIn {
    /// Whether the session's role allows `needed`, as the admin API decides it ([`Role::allows`]).
    pub fn require(&self, needed: Role) -> Result<()> {
        if self.role.allows(needed) {
            return Ok(());
        }
        Err(Error::permission(format!(
            "token {} has the {} role; this page needs {}",
            self.name, self.role, needed
        )))
    }

    /// Whether a form's token is this session's (constant time).
    pub fn check_form_token(&self, sent: &str) -> Result<()> {
        if bool::from(sent.as_bytes().ct_eq(self.form_token.as_bytes())) {
            return Ok(());
        }
        Err(Error::new(
            ErrorKind::PermissionDenied,
            "the form is not from this session (reload the page and send it again)".to_string(),
        ))
    }
}

/// Every dashboard page reads: viewer (any token) is the role each needs, checked as the admin API does.
impl FromRequestParts<Arc<AppState>> for SignedIn {
    type Rejection = Refusal;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> std::result::Result<Self, Refusal> {
        let who = find(parts, state).await.map_err(Refusal::Error)?.ok_or(Refusal::SignIn)?;
        who.require(Role::Viewer).map_err(Refusal::Error)?;
        Ok(who)
    }
}

/// An optional session, for the sign-in form (which sends a signed-in browser on to the overview).
pub struct MaybeSignedIn(pub Option<SignedIn>);

impl FromRequestParts<Arc<AppState>> for MaybeSignedIn {
    type Rejection = Refusal;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> std::result::Result<Self, Refusal> {
        Ok(MaybeSignedIn(find(parts, state).await.map_err(Refusal::Error)?))
    }
}

/// The POST guard: a form must come from a page of this server. Browsers send `Origin` with every POST
/// (and `Sec-Fetch-Site`); one naming another host is refused, as is a cross-site fetch without it. The
/// scheme is not compared: behind a TLS-terminating proxy the browser's `https://` origin reaches a plain
/// listener, and the same host under another scheme is the same site to the cookie anyway.
pub fn same_origin(headers: &HeaderMap, uri: &axum::http::Uri) -> Result<()> {
    let refused = |why: &str| {
        Error::new(
            ErrorKind::PermissionDenied,
            format!("refused a form sent from another site ({why})"),
        )
        .with_hint("open the dashboard at this server's address and send the form from there")
    };
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return Err(refused(&format!("Sec-Fetch-Site: {site}")));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    // HTTP/1.1 names the host in `Host`, HTTP/2 in the `:authority` the URI carries.
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| uri.authority().map(|a| a.as_str()))
        .ok_or_else(|| refused("the request names no host"))?;
    let authority = origin.to_str().ok().and_then(|o| o.split_once("://")).map(|(_, rest)| rest);
    if authority.is_some_and(|a| a.eq_ignore_ascii_case(host)) {
        Ok(())
    } else {
        Err(refused("its Origin is not this server"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_found_among_others_and_must_look_like_an_id() {
        let id = "A".repeat(43);
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("a=b; {COOKIE}={id}; c=d")).unwrap(),
        );
        assert_eq!(cookie_id(&h).as_deref(), Some(id.as_str()));
        for bad in ["short", &format!("{id}A"), &format!("{}!", "A".repeat(42))] {
            let mut h = HeaderMap::new();
            h.insert(header::COOKIE, HeaderValue::from_str(&format!("{COOKIE}={bad}")).unwrap());
            assert_eq!(cookie_id(&h), None, "{bad}");
        }
    }

    #[test]
    fn cookie_flags_and_secure_only_under_tls() {
        let plain = set_cookie(Some("x"), false);
        let plain = plain.to_str().unwrap();
        assert!(plain.contains("HttpOnly") && plain.contains("SameSite=Strict"));
        assert!(!plain.contains("Secure"));
        assert!(set_cookie(Some("x"), true).to_str().unwrap().ends_with("; Secure"));
        assert!(set_cookie(None, false).to_str().unwrap().contains("Max-Age=0"));
    }

    #[test]
    fn the_form_token_differs_per_session_and_is_not_the_id() {
        let a = form_token_of("session-a");
        assert_ne!(a, form_token_of("session-b"));
        assert!(!a.contains("session-a"));
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn posts_from_another_origin_are_refused() {
        let with = |pairs: &[(&str, &str)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(
                    axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                    HeaderValue::from_str(v).unwrap(),
                );
            }
            h
        };
        let host = ("host", "lts.example:8443");
        let uri = axum::http::Uri::from_static("/ui/sign-in");
        let same_origin = |h: &HeaderMap| same_origin(h, &uri);
        let h2 = axum::http::Uri::from_static("https://lts.example:8443/ui/sign-in");
        let origin = with(&[("origin", "https://lts.example:8443")]);
        assert!(super::same_origin(&origin, &h2).is_ok(), "HTTP/2: the authority");
        assert!(same_origin(&origin).is_err(), "no host at all");
        assert!(same_origin(&with(&[host, ("origin", "https://lts.example:8443")])).is_ok());
        assert!(same_origin(&with(&[host, ("origin", "https://lts.example")])).is_err());
        assert!(same_origin(&with(&[host, ("origin", "https://evil.example")])).is_err());
        assert!(same_origin(&with(&[host, ("origin", "null")])).is_err());
        assert!(same_origin(&with(&[host, ("sec-fetch-site", "cross-site")])).is_err());
        assert!(same_origin(&with(&[host, ("sec-fetch-site", "same-origin")])).is_ok());
        assert!(same_origin(&with(&[host])).is_ok());
    }
}
