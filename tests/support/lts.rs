//! Shared setup for the device API tests: license documents, signing, a store prepared with the real CLI
//! or in-process with a [`ManualClock`], servers (the `ltsctl serve` binary or `serve_until` in a task) and
//! a small HTTP client for `/v1/authorize` and `/v1/usage`.
#![allow(dead_code)]

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use ltsctl::admin::local::LocalAdmin;
use ltsctl::admin::prelude::*;
use ltsctl::admin::{HandshakeView, ImportReport, ImportTarget};
use ltsctl::clock::ManualClock;
use ltsctl::license::{IssuerKey, LicenseFile};
use ltsctl::server::{ServeConfig, serve_until};
use ltsctl::store::SqliteStore;
use serde_json::{Value, json};
use tempfile::TempDir;

/// The product most tests authorize for.
pub const PRODUCT: &str = "barcode-reader";
/// A handshake code in the documented shape.
pub const CODE: &str = "216998-100025900";

pub fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

/// Now, to the second: the store keeps Unix seconds, so a sub-second `t0` would blur comparisons.
pub fn now_secs() -> DateTime<Utc> {
    DateTime::from_timestamp(Utc::now().timestamp(), 0).expect("now")
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses an RFC 3339 time from a JSON response field.
#[track_caller]
pub fn time_of(v: &Value) -> DateTime<Utc> {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("not a time string: {v}"));
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

/// One `[[items]]` entry. Validity defaults to [at - 1 day, at + 365 days).
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub product: String,
    pub option: &'static str,
    pub quota: Option<u64>,
    pub active_period: Option<&'static str>,
    pub domain: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl Item {
    pub fn new(id: &str, option: &'static str, quota: Option<u64>, at: DateTime<Utc>) -> Self {
        Item {
            id: id.to_string(),
            product: PRODUCT.to_string(),
            option,
            quota,
            active_period: (option == "per-device").then_some("yearly"),
            domain: None,
            valid_from: at - days(1),
            expires_at: at + days(365),
        }
    }

    pub fn per_device(id: &str, quota: u64, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-device", Some(quota), at)
    }

    pub fn per_server(id: &str, quota: u64, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-server", Some(quota), at)
    }

    pub fn per_scan(id: &str, quota: u64, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-scan", Some(quota), at)
    }

    pub fn per_concurrent(id: &str, quota: u64, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-concurrent-device", Some(quota), at)
    }

    pub fn per_domain(id: &str, domain: &str, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-domain", None, at).domain(domain)
    }

    pub fn product(mut self, p: &str) -> Self {
        self.product = p.to_string();
        self
    }

    pub fn period(mut self, p: &'static str) -> Self {
        self.active_period = Some(p);
        self
    }

    pub fn domain(mut self, d: &str) -> Self {
        self.domain = Some(d.to_string());
        self
    }

    pub fn valid(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.valid_from = from;
        self.expires_at = to;
        self
    }

    pub fn expires(mut self, to: DateTime<Utc>) -> Self {
        self.expires_at = to;
        self
    }
}

/// A license document (TOML) with these items.
pub fn document(license_id: &str, items: &[Item]) -> String {
    let issued = items.iter().map(|i| i.valid_from).min();
    let mut out = format!(
        "id = \"{license_id}\"\nlicensee = \"Device API tests\"\nissued_at = {}\n",
        rfc3339(issued.unwrap_or_else(Utc::now))
    );
    for i in items {
        let line = |key: &str, v: Option<String>| v.map(|v| format!("{key} = {v}\n"));
        let optional = [
            line("quota", i.quota.map(|q| q.to_string())),
            line("active_period", i.active_period.map(|p| format!("\"{p}\""))),
            line("domain", i.domain.as_ref().map(|d| format!("\"{d}\""))),
        ];
        out.push_str(&format!(
            "\n[[items]]\nid = \"{}\"\nproduct = \"{}\"\noption = \"{}\"\n{}valid_from = {}\nexpires_at = {}\n",
            i.id,
            i.product,
            i.option,
            optional.into_iter().flatten().collect::<String>(),
            rfc3339(i.valid_from),
            rfc3339(i.expires_at)
        ));
    }
    out
}

/// The document signed in-process into license file text.
pub fn sign(document: &str, key: &IssuerKey) -> String {
    LicenseFile::sign(document, key)
        .unwrap_or_else(|e| panic!("signing failed: {e}\n{document}"))
        .to_toml_string()
}

/// A usage report with per-symbology scan counts.
pub fn report(id: &str, at: DateTime<Utc>, scans: &[(&str, u64)]) -> Value {
    let scans: serde_json::Map<String, Value> = scans
        .iter()
        .map(|(k, n)| (k.to_string(), json!(n)))
        .collect();
    json!({ "id": id, "at": rfc3339(at), "scans": scans })
}

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
async fn read(resp: reqwest::Response) -> (u16, Value) {
    let status = resp.status().as_u16();
    let text = resp.text().await.expect("response body");
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

impl Api {
    pub fn new(base: impl Into<String>) -> Self {
        Api {
            base: base.into(),
            client: client_builder().build().expect("reqwest client"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        read(self.client.get(self.url(path)).send().await.expect("GET")).await
    }

    pub async fn post(&self, path: &str, body: &Value, origin: Option<&str>) -> (u16, Value) {
        let mut req = self.client.post(self.url(path)).json(body);
        if let Some(o) = origin {
            req = req.header("Origin", o);
        }
        read(req.send().await.expect("POST")).await
    }

    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> (u16, Value) {
        let req = self
            .client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body);
        read(req.send().await.expect("POST")).await
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
    assert_eq!(
        (*got, body["error"]["code"].as_str()),
        (status, Some(code)),
        "body: {body}"
    );
    let top = body.as_object().expect("error body is an object");
    assert_eq!(top.len(), 1, "only `error` at the top level: {body}");
    let detail = body["error"].as_object().expect("`error` is an object");
    let message = detail["message"].as_str().expect("message is a string");
    assert!(!message.trim().is_empty(), "empty message: {body}");
}

pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("ltsctl")
}

/// A temp dir with a data dir prepared through the CLI, and a trusted issuer key.
pub struct LtsDir {
    _tmp: TempDir,
    pub root: PathBuf,
    pub data: PathBuf,
    files: std::cell::Cell<u32>,
}

impl LtsDir {
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().to_path_buf();
        let lts = LtsDir {
            data: root.join("data"),
            root,
            _tmp: tmp,
            files: std::cell::Cell::new(0),
        };
        lts.ok(&[
            "issuer",
            "keygen",
            "--out",
            "issuer.pem",
            "--public-out",
            "issuer.pub.pem",
        ]);
        lts.ok(&["trust", "add", "issuer.pub.pem", "--name", "tests"]);
        lts
    }

    /// A new data dir whose [`CODE`] draws on these items (license `LIC-TEST`).
    pub fn with_items(items: &[Item]) -> Self {
        let lts = LtsDir::new();
        lts.import(CODE, "LIC-TEST", items);
        lts
    }

    /// `ltsctl --data-dir DATA` run in the temp dir, with no colour and no inherited `LTSCTL_*`.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(bin());
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("LTSCTL_") {
                cmd.env_remove(&key);
            }
        }
        cmd.env("NO_COLOR", "1")
            .env("LTSCTL_LOG", "warn")
            .current_dir(&self.root)
            .arg("--data-dir")
            .arg(&self.data);
        cmd
    }

    /// Runs a command that must succeed; its stdout as JSON (`Null` when empty, a string when not JSON).
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> Value {
        self.ok_stdin(args, None)
    }

    #[track_caller]
    pub fn ok_stdin(&self, args: &[&str], stdin: Option<&str>) -> Value {
        let mut cmd = assert_cmd::Command::from_std(self.cmd());
        let out = cmd.args(args).write_stdin(stdin.unwrap_or("")).output();
        let out = out.expect("run ltsctl");
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "ltsctl {args:?}: {}\n{stdout}\n{stderr}",
            out.status
        );
        match stdout.trim() {
            "" => Value::Null,
            _ => serde_json::from_str(&stdout).unwrap_or(Value::String(stdout)),
        }
    }

    /// Writes the document, signs it with `issuer sign` and imports it with `--handshake CODE --create`.
    pub fn import(&self, code: &str, license_id: &str, items: &[Item]) -> Value {
        let n = self.files.get() + 1;
        self.files.set(n);
        let doc = format!("license-{n}.toml");
        let lic = format!("license-{n}.lic");
        std::fs::write(self.root.join(&doc), document(license_id, items)).expect("write doc");
        self.ok(&["issuer", "sign", &doc, "--key", "issuer.pem", "--out", &lic]);
        self.ok(&["license", "import", &lic, "--handshake", code, "--create"])
    }

    pub fn handshake_show(&self, code: &str) -> Value {
        self.ok(&["-o", "json", "handshake", "show", code])
    }

    /// `used` of item `id` in `license list -o json`.
    pub fn item_used(&self, id: &str) -> u64 {
        let list = self.ok(&["-o", "json", "license", "list"]);
        let licenses = list.as_array().cloned().unwrap_or_default();
        let items = licenses.iter().flat_map(|l| l["items"].as_array().cloned());
        let item = items.flatten().find(|i| i["id"] == id);
        item.unwrap_or_else(|| panic!("no item {id} in {list}"))["used"]
            .as_u64()
            .expect("used")
    }

    pub fn serve(&self, extra: &[&str]) -> Server {
        Server::start(self, extra)
    }
}

