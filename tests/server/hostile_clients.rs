//! Issue "Reliability and security": hostile clients against the real `ltsctl serve`. Oversize bodies,
//! malformed JSON and wrong content types get a clean 4xx in the API's error shape (never a 5xx) and the
//! server stays up; slowloris connections do not slow other clients down and are closed by the header
//! timeout; a flood from one address is rate-limited while /healthz stays responsive; SQL metacharacters in
//! every string field leave the data intact. (Exact seating under a herd of concurrent new devices is in
//! crash_safety.rs with the other transaction tests; file names and paths are in backup_restore.rs.)

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::util::*;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How many bad inputs the tests below sent, for the report.
static BAD_INPUTS: AtomicUsize = AtomicUsize::new(0);

fn tried(n: usize) {
    let total = BAD_INPUTS.fetch_add(n, Ordering::SeqCst) + n;
    eprintln!("hostile-clients: {total} bad inputs tried so far");
}

/// A server with one code (per-device, 1000 seats) and an admin token.
struct Setup {
    lts: Env,
    server: Server,
    token: String,
}

fn setup(extra: &[&str]) -> Setup {
    let lts = Env::with_items(&[Item::per_device("LIC-HOSTILE-A", 1000, now_secs())]);
    let created = lts.ok(&["-o", "json", "token", "create", "hostile", "--role", "admin"]);
    let token = created["token"].as_str().expect("token").to_string();
    // No rate limit unless a test sets one: a 429 would pass for a "clean 4xx" without testing anything.
    let server = match extra.contains(&"--rate-limit") {
        true => lts.serve(extra),
        false => lts.serve(&[extra, &["--rate-limit", "0"]].concat()),
    };
    Setup { lts, server, token }
}

impl Setup {
    fn api(&self) -> Api {
        self.server.api()
    }

    fn addr(&self) -> SocketAddr {
        let addr = self.server.url.trim_start_matches("http://");
        addr.parse().expect("server address")
    }

    /// Any request: no content type when `ct` is empty; `auth` is the Authorization header (none when
    /// empty, the admin token when `None`).
    async fn send(
        &self,
        method: &str,
        path: &str,
        ct: &str,
        auth: Option<&str>,
        body: Vec<u8>,
    ) -> (u16, Value) {
        let api = self.api();
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = api.client.request(method, api.url(path)).body(body);
        if !ct.is_empty() {
            req = req.header("content-type", ct);
        }
        match auth {
            None => req = req.bearer_auth(&self.token),
            Some("") => {}
            Some(a) => req = req.header("authorization", a),
        }
        let resp = req.send().await.expect("request");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("body");
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, body)
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        self.send("GET", path, "", None, Vec::new()).await
    }

    async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let body = body.to_string().into_bytes();
        self.send("POST", path, "application/json", None, body).await
    }

    /// Licenses, the code and the seated devices' ids, to show nothing was damaged.
    fn snapshot(&self) -> (Value, Value, Vec<String>) {
        let licenses = self.lts.ok(&["-o", "json", "license", "list"]);
        let code = self.lts.ok(&["-o", "json", "handshake", "show", CODE]);
        let devices = self.lts.ok(&["-o", "json", "devices", "list"]);
        let uuid = |d: &Value| d["uuid"].as_str().expect("uuid").to_string();
        let mut uuids: Vec<String> = devices.as_array().expect("list").iter().map(uuid).collect();
        uuids.sort();
        (licenses, code, uuids)
    }

    async fn still_up(&self) {
        static N: AtomicUsize = AtomicUsize::new(0);
        let api = self.api();
        assert_eq!(api.get("/healthz").await.0, 200);
        let uuid = format!("alive-{}", N.fetch_add(1, Ordering::SeqCst));
        ok(api.authorize(CODE, &uuid, PRODUCT, "desktop").await);
    }
}

