//! The remote admin target: the same [`Admin`] operations over the server's admin HTTP API (reqwest, async,
//! rustls). Server errors carry the CLI's error kinds, so exit codes match the local target's.

use std::path::Path;
use std::time::Duration;

use async_trait::async_trait;
use reqwest::{Method, RequestBuilder, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;
use zeroize::Zeroizing;

use super::types::*;
use super::{Admin, ImportTarget};
use crate::auth::Role;
use crate::error::{Error, ErrorKind, Result};

pub struct RemoteAdmin {
    base: Url,
    client: reqwest::Client,
    token: Option<Zeroizing<String>>,
    /// The `--ca-cert` file, for messages about the server's certificate.
    ca_cert: Option<std::path::PathBuf>,
}

impl std::fmt::Debug for RemoteAdmin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("RemoteAdmin")
            .field("base", &self.base.as_str())
            .finish_non_exhaustive()
    }
}

impl RemoteAdmin {
    /// `GET /v1/admin/devices` for one page (decoded typed or raw by the caller).
    fn devices_page(
        &self,
        query: &DeviceQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> reqwest::RequestBuilder {
        let req = self
            .request(Method::GET, &["devices"])
            .query(query)
            .query(&[("limit", limit)]);
        match cursor {
            Some(c) => req.query(&[("cursor", c)]),
            None => req,
        }
    }

    pub fn new(
        server: &str,
        token: Option<Zeroizing<String>>,
        ca_cert: Option<&Path>,
    ) -> Result<Self> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let base = parse_server_url(server)?;
        let mut builder = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(120))
            .user_agent(concat!("ltsctl/", env!("CARGO_PKG_VERSION")));
        if let Some(path) = ca_cert {
            // The file's certificates as CAs, or the server's own certificate pinned (see `tls`).
            builder = builder.tls_backend_preconfigured(super::tls::client_config(path)?);
        }
        let client = builder
            .build()
            .map_err(|e| Error::internal(format!("cannot set up the HTTP client: {e}")))?;
        Ok(RemoteAdmin {
            base,
            client,
            token,
            ca_cert: ca_cert.map(Path::to_path_buf),
        })
    }

    fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty();
            path.extend(["v1", "admin"]);
            path.extend(segments);
        }
        url
    }

    fn request(&self, method: Method, segments: &[&str]) -> RequestBuilder {
        let req = self.client.request(method, self.url(segments));
        match &self.token {
            Some(t) => req.bearer_auth(t.as_str()),
            None => req,
        }
    }

    async fn send(&self, req: RequestBuilder) -> Result<reqwest::Response> {
        let resp = req.send().await.map_err(|e| self.transport_error(e))?;
        if resp.status().is_success() {
            return Ok(resp);
        }
        let status = resp.status();
        let body = resp.text().await.unwrap_or_default();
        Err(server_error(status, &body, self.base.as_str()))
    }

    async fn json<T: DeserializeOwned>(&self, req: RequestBuilder) -> Result<T> {
        let resp = self.send(req).await?;
        resp.json::<T>().await.map_err(|e| {
            Error::new(
                ErrorKind::Unreachable,
                format!("the server at {} sent an unexpected answer: {e}", self.base),
            )
            .with_hint("is this an ltsctl server of the same version?")
        })
    }

    async fn get<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        query: &[(&str, String)],
    ) -> Result<T> {
        let mut req = self.request(Method::GET, segments);
        if !query.is_empty() {
            req = req.query(query);
        }
        self.json(req).await
    }

    async fn with_body<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        segments: &[&str],
        body: &B,
    ) -> Result<T> {
        self.json(self.request(method, segments).json(body)).await
    }

    async fn delete(&self, segments: &[&str], force: bool) -> Result<()> {
        let mut req = self.request(Method::DELETE, segments);
        if force {
            req = req.query(&[("force", "true")]);
        }
        self.send(req).await.map(|_| ())
    }

    /// Connection, DNS and TLS failures: the server's URL and what to check.
    fn transport_error(&self, e: reqwest::Error) -> Error {
        let mut causes = Vec::new();
        let mut source: Option<&dyn std::error::Error> = Some(&e);
        while let Some(s) = source {
            causes.push(s.to_string());
            source = s.source();
        }
        let detail = causes.join(": ");
        let lower = detail.to_lowercase();
        let host = self.base.host_str().unwrap_or_default();
        let tls = super::tls::find_tls_error(&e)
            .and_then(|t| super::tls::explain(t, host, self.ca_cert.as_deref()));
        if let Some((what, hint)) = tls {
            return Error::new(
                ErrorKind::Unreachable,
                format!("cannot reach the LTS at {}: {what}", self.base),
            )
            .with_hint(hint);
        }
        let mut err = Error::new(
            ErrorKind::Unreachable,
            format!("cannot reach the LTS at {}: {detail}", self.base),
        );
        if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
            err = err.with_hint(
                "the server's TLS certificate was not accepted: pass --ca-cert PEM for a private CA, and check \
                 that the URL's host name is one the certificate names",
            );
        } else if e.is_timeout() {
            err = err.with_hint(
                "the server did not answer in time; is it overloaded or behind a firewall?",
            );
        } else {
            err = err.with_hint(
                "is `ltsctl serve` running there, and is the URL (scheme, host, port) right?",
            );
        }
        err
    }
}

