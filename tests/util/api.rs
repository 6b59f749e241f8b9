//! The device API's HTTP client ([`Api`]: `/v1/authorize`, `/v1/usage`, `/healthz`, any raw request) and
//! the assertions on its answers: [`ok`] for a 200, [`assert_error`] for the one error shape.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::util::{PRODUCT, rfc3339};

/// A reqwest client builder (rustls with the ring provider).
pub fn client_builder() -> reqwest::ClientBuilder {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().timeout(Duration::from_secs(30))
}

/// A device API endpoint and a client for it.
#[derive(Clone)]
pub struct Api {
    pub base: String,
    pub client: reqwest::Client,
}

/// Status and body; a body that is not JSON comes back as a JSON string so assertions can show it.
async fn answer(resp: reqwest::Response) -> (u16, Value) {
    let status = resp.status().as_u16();
    let text = resp.text().await.expect("response body");
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

impl Api {
    pub fn new(base: impl Into<String>) -> Self {
        Api { base: base.into(), client: client_builder().build().expect("reqwest client") }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        answer(self.client.get(self.url(path)).send().await.expect("GET")).await
    }

    pub async fn post(&self, path: &str, body: &Value, origin: Option<&str>) -> (u16, Value) {
        let mut req = self.client.post(self.url(path)).json(body);
        if let Some(o) = origin {
            req = req.header("Origin", o);
        }
        answer(req.send().await.expect("POST")).await
    }

    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> (u16, Value) {
        let req = self.client.post(self.url(path)).header("content-type", content_type).body(body);
        answer(req.send().await.expect("POST")).await
    }

    pub async fn authorize(
        &self,
        code: &str,
        uuid: &str,
        product: &str,
        platform: &str,
    ) -> (u16, Value) {
        let body =
            json!({"handshake": code, "uuid": uuid, "product": product, "platform": platform});
        self.post("/v1/authorize", &body, None).await
    }

    /// `POST /v1/authorize` with extra fields merged into the body and an optional `Origin` header.
    pub async fn authorize_with(
        &self,
        code: &str,
        uuid: &str,
        extra: Value,
        origin: Option<&str>,
    ) -> (u16, Value) {
        let mut body =
            json!({"handshake": code, "uuid": uuid, "product": PRODUCT, "platform": "web"});
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        self.post("/v1/authorize", &body, origin).await
    }

    /// `POST /v1/authorize` for `uuid` with extra request headers (a proxy's `X-Forwarded-For`, say).
    pub async fn authorize_via(
        &self,
        code: &str,
        uuid: &str,
        headers: &[(&str, &str)],
    ) -> (u16, Value) {
        let body = json!({"handshake": code, "uuid": uuid, "product": PRODUCT, "platform": "web"});
        let mut req = self.client.post(self.url("/v1/authorize")).json(&body);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        answer(req.send().await.expect("POST")).await
    }

    pub async fn usage(&self, code: &str, uuid: &str, reports: Vec<Value>) -> (u16, Value) {
        let body = json!({"handshake": code, "uuid": uuid, "reports": reports});
        self.post("/v1/usage", &body, None).await
    }

    pub async fn lts_id(&self) -> String {
        let (status, body) = self.get("/healthz").await;
        assert_eq!(status, 200, "{body}");
        body["lts_id"].as_str().expect("lts_id").to_string()
    }
}

/// A usage report with per-symbology scan counts, as the device API takes it.
pub fn report(id: &str, at: DateTime<Utc>, scans: &[(&str, u64)]) -> Value {
    let scans: serde_json::Map<String, Value> =
        scans.iter().map(|(k, n)| (k.to_string(), json!(n))).collect();
    json!({ "id": id, "at": rfc3339(at), "scans": scans })
}

/// A 200 answer, or a panic showing what came instead.
#[track_caller]
pub fn ok(resp: (u16, Value)) -> Value {
    assert_eq!(resp.0, 200, "expected 200, got {} {}", resp.0, resp.1);
    resp.1
}

/// The API's one error shape, `{"error": {"code", "message"}}`, with this status and code.
#[track_caller]
pub fn assert_error(resp: &(u16, Value), status: u16, code: &str) {
    let (got, body) = resp;
    assert_eq!((*got, body["error"]["code"].as_str()), (status, Some(code)), "body: {body}");
    let top = body.as_object().expect("error body is an object");
    assert_eq!(top.len(), 1, "only `error` at the top level: {body}");
    let detail = body["error"].as_object().expect("`error` is an object");
    let message = detail["message"].as_str().expect("message is a string");
    assert!(!message.trim().is_empty(), "empty message: {body}");
}

/// The claims of a token, without verifying it (the rules tests move the clock far from real time).
pub fn claims(token: &str) -> Value {
    jsonwebtoken::dangerous::insecure_decode_claims::<Value>(token).expect("token claims")
}