/// A clean 4xx for `path`: the admin API's `{"error": {"kind", "message", "hint"?}}` under /v1/admin,
/// the device API's `{"error": {"code", "message"}}` elsewhere.
#[track_caller]
fn assert_4xx(path: &str, resp: &(u16, Value), what: &str) {
    let (status, body) = resp;
    assert!((400..500).contains(status) && *status != 429, "{what}: {status} {body}");
    let top = body.as_object();
    assert!(top.is_some_and(|t| t.len() == 1), "{what}: not the error shape: {body}");
    let text = |k: &str| body["error"][k].as_str().is_some_and(|v| !v.trim().is_empty());
    let key = if path.starts_with("/v1/admin") { "kind" } else { "code" };
    assert!(text(key) && text("message"), "{what}: not the error shape: {body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversize_bodies_are_413_and_the_server_stays_up() {
    let s = setup(&[]);
    let base =
        json!({"handshake": CODE, "uuid": "pad-1", "product": PRODUCT, "platform": "desktop"});
    let padded = |size: usize| {
        let mut b = base.to_string().into_bytes();
        b.resize(size, b' ');
        b
    };
    // Just under the authorize limit is parsed; one byte over is 413, for authorize and usage.
    let ct = "application/json";
    let resp = s.send("POST", "/v1/authorize", ct, None, padded(16 * 1024)).await;
    assert_eq!(resp.0, 200, "{}", resp.1);
    for (path, size) in [("/v1/authorize", 16 * 1024 + 1), ("/v1/usage", 1024 * 1024 + 1)] {
        let resp = s.send("POST", path, ct, None, padded(size)).await;
        assert_error(&resp, 413, "invalid_request");
    }
    // Without a content length (chunked), the limit holds too.
    let mut c = TcpStream::connect(s.addr()).await.expect("connect");
    let head = "POST /v1/authorize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                Transfer-Encoding: chunked\r\n\r\n5000\r\n";
    c.write_all(head.as_bytes()).await.expect("head");
    let _ = c.write_all(&[b' '; 0x5000]).await;
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), c.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "chunked oversize: {answer}");
    // The rest of the body is never read, so the connection closes after the answer, and says so: a
    // pooling client must not send its next request on it.
    assert!(
        answer.to_ascii_lowercase().contains("\r\nconnection: close\r\n"),
        "413 without Connection: close: {answer}"
    );
    // Admin: over 3 MiB (a license file is at most 1 MiB, sent as a JSON string); a 2 MiB license is
    // refused for its size, not for the body.
    for size in [3 * 1024 * 1024 + 10, 2 * 1024 * 1024] {
        let import = json!({"file_name": "huge.lic", "contents": "x".repeat(size)});
        let resp = s.post("/v1/admin/licenses", &import).await;
        assert_4xx("/v1/admin/licenses", &resp, &format!("admin body of {size} bytes"));
    }
    s.still_up().await;
    tried(6);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversize_admin_body_is_413() {
    let s = setup(&[]);
    let import = json!({"file_name": "huge.lic", "contents": "x".repeat(3 * 1024 * 1024 + 10)});
    let resp = s.post("/v1/admin/licenses", &import).await;
    assert_eq!(resp.0, 413, "{}", resp.1);
}