pub fn parse_server_url(server: &str) -> Result<Url> {
    let url = Url::parse(server).map_err(|e| {
        Error::usage(format!("invalid server URL {server:?}: {e}"))
            .with_hint("e.g. https://lts.example.com:48080")
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::usage(format!(
            "invalid server URL {server:?}: use http:// or https://host[:port]"
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::usage(
            "put no credentials in the server URL; use `ltsctl login` or LTSCTL_TOKEN",
        ));
    }
    Ok(url)
}

/// Rebuilds the CLI error the server sent; anything else becomes an internal error with the status.
fn server_error(status: StatusCode, body: &str, base: &str) -> Error {
    #[derive(serde::Deserialize)]
    struct Body {
        error: Error,
    }
    match serde_json::from_str::<Body>(body) {
        Ok(b) => {
            let mut e = b.error;
            if e.kind == ErrorKind::Unauthenticated && e.hint.is_none() {
                e.hint = Some("log in again with `ltsctl login`, or set LTSCTL_TOKEN".into());
            }
            e
        }
        // Not an ltsctl error body: a timeout (the LTS answers 408 with no body), or the URL reaches
        // something else (a proxy, another service).
        Err(_) if status == StatusCode::REQUEST_TIMEOUT => Error::new(
            ErrorKind::Unreachable,
            format!("the LTS at {base} gave up on the request after 15 s ({status})"),
        )
        .with_hint("retry in a moment; a long bulk change on the server may hold the store"),
        Err(_) if status.is_server_error() => Error::new(
            ErrorKind::Unreachable,
            format!("the server at {base} answered {status}"),
        )
        .with_hint("if a proxy is in front of the LTS, check that it reaches `ltsctl serve`"),
        Err(_) => Error::new(
            ErrorKind::Unreachable,
            format!("the server at {base} answered {status}, not as an LTS does"),
        )
        .with_hint(
            "check that --server is the URL `ltsctl serve` listens on (e.g. https://lts.example.com:48080), \
             with no path",
        ),
    }
}

fn window(d: Option<Duration>) -> Vec<(&'static str, String)> {
    d.map(|d| vec![("expiring_within_seconds", d.as_secs().to_string())])
        .unwrap_or_default()
}

#[async_trait]
impl Admin for RemoteAdmin {
    fn target(&self) -> Target {
        Target {
            kind: "remote".into(),
            location: self.base.to_string(),
        }
    }

    async fn status(&self, expiring_within: Duration) -> Result<StatusView> {
        let mut view: StatusView = self
            .get(&["status"], &window(Some(expiring_within)))
            .await?;
        view.target = self.target();
        Ok(view)
    }

    async fn trust_add(
        &self,
        public_key_pem: &str,
        name: Option<String>,
    ) -> Result<TrustAddResult> {
        self.with_body(
            Method::POST,
            &["trust"],
            &json!({ "public_key": public_key_pem, "name": name }),
        )
        .await
    }

    async fn trust_list(&self) -> Result<Vec<TrustedKeyView>> {
        self.get(&["trust"], &[]).await
    }

    async fn trust_remove(&self, key_id: &str) -> Result<()> {
        self.delete(&["trust", key_id], false).await
    }

    async fn license_import(
        &self,
        file_name: &str,
        contents: &[u8],
        target: Option<&ImportTarget>,
        replace: bool,
    ) -> Result<ImportReport> {
        let text = std::str::from_utf8(contents)
            .map_err(|_| Error::invalid_license("the license file is not UTF-8 text"))?;
        let body = json!({
            "file_name": file_name,
            "contents": text,
            "handshake": target.map(|t| &t.code),
            "create": target.is_some_and(|t| t.create),
            "replace": replace,
        });
        self.with_body(Method::POST, &["licenses"], &body).await
    }

    async fn license_list(&self, expiring_within: Option<Duration>) -> Result<Vec<LicenseView>> {
        self.get(&["licenses"], &window(expiring_within)).await
    }

    async fn license_show(&self, id: &str) -> Result<LicenseView> {
        self.get(&["licenses", id], &[]).await
    }

    async fn license_remove(
        &self,
        id: &str,
        force: bool,
        dry_run: bool,
    ) -> Result<LicenseRemovalView> {
        let mut req = self.request(Method::DELETE, &["licenses", id]);
        req = req.query(&[("force", force), ("dry_run", dry_run)]);
        self.json(req).await
    }

    async fn handshake_create(
        &self,
        code: &str,
        settings: HandshakeSettings,
    ) -> Result<HandshakeView> {
        let mut body =
            serde_json::to_value(settings).map_err(|e| Error::internal(e.to_string()))?;
        body["code"] = json!(code);
        self.with_body(Method::POST, &["handshakes"], &body).await
    }

    async fn handshake_list(&self) -> Result<Vec<HandshakeView>> {
        self.get(&["handshakes"], &[]).await
    }

    async fn handshake_show(&self, code: &str) -> Result<HandshakeView> {
        self.get(&["handshakes", code], &[]).await
    }

    async fn handshake_bind(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        self.with_body(
            Method::POST,
            &["handshakes", code, "bind"],
            &json!({ "items": items }),
        )
        .await
    }

    async fn handshake_unbind(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        self.with_body(
            Method::POST,
            &["handshakes", code, "unbind"],
            &json!({ "items": items }),
        )
        .await
    }

    async fn handshake_order(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        self.with_body(
            Method::PUT,
            &["handshakes", code, "order"],
            &json!({ "items": items }),
        )
        .await
    }

    async fn handshake_order_by_expiry(&self, code: &str) -> Result<HandshakeView> {
        self.json(self.request(Method::DELETE, &["handshakes", code, "order"]))
            .await
    }

    async fn handshake_set(&self, code: &str, changes: HandshakeChanges) -> Result<HandshakeView> {
        self.with_body(Method::PATCH, &["handshakes", code], &changes)
            .await
    }

    async fn handshake_domains_add(&self, code: &str, domains: &[String]) -> Result<Vec<String>> {
        self.with_body(
            Method::POST,
            &["handshakes", code, "domains"],
            &json!({ "domains": domains }),
        )
        .await
    }

    async fn handshake_domains_remove(
        &self,
        code: &str,
        domains: &[String],
    ) -> Result<Vec<String>> {
        let body = json!({ "domains": domains });
        self.with_body(
            Method::POST,
            &["handshakes", code, "domains", "remove"],
            &body,
        )
        .await
    }

    async fn handshake_domains_list(&self, code: &str) -> Result<Vec<String>> {
        self.get(&["handshakes", code, "domains"], &[]).await
    }

    async fn handshake_password_set(&self, code: &str, password: Zeroizing<String>) -> Result<()> {
        let body = Zeroizing::new(json!({ "password": password.as_str() }).to_string());
        let req = self
            .request(Method::PUT, &["handshakes", code, "password"])
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string());
        self.send(req).await.map(|_| ())
    }

    async fn handshake_password_clear(&self, code: &str) -> Result<()> {
        self.delete(&["handshakes", code, "password"], false).await
    }

    async fn handshake_delete(&self, code: &str, force: bool) -> Result<()> {
        self.delete(&["handshakes", code], force).await
    }

    async fn sweep(&self) -> Result<SweepView> {
        self.json(self.request(Method::POST, &["sweep"])).await
    }

    async fn devices_list(
        &self,
        query: &DeviceQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<DevicePage> {
        self.json(self.devices_page(query, cursor, limit)).await
    }

    async fn devices_list_raw(
        &self,
        query: &DeviceQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<RawDevicePage> {
        self.json(self.devices_page(query, cursor, limit)).await
    }

    async fn devices_count(&self, query: &DeviceQuery) -> Result<u64> {
        #[derive(serde::Deserialize)]
        struct Count {
            count: u64,
        }
        let c: Count = self
            .json(
                self.request(Method::GET, &["devices", "count"])
                    .query(query),
            )
            .await?;
        Ok(c.count)
    }

    async fn device_show(&self, uuid: &str) -> Result<DeviceDetail> {
        self.get(&["devices", uuid], &[]).await
    }

    async fn devices_unregister(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
    ) -> Result<UnregisterReport> {
        let body = json!({ "uuids": uuids, "handshake": handshake });
        self.with_body(Method::POST, &["devices", "unregister"], &body)
            .await
    }

    async fn devices_unregister_matching(&self, query: &DeviceQuery, batch: u32) -> Result<u64> {
        #[derive(serde::Deserialize)]
        struct Removed {
            removed: u64,
        }
        let body = json!({ "query": query, "batch": batch });
        let r: Removed = self
            .with_body(Method::POST, &["devices", "unregister-matching"], &body)
            .await?;
        Ok(r.removed)
    }

    async fn usage(&self, query: &UsageQuery) -> Result<UsageView> {
        self.json(self.request(Method::GET, &["usage"]).query(query))
            .await
    }

    async fn whoami(&self) -> Result<Caller> {
        self.get(&["whoami"], &[]).await
    }

    async fn token_create(
        &self,
        name: &str,
        role: Role,
        expires_in: Option<Duration>,
    ) -> Result<TokenCreated> {
        let body = json!({ "name": name, "role": role, "expires_in_seconds": expires_in.map(|d| d.as_secs()) });
        self.with_body(Method::POST, &["tokens"], &body).await
    }

    async fn token_list(&self) -> Result<Vec<TokenView>> {
        self.get(&["tokens"], &[]).await
    }

    async fn token_revoke(&self, name: &str) -> Result<()> {
        self.delete(&["tokens", name], false).await
    }

    async fn audit_list(
        &self,
        since: Option<Duration>,
        actor: Option<String>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>> {
        let mut query = vec![("limit", limit.to_string())];
        if let Some(d) = since {
            query.push(("since_seconds", d.as_secs().to_string()));
        }
        if let Some(a) = actor {
            query.push(("actor", a));
        }
        self.get(&["audit"], &query).await
    }
}
