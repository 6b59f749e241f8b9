//! Issue 19, "Alerts": a real HTTP receiver checks every webhook's signature with the Standard Webhooks
//! verification (the `standardwebhooks` crate); a crossing fires once and a restart does not fire it
//! again; a receiver failing its first attempts gets the event exactly once after retries, the attempts
//! listed; a SIGKILL after the alert's commit and before its delivery still delivers after the
//! restart; two instances on PostgreSQL send each alert once.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;

use crate::util::pg::PgDb;
use crate::util::*;

/// The hidden test timing of `serve`: evaluations every 200 ms, retries from 200 ms on.
pub(crate) const FAST: &[&str] = &["--rate-limit", "0", "--alerts-test-timing", "200"];

/// One webhook request as the receiver saw it.
#[derive(Debug, Clone)]
struct Received {
    msg_id: String,
    body: Value,
    /// Whether `standardwebhooks::Webhook::verify` accepted it.
    verified: bool,
    /// What the receiver answered.
    status: u16,
}

/// A webhook receiver on 127.0.0.1: verifies each request's signature with the secret it is given, and
/// answers 500 to its first `fail_first` requests, 204 after.
#[derive(Clone)]
struct Receiver {
    url: String,
    secret: Arc<Mutex<Option<String>>>,
    seen: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    async fn start(fail_first: usize) -> Receiver {
        Receiver::start_on("127.0.0.1:0", fail_first).await
    }

    async fn start_on(addr: &str, fail_first: usize) -> Receiver {
        let listener = tokio::net::TcpListener::bind(addr).await.expect("bind");
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let rx = Receiver { url, secret: Arc::default(), seen: Arc::default() };
        let state = rx.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| {
                let state = state.clone();
                async move {
                    let secret = state.secret.lock().unwrap().clone();
                    let verified = secret.is_some_and(|s| {
                        standardwebhooks::Webhook::new(&s)
                            .and_then(|w| w.verify(&body, &headers))
                            .is_ok()
                    });
                    let mut seen = state.seen.lock().unwrap();
                    let status = if seen.len() < fail_first { 500 } else { 204 };
                    seen.push(Received {
                        msg_id: headers["webhook-id"].to_str().unwrap().to_string(),
                        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
                        verified,
                        status,
                    });
                    StatusCode::from_u16(status).unwrap()
                }
            }),
        );
        tokio::spawn(async move { axum::serve(listener, app).await });
        rx
    }

    fn set_secret(&self, secret: &str) {
        *self.secret.lock().unwrap() = Some(secret.to_string());
    }

    fn seen(&self) -> Vec<Received> {
        self.seen.lock().unwrap().clone()
    }

    /// The requests accepted (answered 2xx) of event `kind`.
    fn delivered(&self, kind: &str) -> Vec<Received> {
        self.seen().into_iter().filter(|r| r.status < 300 && r.body["type"] == kind).collect()
    }

    /// Waits up to 30 s for `n` accepted requests of `kind` (a delivery a killed server had leased
    /// waits for its 10 s test lease to end).
    async fn wait_for(&self, kind: &str, n: usize) -> Vec<Received> {
        let started = Instant::now();
        while self.delivered(kind).len() < n && started.elapsed() < Duration::from_secs(30) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.delivered(kind)
    }
}

/// `webhook add URL --allow-private` on `ltsctl`: the secret, given to the receiver.
fn add_webhook(ltsctl: &Cli, rx: &Receiver, extra: &[&str]) -> Value {
    let mut args = vec!["webhook", "add", rx.url.as_str(), "--allow-private"];
    args.extend(extra);
    let created = ltsctl.ok(&args);
    rx.set_secret(created["secret"].as_str().expect("secret"));
    created
}

