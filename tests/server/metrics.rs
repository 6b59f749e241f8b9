//! Issue 19, "Metrics": `serve --metrics-listen` serves `GET /metrics` on its own listener. The counters
//! are read back after known authorizations, refusals and uploads; the per-item gauges agree with what
//! `ltsctl usage` and `license show` say, and on PostgreSQL an instance reports what another seated;
//! no label names a device, a token or a client address; a live scrape passes `promtool check metrics`;
//! bad addresses are refused with exit 2.

use std::time::{Duration, Instant};

use chrono::Utc;
use serde_json::Value;

use crate::util::metrics::{promtool_check, samples, value};
use crate::util::pg::PgDb;
use crate::util::*;

/// A second handshake code, for the per-scan item.
const SCAN_CODE: &str = "216998-100025901";

async fn scrape(url: &str) -> String {
    let resp = reqwest::get(url).await.expect("GET /metrics");
    assert_eq!(resp.status(), 200);
    let ctype = resp.headers()["content-type"].to_str().unwrap().to_string();
    assert!(ctype.starts_with("text/plain; version=0.0.4"), "{ctype}");
    resp.text().await.expect("metrics body")
}

/// Scrapes until `name{labels}` reads `want` (the per-item gauges are cached for a few seconds), for
/// at most 30 s; the last scrape either way.
async fn scrape_until(url: &str, name: &str, labels: &[(&str, &str)], want: f64) -> String {
    let started = Instant::now();
    loop {
        let text = scrape(url).await;
        if value(&text, name, labels) == Some(want) || started.elapsed() > Duration::from_secs(30) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[track_caller]
fn assert_value(text: &str, name: &str, labels: &[(&str, &str)], want: f64) {
    assert_eq!(value(text, name, labels), Some(want), "{name}{labels:?} in:\n{text}");
}

fn item_labels<'a>(
    item: &'a str,
    license: &'a str,
    option: &'a str,
    code: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("item", item),
        ("license", license),
        ("product", PRODUCT),
        ("option", option),
        ("handshake", code),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scrape_counts_what_the_device_api_answered_and_reads_the_items_from_the_store() {
    let lts = Env::with_items(&[Item::per_device("MET-SEATS", 2, now_secs())]);
    lts.ok(&["handshake", "set", CODE, "--overuse", "0"]);
    lts.import(SCAN_CODE, "LIC-SCAN", &[Item::per_scan("MET-SCANS", 1_000, now_secs())]);
    let server = lts.serve(&["--rate-limit", "0", "--metrics-listen", "127.0.0.1:0"]);
    let metrics = server.metrics_url();
    assert!(metrics.starts_with("http://127.0.0.1:") && metrics.ends_with("/metrics"), "{metrics}");
    let api = server.api();

    ok(api.authorize(CODE, "met-device-1", PRODUCT, "desktop").await);
    ok(api.authorize(CODE, "met-device-2", PRODUCT, "desktop").await);
    ok(api.authorize(CODE, "met-device-1", PRODUCT, "desktop").await);
    assert_error(
        &api.authorize(CODE, "met-device-3", PRODUCT, "desktop").await,
        403,
        "quota_exceeded",
    );
    assert_error(
        &api.authorize("999999-999999999", "met-device-4", PRODUCT, "desktop").await,
        404,
        "unknown_handshake",
    );
    let bad = api.post_raw("/v1/authorize", "application/json", b"{not json".to_vec()).await;
    assert_error(&bad, 400, "invalid_request");
    ok(api.authorize(SCAN_CODE, "met-scanner", PRODUCT, "mobile").await);
    let at = Utc::now();
    let reports: Vec<Value> =
        (1..=2).map(|i| report(&format!("met-rep-{i}"), at, &[("qr", 10), ("ean13", 5)])).collect();
    ok(api.usage(SCAN_CODE, "met-scanner", reports.clone()).await);
    ok(api.usage(SCAN_CODE, "met-scanner", reports).await);
    // A path with a device UUID in it that no route serves.
    let (status, _) = api.get("/v1/devices/met-device-1").await;
    assert_eq!(status, 404);

    let text = scrape_until(
        &metrics,
        "ltsctl_item_seats_used",
        &item_labels("MET-SEATS", "LIC-TEST", "per-device", CODE),
        2.0,
    )
    .await;
    let auth = "ltsctl_authorizations_total";
    assert_value(&text, auth, &[("result", "granted")], 4.0);
    assert_value(&text, auth, &[("result", "quota_exceeded")], 1.0);
    assert_value(&text, auth, &[("result", "unknown_handshake")], 1.0);
    assert_value(&text, auth, &[("result", "invalid_request")], 1.0);
    let reports = "ltsctl_usage_reports_total";
    assert_value(&text, reports, &[("outcome", "accepted")], 2.0);
    assert_value(&text, reports, &[("outcome", "duplicate")], 2.0);
    let durations = "ltsctl_http_request_duration_seconds_count";
    let route =
        |route, method, status| vec![("route", route), ("method", method), ("status", status)];
    assert_value(&text, durations, &route("/v1/authorize", "POST", "200"), 4.0);
    assert_value(&text, durations, &route("/v1/authorize", "POST", "403"), 1.0);
    assert_value(&text, durations, &route("/v1/usage", "POST", "200"), 2.0);
    assert_value(&text, durations, &route("unmatched", "GET", "404"), 1.0);
    assert_value(&text, "ltsctl_rate_limited_total", &[], 0.0);
    assert_value(&text, "ltsctl_store_busy_total", &[], 0.0);
    let groups = value(&text, "ltsctl_store_commit_group_size_count", &[("backend", "sqlite")]);
    assert!(groups.is_some_and(|n| n >= 1.0), "{text}");
    assert_value(&text, "ltsctl_build_info", &[("version", env!("CARGO_PKG_VERSION"))], 1.0);

    // The per-item gauges say what the CLI says about the same store.
    let usage = lts.ok(&["usage", "-o", "json"]);
    let of = |id: &str| {
        usage["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["item"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} in {usage}"))
    };
    let seats = item_labels("MET-SEATS", "LIC-TEST", "per-device", CODE);
    let scans = item_labels("MET-SCANS", "LIC-SCAN", "per-scan", SCAN_CODE);
    assert_value(&text, "ltsctl_item_quota", &seats, 2.0);
    assert_value(&text, "ltsctl_item_limit", &seats, of("MET-SEATS")["limit"].as_f64().unwrap());
    assert_value(&text, "ltsctl_item_quota", &scans, 1_000.0);
    assert_value(&text, "ltsctl_item_limit", &scans, of("MET-SCANS")["limit"].as_f64().unwrap());
    assert_value(
        &text,
        "ltsctl_item_units_used",
        &scans,
        of("MET-SCANS")["used"].as_f64().unwrap(),
    );
    assert_eq!(of("MET-SCANS")["used"], 30, "{usage}");
    assert_eq!(value(&text, "ltsctl_item_units_used", &seats), None, "{text}");
    assert_eq!(value(&text, "ltsctl_item_seats_used", &scans), None, "{text}");
    assert_value(&text, "ltsctl_devices_active", &[], 3.0);
    let license = lts.ok(&["license", "show", "LIC-TEST", "-o", "json"]);
    let expires =
        chrono::DateTime::parse_from_rfc3339(license["items"][0]["expires_at"].as_str().unwrap())
            .unwrap();
    assert_value(&text, "ltsctl_item_expiry_timestamp_seconds", &seats, expires.timestamp() as f64);

    // No label names a device, a client address or a raw path.
    for s in samples(&text) {
        for v in s.labels.values() {
            assert!(
                !v.contains("met-device") && !v.contains("met-scanner") && !v.contains("127.0.0.1"),
                "{s:?}"
            );
            assert!(!v.starts_with("/v1/devices"), "{s:?}");
        }
    }
    // Never on the device port.
    let (status, _) = api.get("/metrics").await;
    assert_eq!(status, 404);
    let other = reqwest::get(metrics.replace("/metrics", "/v1/authorize")).await.unwrap();
    assert_eq!(other.status(), 404);

    // Devices removed over the admin API are counted by reason; the token's name is no label.
    let token = lts.token("met-operator", "admin");
    let remote = Target::remote(&server.url, Some(&token));
    lts.on(&remote).ok(&["devices", "unregister", "met-device-2", "--handshake", CODE]);
    lts.on(&remote).ok(&["sweep"]);
    let text = scrape(&metrics).await;
    assert_value(&text, "ltsctl_devices_removed_total", &[("reason", "unregister")], 1.0);
    assert!(!text.contains("met-operator"), "{text}");
    ok(api.authorize(CODE, "met-device-3", PRODUCT, "desktop").await);

    // A device seated after a scrape shows up once the cached reading is renewed.
    ok(api.authorize(SCAN_CODE, "met-scanner-2", PRODUCT, "mobile").await);
    let text = scrape_until(&metrics, "ltsctl_devices_active", &[], 4.0).await;
    assert_value(&text, "ltsctl_devices_active", &[], 4.0);
    assert_value(&text, "ltsctl_authorizations_total", &[("result", "granted")], 6.0);

    if let Some(findings) = promtool_check(&text) {
        assert_eq!(findings.trim(), "", "promtool check metrics:\n{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_429_of_the_rate_limit_is_counted() {
    let lts = Env::with_items(&[Item::per_device("MET-RATE", 100, now_secs())]);
    let server = lts.serve(&["--rate-limit", "1", "--metrics-listen", "127.0.0.1:0"]);
    let metrics = server.metrics_url();
    let api = server.api();
    let mut refused = 0;
    for i in 0..30 {
        let resp = api.authorize(CODE, &format!("rate-{i}"), PRODUCT, "desktop").await;
        if resp.0 == 429 {
            assert_error(&resp, 429, "rate_limited");
            refused += 1;
        }
    }
    // 30 requests from one address at 1/s in bursts of 2: most are refused on any machine.
    assert!(refused > 0);
    let text = scrape(&metrics).await;
    assert_value(&text, "ltsctl_rate_limited_total", &[], f64::from(refused));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgresql_an_instance_reports_the_seats_another_took() {
    let Some(database) = PgDb::for_test("metrics PostgreSQL test").await else {
        return;
    };
    let env = Env::new();
    let target = Target::database(&database.url);
    let ltsctl = env.on(&target);
    let items = [Item::per_device("MET-PG", 10, now_secs())];
    ltsctl.issue_and_import("metpg-001", "MET-PG-LIC", &items);
    let a = ltsctl.serve(&["--rate-limit", "0", "--metrics-listen", "127.0.0.1:0"]);
    let b = ltsctl.serve(&["--rate-limit", "0", "--metrics-listen", "127.0.0.1:0"]);
    let (a_metrics, b_metrics) = (a.metrics_url(), b.metrics_url());
    for i in 0..3 {
        ok(a.api().authorize("metpg-001", &format!("pg-{i}"), PRODUCT, "desktop").await);
    }
    let labels = item_labels("MET-PG", "MET-PG-LIC", "per-device", "metpg-001");
    let text = scrape_until(&b_metrics, "ltsctl_item_seats_used", &labels, 3.0).await;
    assert_value(&text, "ltsctl_item_seats_used", &labels, 3.0);
    assert_value(&text, "ltsctl_devices_active", &[], 3.0);
    // Counters are each instance's own: b answered no authorization.
    assert_eq!(
        value(&text, "ltsctl_authorizations_total", &[("result", "granted")]),
        None,
        "{text}"
    );
    let text = scrape(&a_metrics).await;
    assert_value(&text, "ltsctl_authorizations_total", &[("result", "granted")], 3.0);
    let groups = value(&text, "ltsctl_store_commit_group_size_count", &[("backend", "postgres")]);
    assert!(groups.is_some_and(|n| n >= 1.0), "{text}");
    if let Some(findings) = promtool_check(&text) {
        assert_eq!(findings.trim(), "", "promtool check metrics:\n{text}");
    }
    drop((a, b));
    database.drop_db().await;
}

#[test]
fn bad_metrics_addresses_are_refused_with_exit_2() {
    let lts = Env::with_issuer();
    let err = lts.fails(&["serve", "--metrics-listen", "nowhere"], 2);
    assert!(err.contains("--metrics-listen") && err.contains("has no port"), "{err}");
    let config = lts.write("serve.toml", "metrics_listen = 9464\n");
    let err = lts.fails(&["serve", "--config", config.to_str().unwrap()], 2);
    assert!(
        err.contains("serve.toml:1: `metrics_listen` must be a string such as \"127.0.0.1:9464\""),
        "{err}"
    );
    let config = lts.write(
        "serve.toml",
        "listen = \"127.0.0.1:48123\"\nmetrics_listen = \"127.0.0.1:48123\"\n",
    );
    let err = lts.fails(&["serve", "--config", config.to_str().unwrap()], 2);
    assert!(err.contains("is the device port"), "{err}");
    // A port that is taken: named with the flag to change, before the server says it listens.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().to_string();
    let out = lts.run(&["serve", "--listen", "127.0.0.1:0", "--metrics-listen", &port]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains(&format!("cannot listen for metrics on {port}")), "{}", out.stderr);
    assert!(!out.stdout.contains("listening on"), "{}", out.stdout);
}