/// `ltsctl serve` on 127.0.0.1 port 0, stopped with SIGTERM when dropped.
pub struct Server {
    child: Option<Child>,
    pub base: String,
    pub https: bool,
    stderr: PathBuf,
}

impl Server {
    pub fn start(lts: &LtsDir, extra: &[&str]) -> Self {
        let n = lts.files.get() + 1;
        lts.files.set(n);
        let stderr = lts.root.join(format!("serve-{n}.stderr"));
        let mut child = lts
            .cmd()
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(&stderr).expect("stderr file"))
            .spawn()
            .expect("spawn ltsctl serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            // Keep draining so the server never writes to a closed pipe.
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_default();
        let mut server = Server {
            child: Some(child),
            base: String::new(),
            https: false,
            stderr,
        };
        let Some(url) = line.trim().strip_prefix("listening on ") else {
            let _ = server.terminate();
            panic!(
                "serve did not print `listening on URL` first: {line:?}\n{}",
                server.stderr_text()
            );
        };
        server.https = url.starts_with("https://");
        server.base = url.to_string();
        server
    }

    pub fn api(&self) -> Api {
        Api::new(self.base.clone())
    }

    pub fn stderr_text(&self) -> String {
        let mut s = String::new();
        let _ = File::open(&self.stderr).and_then(|mut f| f.read_to_string(&mut s));
        s
    }