#[track_caller]
fn assert_signed_once(got: &[Received], what: &str) {
    assert_eq!(got.len(), 1, "{what}: {got:#?}");
    assert!(got[0].verified, "{what}: the signature did not verify: {got:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crossing_is_sent_signed_once_and_a_restart_does_not_send_it_again() {
    let lts = Env::with_items(&[Item::per_device("AL-SEATS", 5, now_secs())]);
    let rx = Receiver::start(0).await;
    let created = add_webhook(&lts.here(), &rx, &["--events", "item.quota.threshold"]);
    assert!(created["id"].as_str().unwrap().starts_with("wh_"), "{created}");
    // Listed without its secret.
    let listed = lts.ok(&["webhook", "list"]);
    assert_eq!(listed[0]["events"], serde_json::json!(["item.quota.threshold"]));
    assert!(!listed.to_string().contains("whsec_"), "{listed}");

    let mut server = lts.serve(FAST);
    let api = server.api();
    for i in 0..3 {
        ok(api.authorize(CODE, &format!("al-{i}"), PRODUCT, "desktop").await);
    }
    let got = rx.wait_for("item.quota.threshold", 1).await;
    assert_signed_once(&got, "60 %");
    let data = &got[0].body["data"];
    assert_eq!(data["item"], "AL-SEATS");
    assert_eq!(data["threshold_percent"], 60);
    assert_eq!((data["used"].as_i64(), data["quota"].as_i64()), (Some(3), Some(5)));
    assert!(data["message"].as_str().unwrap().contains("reached 60 % of its quota"), "{data}");

    ok(api.authorize(CODE, "al-3", PRODUCT, "desktop").await);
    let got = rx.wait_for("item.quota.threshold", 2).await;
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got[1].body["data"]["threshold_percent"], 80);
    assert!(got[1].verified);
    assert_ne!(got[0].msg_id, got[1].msg_id);

    // A restart reads what has fired from the store: nothing is sent again.
    server.terminate();
    let server = lts.serve(FAST);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(rx.seen().len(), 2, "{:#?}", rx.seen());
    drop(server);

    let alerts = lts.ok(&["alerts", "list"]);
    let alerts = alerts.as_array().unwrap();
    assert_eq!(alerts.len(), 2, "{alerts:#?}");
    for a in alerts {
        assert_eq!(a["type"], "item.quota.threshold");
        assert_eq!(a["delivery"], "delivered", "{a}");
        assert!(a["cleared_at"].is_null());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receiver_failing_its_first_attempts_gets_the_event_exactly_once() {
    let lts = Env::with_items(&[Item::per_device("AL-RETRY", 1, now_secs())]);
    let rx = Receiver::start(3).await;
    add_webhook(&lts.here(), &rx, &[]);
    let server = lts.serve(FAST);
    ok(server.api().authorize(CODE, "r-1", PRODUCT, "desktop").await);
    let got = rx.wait_for("item.quota.threshold", 1).await;
    assert_signed_once(&got, "after retries");
    // Give a stray retry the chance to show.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let seen = rx.seen();
    assert_eq!(seen.len(), 4, "three failures, one success: {seen:#?}");
    assert!(seen.iter().all(|r| r.msg_id == seen[0].msg_id && r.verified), "{seen:#?}");
    drop(server);

    let attempts = lts.ok(&["alerts", "deliveries"]);
    let codes: Vec<i64> =
        attempts.as_array().unwrap().iter().map(|a| a["status_code"].as_i64().unwrap()).collect();
    assert_eq!(codes, [204, 500, 500, 500], "{attempts:#}");
    assert_eq!(attempts[1]["error"], "HTTP 500 Internal Server Error");
    assert!(attempts.as_array().unwrap().iter().all(|a| a["state"] == "delivered"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sigkill_between_the_commit_and_the_delivery_still_delivers_after_the_restart() {
    let lts = Env::with_items(&[Item::per_device("AL-KILL", 1, now_secs())]);
    // A port nothing listens on yet: the alert is committed, its delivery fails and waits.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/hook");
    let created = lts.ok(&["webhook", "add", &url, "--allow-private"]);
    let mut server = lts.serve(FAST);
    ok(server.api().authorize(CODE, "k-1", PRODUCT, "desktop").await);
    let started = Instant::now();
    loop {
        let a = lts.ok(&["alerts", "list"]);
        if a.as_array().is_some_and(|a| !a.is_empty()) {
            assert_eq!(a[0]["delivery"], "pending", "{a}");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "no alert fired");
        std::thread::sleep(Duration::from_millis(50));
    }
    server.kill();

    let rx = Receiver::start_on(&format!("127.0.0.1:{port}"), 0).await;
    rx.set_secret(created["secret"].as_str().unwrap());
    let server = lts.serve(FAST);
    let got = rx.wait_for("item.quota.threshold", 1).await;
    assert_signed_once(
        &got,
        &format!(
            "after SIGKILL and restart\n{}\n{}",
            lts.ok(&["alerts", "deliveries"]),
            server.stderr_text()
        ),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_refused_with_what_and_how() {
    let lts = Env::with_items(&[Item::per_device("AL-BAD", 5, now_secs())]);
    let err = lts.fails(&["webhook", "add", "ftp://hooks.example.com/x"], 2);
    assert!(err.contains("the scheme is ftp, not http or https"), "{err}");
    let err = lts.fails(&["webhook", "add", "http://127.0.0.1:9/x"], 2);
    assert!(err.contains("--allow-private"), "{err}");
    for hidden in ["http://localhost./x", "http://[::127.0.0.1]/x", "http://[64:ff9b::a9fe:a9fe]/"]
    {
        let err = lts.fails(&["webhook", "add", hidden], 2);
        assert!(err.contains("--allow-private"), "{hidden}: {err}");
    }
    // A URL with a password is refused without the password reaching the answer or the audit log.
    let err = lts.fails(&["webhook", "add", "https://u:hunter2@hooks.example.com/x"], 2);
    assert!(err.contains("credentials") && !err.contains("hunter2"), "{err}");
    let long = format!("https://hooks.example.com/{}", "a".repeat(10_000));
    let err = lts.fails(&["webhook", "add", &long], 2);
    assert!(err.contains("more than 2048") && err.len() < 1000, "{err}");
    let err =
        lts.fails(&["webhook", "add", "https://hooks.example.com/x", "--events", "item.gone"], 2);
    assert!(err.contains("unknown event \"item.gone\"") && err.contains("item.expiring"), "{err}");
    let err = lts.fails(&["alerts", "email", "add", "not-an-address"], 2);
    assert!(err.contains("invalid e-mail address"), "{err}");
    let err = lts.fails(&["alerts", "settings", "set", "--quota-percent", "0,80"], 2);
    assert!(err.contains("value 0 is out of range"), "{err}");
    let err = lts.fails(
        &["alerts", "settings", "set", "--handshake", "000000-000000000", "--refusals", "3"],
        3,
    );
    assert!(err.contains("no handshake code"), "{err}");
    lts.fails(&["webhook", "remove", "wh_nope"], 3);

    let set =
        lts.ok(&["alerts", "settings", "set", "--handshake", CODE, "--quota-percent", "90,50"]);
    assert_eq!(set["quota_percents"], serde_json::json!([50, 90]));
    assert_eq!(set["inherited"], serde_json::json!(["expiry_days", "refusals"]));
    let shown = lts.ok(&["alerts", "settings", "show"]);
    assert_eq!(shown[0]["scope"], "global");
    assert_eq!(shown[0]["quota_percents"], serde_json::json!([60, 80, 100]));
    assert_eq!(shown[1]["scope"], CODE);
    lts.ok(&["alerts", "settings", "reset", "--handshake", CODE]);
    assert_eq!(lts.ok(&["alerts", "settings", "show"]).as_array().unwrap().len(), 1);

    lts.ok(&["alerts", "email", "add", "ops@example.com"]);
    lts.fails(&["alerts", "email", "add", "ops@example.com"], 4);
    // The same recipient with its domain in another case: one address, not two mails per alert.
    lts.fails(&["alerts", "email", "add", "ops@EXAMPLE.com"], 4);
    assert_eq!(lts.ok(&["alerts", "email", "list"])[0]["address"], "ops@example.com");
    lts.ok(&["alerts", "email", "remove", "ops@Example.com"]);
    let audit = lts.ok(&["audit", "list"]).to_string();
    assert!(!audit.contains("hunter2"), "a refused URL's password in the audit log: {audit}");
    assert!(!audit.contains(&"a".repeat(500)), "a 10 KB URL in the audit log");
    for action in ["webhook.add", "alerts.settings.set", "alerts.email.add", "alerts.email.remove"]
    {
        assert!(audit.contains(action), "{action} in {audit}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_the_admin_api_viewers_list_admins_change_and_test_sends_a_signed_event() {
    let lts = Env::with_items(&[Item::per_device("AL-API", 5, now_secs())]);
    let admin = lts.token("al-admin", "admin");
    let viewer = lts.token("al-viewer", "viewer");
    let server = lts.serve(&["--rate-limit", "0"]);
    let as_admin = lts.on(&Target::remote(&server.url, Some(&admin)));
    let as_viewer = lts.on(&Target::remote(&server.url, Some(&viewer)));
    let rx = Receiver::start(0).await;
    let created = add_webhook(&as_admin, &rx, &[]);
    let id = created["id"].as_str().unwrap();
    let listed = as_viewer.ok(&["webhook", "list"]);
    assert_eq!(listed[0]["id"], id);
    as_viewer.fails(&["webhook", "remove", id], 6);
    as_viewer.fails(&["alerts", "email", "add", "ops@example.com"], 6);
    as_viewer.ok(&["alerts", "list"]);
    as_viewer.ok(&["alerts", "settings", "show"]);

    let report = as_admin.ok(&["webhook", "test", id]);
    assert_eq!(report["delivered"], true, "{report}");
    assert_eq!(report["status_code"], 204);
    let got = rx.wait_for("webhook.test", 1).await;
    assert_signed_once(&got, "webhook test");
    assert_eq!(got[0].msg_id, report["msg_id"].as_str().unwrap());
    let attempts = as_viewer.ok(&["alerts", "deliveries"]);
    assert_eq!(attempts[0]["type"], "webhook.test");
    as_admin.ok(&["webhook", "remove", id]);
    assert!(as_viewer.ok(&["webhook", "list"]).as_array().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_postgresql_send_each_alert_once() {
    let Some(database) = PgDb::for_test("alerts PostgreSQL test").await else {
        return;
    };
    let env = Env::new();
    let target = Target::database(&database.url);
    let ltsctl = env.on(&target);
    let items =
        [Item::per_device("AL-PG-A", 2, now_secs()), Item::per_device("AL-PG-B", 2, now_secs())];
    ltsctl.issue_and_import("alpg-001", "AL-PG-LIC", &items);
    ltsctl.ok(&["handshake", "set", "alpg-001", "--overuse", "0"]);
    let rx = Receiver::start(1).await;
    add_webhook(&ltsctl, &rx, &[]);
    let a = ltsctl.serve(FAST);
    let b = ltsctl.serve(FAST);
    // Both items full (100 %), seated through both instances.
    for i in 0..4 {
        let server = if i % 2 == 0 { &a } else { &b };
        ok(server.api().authorize("alpg-001", &format!("pg-{i}"), PRODUCT, "desktop").await);
    }
    let got = rx.wait_for("item.quota.threshold", 2).await;
    tokio::time::sleep(Duration::from_millis(2000)).await;
    let got_after = rx.delivered("item.quota.threshold");
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got_after.len(), 2, "a second send: {got_after:#?}");
    let mut items: Vec<&str> =
        got.iter().map(|r| r.body["data"]["item"].as_str().unwrap()).collect();
    items.sort();
    assert_eq!(items, ["AL-PG-A", "AL-PG-B"]);
    assert!(got.iter().all(|r| r.verified && r.body["data"]["threshold_percent"] == 100));
    let alerts = ltsctl.ok(&["alerts", "list"]);
    // Per item: 60 and 80 recorded as superseded, 100 sent.
    assert_eq!(alerts.as_array().unwrap().len(), 6, "{alerts:#}");
    drop((a, b));
    database.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expiry_and_quota_refusals_fire_with_the_thresholds_set() {
    let soon = chrono::Utc::now() + chrono::TimeDelta::days(5);
    let lts = Env::with_items(&[Item::per_device("AL-EXP", 1, now_secs()).expires(soon)]);
    lts.ok(&["handshake", "set", CODE, "--overuse", "0"]);
    lts.ok(&["alerts", "settings", "set", "--handshake", CODE, "--refusals", "2"]);
    let rx = Receiver::start(0).await;
    add_webhook(&lts.here(), &rx, &["--events", "item.expiring,handshake.refusals"]);
    let server = lts.serve(FAST);
    // Expiring in 5 days: the 7-day threshold is sent, the 30-day one recorded as passed by it.
    let got = rx.wait_for("item.expiring", 1).await;
    assert_signed_once(&got, "expiring");
    assert_eq!(got[0].body["data"]["threshold_days"], 7);
    let api = server.api();
    ok(api.authorize(CODE, "x-0", PRODUCT, "desktop").await);
    for i in 1..=3 {
        let refused = api.authorize(CODE, &format!("x-{i}"), PRODUCT, "desktop").await;
        assert_error(&refused, 403, "quota_exceeded");
    }
    let got = rx.wait_for("handshake.refusals", 1).await;
    assert_signed_once(&got, "refusals");
    assert_eq!(got[0].body["data"]["refusals"], 3);
    assert_eq!(got[0].body["data"]["threshold"], 2);
    // The quota event was not subscribed: recorded, not sent to this webhook.
    assert!(rx.delivered("item.quota.threshold").is_empty());
    drop(server);
    let alerts = lts.ok(&["alerts", "list"]);
    let by_type = |t: &str| {
        alerts
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["type"] == t)
            .map(|a| {
                (a["threshold"].as_i64().unwrap(), a["notified"].as_str().unwrap().to_string())
            })
            .collect::<Vec<_>>()
    };
    let mut expiring = by_type("item.expiring");
    expiring.sort();
    assert_eq!(expiring, [(7, "sent".into()), (30, "superseded".into())], "{alerts:#}");
    assert_eq!(by_type("handshake.refusals"), [(2, "sent".into())]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_is_not_followed_and_a_mapped_loopback_address_is_refused() {
    let lts = Env::with_items(&[Item::per_device("AL-REDIR", 5, now_secs())]);
    // The redirect's target would accept anything: it must never be asked.
    let target = Receiver::start(0).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let to = target.url.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move || {
            let to = to.clone();
            async move { (StatusCode::TEMPORARY_REDIRECT, [("location", to)]) }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    let created = lts.ok(&["webhook", "add", &url, "--allow-private"]);
    let id = created["id"].as_str().unwrap();
    let out = lts.run(&["webhook", "test", id, "-o", "json"]);
    assert_eq!(out.code, 8, "{}", out.all());
    let report: Value = serde_json::from_str(&out.stdout).expect("the report, then the error");
    assert_eq!(report["status_code"], 307);
    assert!(
        report["error"].as_str().unwrap().contains("not followed")
            && out.stderr.contains("did not take"),
        "{}",
        out.all()
    );
    assert!(target.seen().is_empty(), "the redirect was followed");

    // An IPv4-mapped loopback address is loopback too.
    let err = lts.fails(&["webhook", "add", "http://[::ffff:127.0.0.1]:9/hook"], 2);
    assert!(err.contains("loopback, private or link-local"), "{err}");

    // A proxy in the environment is not used: the request goes to the address that was checked.
    let proxy = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_url = format!("http://{}", proxy.local_addr().unwrap());
    let asked = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = asked.clone();
    tokio::spawn(async move {
        while let Ok((_conn, _)) = proxy.accept().await {
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    });
    let created = lts.ok(&["webhook", "add", &target.url, "--allow-private"]);
    let id = created["id"].as_str().unwrap().to_string();
    let out = tokio::task::spawn_blocking({
        let mut cmd = lts.cmd();
        cmd.args(["webhook", "test", &id, "-o", "json"])
            .env("HTTP_PROXY", &proxy_url)
            .env("http_proxy", &proxy_url)
            .env("HTTPS_PROXY", &proxy_url)
            .env("ALL_PROXY", &proxy_url);
        move || cmd.output().expect("run ltsctl")
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!asked.load(std::sync::atomic::Ordering::SeqCst), "the proxy was asked");
    assert_eq!(target.seen().len(), 1, "delivered to the receiver itself");
}