/// Bad requests, one a line: `METHOD PATH | content type | body`. A body `+` is a valid authorize request;
/// `+field=JSON` is that request with one field replaced or added; `NOW` is the current time.
#[rustfmt::skip]
const BAD_REQUESTS: &str = r#"
POST /v1/authorize | application/json | {"handshake": "21
POST /v1/authorize | application/json | hello
POST /v1/authorize | application/json |
POST /v1/authorize | application/json | null
POST /v1/authorize | application/json | []
POST /v1/authorize | application/json | {"handshake":"a-0000001","handshake":"b-0000001","uuid":"u","product":"p","platform":"web"}
POST /v1/authorize | application/json | {"handshake": "216998-100025900"}
POST /v1/authorize | text/plain | +
POST /v1/authorize | application/x-www-form-urlencoded | handshake=x
POST /v1/authorize | | +
POST /v1/authorize | application/jsonx | +
POST /v1/authorize | application/json | +handshake=5
POST /v1/authorize | application/json | +handshake="../../x"
POST /v1/authorize | application/json | +platform="toaster"
POST /v1/authorize | application/json | +admin=true
POST /v1/authorize | application/json | +uuid={"$ne": null}
POST /v1/authorize | application/json | +uuid=""
POST /v1/authorize | application/json | +uuid="a b"
POST /v1/authorize | application/json | +name=1e308
POST /v1/authorize | application/json | +name="a\u0007b"
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": {}}
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": [{"id": "r1", "at": "yesterday"}]}
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": [{"id": "r1", "at": "NOW", "scans": {"QR": -1}}]}
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": [{"id": "r1", "at": "NOW", "scans": {"QR": 1.5}}]}
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": [{"id": "r1", "at": "NOW", "scans": {"QR": 18446744073709551616}}]}
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": [{"id": "r1", "at": "NOW", "scans": {"QR": 18446744073709551615}}]}
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": [{"id": "r1", "at": "NOW", "units": 5}]}
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": [{"id": "", "at": "NOW"}]}
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": [{"id": "r'1", "at": "NOW"}]}
POST /v1/usage | application/json | {"handshake": "216998-100025900", "uuid": "u", "reports": [{"id": "a", "at": "NOW"}, {"id": "a", "at": "NOW"}]}
GET /v1/authorize | |
PUT /v1/usage | |
DELETE /healthz | |
GET /v1/nope | |
GET /../../etc/passwd | |
POST /v1/admin/licenses | application/json | {
POST /v1/admin/licenses | application/json | []
POST /v1/admin/licenses | text/plain | {}
POST /v1/admin/licenses | application/json | {"file_name": 1, "contents": 2}
POST /v1/admin/licenses | application/json | {"file_name": "a.lic", "contents": "not a license"}
POST /v1/admin/tokens | application/json | {"name": "root", "role": "root"}
POST /v1/admin/trust | application/json | {"public_key": "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"}
PATCH /v1/admin/handshakes/216998-100025900 | application/json | {"overuse_percent": "lots"}
PATCH /v1/admin/handshakes/216998-100025900 | application/json | {"overuse_percent": 1000}
POST /v1/admin/handshakes | application/json | {"code": ""}
POST /v1/admin/devices/unregister-matching | application/json | {"query": {}, "batch": 10}
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_requests_get_a_4xx_in_the_error_shape() {
    let s = setup(&[]);
    let good = json!({"handshake": CODE, "uuid": "shape-1", "product": PRODUCT, "platform": "web"});
    let now = rfc3339(now_secs());
    let mut cases: Vec<(String, String, String, Vec<u8>)> = Vec::new();
    for line in BAD_REQUESTS.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.splitn(3, " | ");
        let route = parts.next().expect("route");
        let (ct, body) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let (method, path) = route.split_once(' ').expect("METHOD PATH");
        let body = match body.trim_end().strip_prefix('+') {
            Some("") => good.to_string(),
            Some(edit) => {
                let (k, v) = edit.split_once('=').expect("+field=JSON");
                let mut b = good.clone();
                b[k] = serde_json::from_str(v).expect("JSON value");
                b.to_string()
            }
            None => body.trim_end().replace("NOW", &now),
        };
        cases.push((method.into(), path.into(), ct.trim().into(), body.into_bytes()));
    }
    // Bodies a text table cannot hold.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(good.to_string().into_bytes());
    let mut long_password = good.clone();
    long_password["session_password"] = json!("p".repeat(5000));
    let many: Vec<Value> = (0..1001).map(|i| json!({"id": format!("r{i}"), "at": now})).collect();
    let too_many = json!({"handshake": CODE, "uuid": "u", "reports": many});
    let special = [
        ("/v1/authorize", format!("{}{}", "[".repeat(20_000), "]".repeat(20_000)).into_bytes()),
        ("/v1/authorize", b"{\"handshake\": \"\xff\xfe\"}".to_vec()),
        ("/v1/authorize", bom),
        ("/v1/authorize", long_password.to_string().into_bytes()),
        ("/v1/usage", too_many.to_string().into_bytes()),
    ];
    for (path, body) in special {
        cases.push(("POST".into(), path.into(), "application/json".into(), body));
    }
    let n = cases.len();
    for (method, path, ct, body) in cases {
        let resp = s.send(&method, &path, &ct, None, body).await;
        assert_4xx(&path, &resp, &format!("{method} {path} ({ct})"));
    }
    let auths = [
        "",
        "Bearer",
        "Bearer ",
        "Bearer garbage",
        "Basic YWRtaW46YWRtaW4=",
        "Bearer ltsctl_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ];
    for auth in auths {
        let resp = s.send("GET", "/v1/admin/status", "", Some(auth), Vec::new()).await;
        assert_4xx("/v1/admin", &resp, &format!("Authorization: {auth}"));
        assert_eq!(resp.0, 401, "{auth}");
    }
    s.still_up().await;
    tried(n + auths.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_admin_query_string_gets_the_error_shape() {
    let s = setup(&[]);
    for path in [
        "/v1/admin/devices?limit=lots",
        "/v1/admin/audit?since_seconds=-1",
        "/v1/admin/status?expiring_within_seconds=x",
        "/v1/admin/handshakes/%FF%FE",
    ] {
        assert_4xx("/v1/admin", &s.get(path).await, path);
    }
}

/// The role is checked before the request is read: a viewer token gets 403 for a change whatever its body
/// or query holds (it learns nothing about what the route would accept), and the refusal is audited.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_role_is_refused_before_the_body_is_read() {
    let s = setup(&[]);
    let viewer = s.lts.ok(&["-o", "json", "token", "create", "peeker", "--role", "viewer"]);
    let auth = format!("Bearer {}", viewer["token"].as_str().expect("token"));
    let bodies: [(&str, &str, &str, &[u8]); 4] = [
        ("POST", "/v1/admin/trust", "application/json", b"{not json"),
        ("POST", "/v1/admin/licenses", "text/plain", b"hello"),
        ("POST", "/v1/admin/devices/unregister", "application/json", b"{\"uuids\": 7}"),
        ("DELETE", "/v1/admin/handshakes/whatever?force=maybe", "", b""),
    ];
    for (method, path, ct, body) in bodies {
        let resp = s.send(method, path, ct, Some(&auth), body.to_vec()).await;
        assert_eq!(resp.0, 403, "{method} {path}: {resp:?}");
        assert_eq!(resp.1["error"]["kind"], "permission_denied", "{method} {path}");
    }
    let audit = s.lts.ok(&["-o", "json", "audit", "list", "--actor", "peeker"]);
    let denied: Vec<&str> = audit
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["action"] == "denied")
        .map(|e| e["target"].as_str().expect("target"))
        .collect();
    assert_eq!(denied.len(), bodies.len(), "{audit}");
    tried(bodies.len());
}

/// When the server hung up on `c`, waiting at most until `deadline` after `opened`; `trickle` sends one
/// header byte every 250 ms meanwhile.
async fn closed_after(
    mut c: TcpStream,
    opened: Instant,
    deadline: Duration,
    trickle: bool,
) -> Option<Duration> {
    let mut buf = [0u8; 1024];
    while opened.elapsed() < deadline {
        if trickle && c.write_all(b"X").await.is_err() {
            return Some(opened.elapsed());
        }
        match tokio::time::timeout(Duration::from_millis(250), c.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return Some(opened.elapsed()),
            Ok(Ok(_)) | Err(_) => {}
        }
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slowloris_connections_do_not_starve_other_clients_and_are_closed() {
    let s = setup(&[]);
    let opened = Instant::now();
    let mut watchers = Vec::new();
    for i in 0..50 {
        let mut c = TcpStream::connect(s.addr()).await.expect("connect");
        // Half send a request line and part of the headers, then a byte every 250 ms; half send one
        // complete request and then sit idle on the keep-alive connection.
        let trickle = i % 2 == 0;
        let start: &[u8] = match trickle {
            true => b"POST /v1/authorize HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
            false => b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        };
        c.write_all(start).await.expect("write");
        let watcher = closed_after(c, opened, Duration::from_secs(12), trickle);
        watchers.push((trickle, tokio::spawn(watcher)));
    }
    // Meanwhile other clients are served promptly.
    let api = s.api();
    let mut worst = Duration::ZERO;
    for i in 0..30 {
        let t = Instant::now();
        ok(api.authorize(CODE, &format!("polite-{i}"), PRODUCT, "web").await);
        assert_eq!(api.get("/healthz").await.0, 200);
        worst = worst.max(t.elapsed());
    }
    assert!(worst < Duration::from_secs(2), "a request took {worst:?} beside slow connections");
    let (mut trickling, mut idle) = (Vec::new(), Vec::new());
    for (trickle, w) in watchers {
        let at = w.await.expect("watcher");
        let bucket = if trickle { &mut trickling } else { &mut idle };
        bucket.push(at);
    }
    eprintln!(
        "hostile-clients: 60 requests beside 50 slowloris connections, slowest {worst:?}; closed after \
         {:?} (trickling) and {:?} (idle keep-alive)",
        trickling.iter().flatten().max(),
        idle.iter().flatten().max()
    );
    for (what, closed) in [("trickling", &trickling), ("idle keep-alive", &idle)] {
        let timely = |c: &Option<Duration>| c.is_some_and(|d| d >= Duration::from_secs(9));
        assert!(
            closed.iter().all(timely),
            "{what} not closed by the 10 s header timeout: {closed:?}"
        );
    }
    s.still_up().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_connection_is_closed_by_the_header_timeout() {
    let s = setup(&[]);
    let opened = Instant::now();
    let mut watchers = Vec::new();
    for _ in 0..10 {
        let c = TcpStream::connect(s.addr()).await.expect("connect");
        let watcher = closed_after(c, opened, Duration::from_secs(13), false);
        watchers.push(tokio::spawn(watcher));
    }
    for w in watchers {
        let closed = w.await.expect("watcher");
        assert!(closed.is_some(), "a silent connection was still open after 13 s");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_is_rate_limited_while_healthz_stays_responsive() {
    let s = setup(&["--rate-limit", "5"]);
    let api = s.api();
    let flooder = api.clone();
    let flood = tokio::spawn(async move {
        let started = Instant::now();
        let (mut served, mut first_429) = (0, None);
        for i in 0..60 {
            let resp = flooder.authorize(CODE, &format!("flood-{i}"), PRODUCT, "web").await;
            if resp.0 == 429 {
                assert_error(&resp, 429, "rate_limited");
                first_429.get_or_insert(started.elapsed());
            } else {
                ok(resp);
                served += 1;
            }
        }
        (first_429, served, started.elapsed())
    });
    let mut worst = Duration::ZERO;
    for _ in 0..20 {
        let t = Instant::now();
        assert_eq!(api.get("/healthz").await.0, 200);
        worst = worst.max(t.elapsed());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let (first_429, served, took) = flood.await.expect("flood");
    let first_429 = first_429.expect("no 429 during a flood of 60 requests at --rate-limit 5");
    assert!(first_429 < Duration::from_secs(2), "first 429 after {first_429:?}");
    // A burst of 10, then 5 per second.
    let allowed = 10 + (took.as_secs_f64() * 5.0).ceil() as usize + 1;
    assert!(served <= allowed, "{served} served in {took:?} at 5/s with bursts of 10");
    assert!(worst < Duration::from_secs(1), "/healthz took {worst:?} during the flood");
    // The bucket refills.
    tokio::time::sleep(Duration::from_millis(700)).await;
    ok(api.authorize(CODE, "after-flood", PRODUCT, "web").await);
    eprintln!(
        "hostile-clients: flood of 60 at --rate-limit 5: {served} served, first 429 after \
         {first_429:?}, /healthz worst {worst:?}"
    );
}

/// Probes, one a line: `METHOD PATH | body`. `BAD` stands for the hostile string (a JSON string in bodies,
/// percent-encoded in paths), `NOW` for the current time. Device probes name a product no item is for, so
/// one that passes every check still seats nothing.
#[rustfmt::skip]
const PROBES: &str = r#"
POST /v1/authorize | {"handshake": BAD, "uuid": "probe-1", "product": "none", "platform": "desktop"}
POST /v1/authorize | {"handshake": "216998-100025900", "uuid": BAD, "product": "none", "platform": "desktop"}
POST /v1/authorize | {"handshake": "216998-100025900", "uuid": "probe-1", "product": BAD, "platform": "desktop"}
POST /v1/authorize | {"handshake": "216998-100025900", "uuid": "probe-1", "product": "none", "platform": BAD}
POST /v1/authorize | {"handshake": "216998-100025900", "uuid": "probe-1", "product": "none", "platform": "web", "domain": BAD}
POST /v1/authorize | {"handshake": "216998-100025900", "uuid": "probe-1", "product": "none", "platform": "web", "session_password": BAD}
POST /v1/usage | {"handshake": BAD, "uuid": "victim-1", "reports": []}
POST /v1/usage | {"handshake": "216998-100025900", "uuid": BAD, "reports": []}
POST /v1/usage | {"handshake": "216998-100025900", "uuid": "victim-1", "reports": [{"id": BAD, "at": "NOW"}]}
POST /v1/usage | {"handshake": "216998-100025900", "uuid": "victim-1", "reports": [{"id": "m1", "at": "NOW", "scans": {BAD: 1}, "pages": {BAD: 1}}]}
GET /v1/admin/handshakes/BAD |
GET /v1/admin/handshakes/BAD/domains |
GET /v1/admin/licenses/BAD |
GET /v1/admin/devices/BAD |
POST /v1/admin/handshakes | {"code": BAD}
POST /v1/admin/handshakes/216998-100025900/bind | {"items": [BAD]}
POST /v1/admin/handshakes/216998-100025900/domains | {"domains": [BAD]}
POST /v1/admin/handshakes/216998-100025900/domains/remove | {"domains": [BAD]}
PUT /v1/admin/handshakes/216998-100025900/order | {"items": [BAD]}
POST /v1/admin/tokens | {"name": BAD, "role": "viewer"}
POST /v1/admin/devices/unregister | {"uuids": [BAD], "handshake": BAD}
POST /v1/admin/trust | {"public_key": BAD, "name": BAD}
POST /v1/admin/licenses | {"file_name": BAD, "contents": BAD}
DELETE /v1/admin/tokens/BAD |
DELETE /v1/admin/trust/BAD |
DELETE /v1/admin/licenses/BAD?force=true |
DELETE /v1/admin/handshakes/BAD?force=true |
"#;

const NASTY: &[&str] = &[
    "'; DROP TABLE devices;--",
    "\" OR 1=1 --",
    "' OR '1'='1",
    "x'); DELETE FROM licenses; --",
    "\0",
    "a\0b",
    "%27%20OR%201=1",
    "../../etc/passwd",
    "😀ünï\u{202e}cøde",
    "\\x27",
    "*",
    "%",
    "_",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sql_metacharacters_in_every_field_leave_the_data_intact() {
    let s = setup(&[]);
    let api = s.api();
    ok(api.authorize(CODE, "victim-1", PRODUCT, "desktop").await);
    let before = s.snapshot();
    let now = rfc3339(now_secs());
    let mut n = 0;
    for bad in NASTY {
        let quoted = serde_json::to_string(bad).expect("JSON string");
        let enc: String = bad.bytes().map(|b| format!("%{b:02X}")).collect();
        for line in PROBES.lines().filter(|l| !l.trim().is_empty()) {
            let (route, body) = line.split_once(" |").expect("METHOD PATH | body");
            let (method, path) = route.split_once(' ').expect("METHOD PATH");
            let path = path.replace("BAD", &enc);
            let body = body.trim().replace("NOW", &now).replace("BAD", &quoted);
            let ct = if body.is_empty() { "" } else { "application/json" };
            let resp = s.send(method, &path, ct, None, body.clone().into_bytes()).await;
            let what = format!("{method} {path} {body}");
            assert!(resp.0 < 500, "{what}: {} {}", resp.0, resp.1);
            if resp.0 >= 400 {
                assert_4xx(&path, &resp, &what);
            }
            n += 1;
        }
        if reqwest::header::HeaderValue::from_str(bad).is_ok() {
            let probe =
                json!({"handshake": CODE, "uuid": "probe-1", "product": "x", "platform": "web"});
            let resp = api.post("/v1/authorize", &probe, Some(bad)).await;
            assert_4xx("/v1/authorize", &resp, &format!("Origin {bad:?}"));
            n += 1;
        }
        // Filters match exactly: no LIKE wildcards, no injection.
        let resp = s.get(&format!("/v1/admin/audit?actor={enc}")).await;
        assert_eq!((resp.0, resp.1.as_array().map(Vec::len)), (200, Some(0)), "actor {bad:?}");
        for filter in ["handshake", "item"] {
            let resp = s.get(&format!("/v1/admin/devices/count?{filter}={enc}")).await;
            assert_eq!(resp, (200, json!({"count": 0})), "devices {filter}={bad:?}");
        }
        n += 3;
    }
    // Names are free text: stored and shown exactly, never interpreted.
    for (i, bad) in NASTY.iter().filter(|b| !b.contains('\0')).enumerate() {
        let uuid = format!("named-{i}");
        ok(api.authorize_with(CODE, &uuid, json!({"name": bad}), None).await);
        let shown = s.lts.ok(&["-o", "json", "devices", "show", &uuid]);
        assert_eq!(shown["seats"][0]["name"].as_str(), Some(*bad), "{shown}");
        s.lts.ok(&["devices", "unregister", &uuid]);
    }
    assert_eq!(s.snapshot(), before, "the data changed");
    s.still_up().await;
    tried(n);
}