    /// SIGTERM, then waits up to 10 s (killing after that). The exit status and how long it took.
    pub fn terminate(&mut self) -> Option<(ExitStatus, Duration)> {
        let mut child = self.child.take()?;
        let started = Instant::now();
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status();
        while started.elapsed() < Duration::from_secs(10) {
            match child.try_wait() {
                Ok(Some(status)) => return Some((status, started.elapsed())),
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(_) => break,
            }
        }
        let _ = child.kill();
        let status = child.wait().ok()?;
        Some((status, started.elapsed()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.terminate();
    }
}

/// `serve_until` in a tokio task on a fresh store, with a [`ManualClock`] shared by server and admin.
pub struct InProc {
    pub store: Arc<SqliteStore>,
    pub clock: Arc<ManualClock>,
    pub admin: LocalAdmin,
    pub api: Api,
    pub issuer: IssuerKey,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<ltsctl::error::Result<()>>>,
    _tmp: TempDir,
}

impl InProc {
    pub async fn start(t0: DateTime<Utc>) -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let store = Arc::new(SqliteStore::open(tmp.path()).await.expect("open store"));
        let clock = Arc::new(ManualClock::new(t0));
        let admin = LocalAdmin::new(store.clone(), clock.clone());
        let issuer = IssuerKey::generate();
        admin
            .trust_add(&issuer.public().to_spki_pem(), Some("tests".into()))
            .await
            .expect("trust add");
        let (addr_tx, addr_rx) = tokio::sync::oneshot::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let config = ServeConfig {
            listen: "127.0.0.1:0".parse().expect("addr"),
            tls: None,
            rate_limit: None,
            sweeper: false,
            bench_null_routes: false,
        };
        let task = tokio::spawn(serve_until(
            store.clone(),
            clock.clone(),
            config,
            move |addr, _https| {
                let _ = addr_tx.send(addr);
            },
            async move {
                let _ = stop_rx.await;
            },
        ));
        let addr = tokio::time::timeout(Duration::from_secs(30), addr_rx)
            .await
            .expect("server did not start in time")
            .expect("server stopped before listening");
        InProc {
            store,
            clock,
            admin,
            api: Api::new(format!("http://{addr}")),
            issuer,
            stop: Some(stop_tx),
            task: Some(task),
            _tmp: tmp,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        ltsctl::clock::Clock::now(self.clock.as_ref())
    }

    pub fn advance(&self, by: TimeDelta) {
        self.clock.advance(by);
    }

    /// Signs and imports a license, binding its items to `code` (created if needed).
    pub async fn import(&self, code: &str, license_id: &str, items: &[Item]) -> ImportReport {
        let text = sign(&document(license_id, items), &self.issuer);
        let target = ImportTarget {
            code: code.to_string(),
            create: true,
        };
        self.admin
            .license_import(
                &format!("{license_id}.lic"),
                text.as_bytes(),
                Some(&target),
                false,
            )
            .await
            .unwrap_or_else(|e| panic!("import {license_id}: {e}"))
    }

    pub async fn show(&self, code: &str) -> HandshakeView {
        self.admin
            .handshake_show(code)
            .await
            .expect("handshake show")
    }

    pub async fn active_devices(&self, code: &str) -> i64 {
        self.show(code).await.active_devices
    }

    /// Sweeps at the clock's time; the number of devices removed.
    pub async fn sweep(&self) -> i64 {
        let now = self.now().timestamp();
        ltsctl::store::ServerStore::sweep(self.store.as_ref(), now, "test")
            .await
            .expect("sweep")
            .removed
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let result = tokio::time::timeout(Duration::from_secs(10), task)
                .await
                .expect("server did not stop in time");
            result.expect("server task").expect("server result");
        }
    }
}

impl Drop for InProc {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

/// The claims of a token, without verifying it (the rules tests move the clock far from real time).
pub fn claims(token: &str) -> Value {
    jsonwebtoken::dangerous::insecure_decode_claims::<Value>(token).expect("token claims")
}
