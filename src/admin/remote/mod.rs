//! The remote admin target: the same admin operations over the server's admin HTTP API (reqwest, async,
//! rustls). Requests and answers are the shared wire types of [`crate::admin`], the same ones the
//! server decodes and the OpenAPI document describes. Server errors carry the CLI's error kinds, so exit
//! codes match the local target's. One file per area, as in every other layer.

mod access;
mod alerts;
mod device_stream;
mod devices;
mod handshakes;
mod licenses;
mod server;
mod tls;
mod usage;

use std::path::Path;
use std::time::Duration;

use reqwest::{Method, RequestBuilder, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use zeroize::Zeroizing;

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
        f.debug_struct("RemoteAdmin").field("base", &self.base.as_str()).finish_non_exhaustive()
    }
}

impl RemoteAdmin {
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
            builder = builder.tls_backend_preconfigured(tls::client_config(path)?);
        }
        let client = builder
            .build()
            .map_err(|e| Error::internal(format!("cannot set up the HTTP client: {e}")))?;
        Ok(RemoteAdmin { base, client, token, ca_cert: ca_cert.map(Path::to_path_buf) })
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

    /// Sends a request and decodes its answer.
    async fn call<T: DeserializeOwned>(&self, req: RequestBuilder) -> Result<T> {
        let resp = self.send(req).await?;
        resp.json::<T>().await.map_err(|e| {
            Error::new(
                ErrorKind::Unreachable,
                format!("the server at {} sent an unexpected answer: {e}", self.base),
            )
            .with_hint("is this an ltsctl server of the same version?")
        })
    }

    /// `GET` with no query.
    async fn get<T: DeserializeOwned>(&self, segments: &[&str]) -> Result<T> {
        self.call(self.request(Method::GET, segments)).await
    }

    /// `GET` with a query (one of the `*Query` wire types).
    async fn get_with<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        query: &impl Serialize,
    ) -> Result<T> {
        self.call(self.request(Method::GET, segments).query(query)).await
    }

    /// A request with a JSON body (one of the `*Request` wire types).
    async fn send_body<T: DeserializeOwned>(
        &self,
        method: Method,
        segments: &[&str],
        body: &impl Serialize,
    ) -> Result<T> {
        self.call(self.request(method, segments).json(body)).await
    }

    /// A request whose answer has no body (`204 No Content`).
    async fn send_no_content(&self, req: RequestBuilder) -> Result<()> {
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
        let tls =
            tls::find_tls_error(&e).and_then(|t| tls::explain(t, host, self.ca_cert.as_deref()));
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
