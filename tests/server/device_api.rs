//! The device API of the real `ltsctl serve` binary: error codes and their HTTP statuses, tokens against the
//! JWKS, domains, usage idempotency, TLS, concurrent seating, OpenAPI and graceful shutdown. Each test
//! prepares its own data dir with the CLI and runs the server on 127.0.0.1 port 0.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::util::*;
use chrono::Utc;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Value, json};

const PW_CODE: &str = "pw-000000001";
const DOM_CODE: &str = "dom-000000001";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_refusal_has_its_code_status_and_error_shape() {
    let lts = Env::with_issuer();
    let now = Utc::now();
    lts.import(
        CODE,
        "LIC-ERR-1",
        &[
            Item::per_device("ERR-DEV", 5, now),
            Item::per_server("ERR-SRV", 1, now).product("server-sdk"),
            Item::per_device("ERR-FUTURE", 5, now)
                .product("future-sdk")
                .valid(now + days(30), now + days(400)),
        ],
    );
    lts.ok(&["handshake", "set", CODE, "--overuse", "0"]);
    lts.import(PW_CODE, "LIC-ERR-2", &[Item::per_device("PW-DEV", 5, now)]);
    lts.ok_stdin(
        &["handshake", "password", "set", PW_CODE, "--password-stdin"],
        Some("correct horse\n"),
    );
    lts.import(DOM_CODE, "LIC-ERR-3", &[Item::per_device("DOM-DEV", 5, now)]);
    lts.ok(&["handshake", "domains", "add", DOM_CODE, "example.com"]);
    // The product's only item, bound while valid, expires a few seconds from now.
    let short_until = Utc::now() + chrono::TimeDelta::seconds(5);
    let short = Item::per_device("ERR-SHORT", 5, now).product("old-sdk");
    let imported = lts.import(CODE, "LIC-ERR-4", &[short.expires(short_until)]);
    assert_eq!(imported["files"][0]["bound"], json!(["ERR-SHORT"]), "{imported}");
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    // While it lasts (unless this machine is very slow), the short item serves.
    if Utc::now() + Duration::from_secs(1) < short_until {
        ok(api.authorize(CODE, "old-1", "old-sdk", "desktop").await);
    }

    let r = api.authorize("nope-00000001", "dev-1", PRODUCT, "desktop").await;
    assert_error(&r, 404, "unknown_handshake");

    let r = api.authorize(PW_CODE, "dev-1", PRODUCT, "desktop").await;
    assert_error(&r, 401, "bad_session_password");
    let wrong = json!({"session_password": "wrong horse", "platform": "desktop"});
    let r = api.authorize_with(PW_CODE, "dev-1", wrong, None).await;
    assert_error(&r, 401, "bad_session_password");
    let right = json!({"session_password": "correct horse", "platform": "desktop"});
    ok(api.authorize_with(PW_CODE, "dev-1", right, None).await);

    let r = api.authorize_with(DOM_CODE, "dev-1", json!({}), Some("https://evil.org")).await;
    assert_error(&r, 403, "domain_not_allowed");
    let r = api.authorize(DOM_CODE, "dev-1", PRODUCT, "web").await;
    assert_error(&r, 403, "domain_not_allowed");

    let r = api.authorize(CODE, "dev-1", "ocr-sdk", "desktop").await;
    assert_error(&r, 403, "no_matching_license");

    let r = api.authorize(CODE, "dev-1", "future-sdk", "desktop").await;
    assert_error(&r, 403, "license_not_yet_valid");

    ok(api.authorize(CODE, "srv-1", "server-sdk", "server").await);
    let r = api.authorize(CODE, "srv-2", "server-sdk", "server").await;
    assert_error(&r, 403, "quota_exceeded");
    // The refused server took no seat.
    ok(api.authorize(CODE, "srv-1", "server-sdk", "server").await);

    // Once the short item has expired, its product has no valid item left.
    let wait = (short_until - Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(1100)).await;
    let r = api.authorize(CODE, "old-2", "old-sdk", "desktop").await;
    assert_error(&r, 403, "license_expired");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_requests_are_invalid_request() {
    let lts = Env::with_items(&[Item::per_device("BAD-DEV", 5, Utc::now())]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    let json_type = "application/json";

    let r = api.post_raw("/v1/authorize", json_type, br#"{"handshake": "#.to_vec()).await;
    assert_error(&r, 400, "invalid_request");

    let body = json!({"handshake": CODE, "uuid": "d1", "product": PRODUCT, "platform": "desktop"});
    let r = api.post_raw("/v1/authorize", "text/plain", body.to_string().into_bytes()).await;
    assert_error(&r, 415, "invalid_request");

    let mut extra = body.clone();
    extra["colour"] = json!("blue");
    let r = api.post("/v1/authorize", &extra, None).await;
    assert_error(&r, 422, "invalid_request");
    let mut platform = body.clone();
    platform["platform"] = json!("toaster");
    let r = api.post("/v1/authorize", &platform, None).await;
    assert_error(&r, 422, "invalid_request");
    let missing = json!({"handshake": CODE, "product": PRODUCT, "platform": "desktop"});
    let r = api.post("/v1/authorize", &missing, None).await;
    assert_error(&r, 422, "invalid_request");
    let r = api.authorize("!bad code", "d1", PRODUCT, "desktop").await;
    assert_error(&r, 400, "invalid_request");
    let r = api.authorize(CODE, "has spaces", PRODUCT, "desktop").await;
    assert_error(&r, 400, "invalid_request");

    ok(api.authorize(CODE, "d1", PRODUCT, "desktop").await);
    let at = Utc::now();
    let huge = json!({"handshake": CODE, "uuid": "d1", "reports": [
        {"id": "r1", "at": rfc3339(at), "scans": {"x".repeat(1100 * 1024): 1}}
    ]});
    let r = api.post_raw("/v1/usage", json_type, huge.to_string().into_bytes()).await;
    assert_error(&r, 413, "invalid_request");

    let reports = |n| (0..n).map(|i| report(&format!("r{i}"), at, &[("qr", 1)])).collect();
    let r = api.usage(CODE, "d1", reports(1001)).await;
    assert_error(&r, 400, "invalid_request");
    let twice = vec![report("same", at, &[]), report("same", at, &[])];
    assert_error(&api.usage(CODE, "d1", twice).await, 400, "invalid_request");
    // Exactly 1000 is fine, and none of the refused calls recorded anything.
    let done = ok(api.usage(CODE, "d1", reports(1000)).await);
    assert_eq!(done, json!({"accepted": 1000, "duplicates": 0}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listen_takes_a_host_name_like_localhost() {
    let lts = Env::with_issuer();
    let mut cmd = lts.cmd();
    cmd.args(["serve", "--listen", "localhost:0", "--rate-limit", "0"]);
    let server = lts.launch(cmd);
    let url = server.url.clone();
    let health = Api::new(url.clone()).get("/healthz").await;
    drop(server);
    // localhost resolves to a loopback address (IPv4 first), and the port is a free one.
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(!url.ends_with(":0"), "{url}");
    let (status, body) = health;
    assert_eq!((status, &body["status"]), (200, &json!("ok")), "{body}");
    // A name that does not resolve, or no port: a usage error naming it.
    let out = lts.cmd().args(["serve", "--listen", "localhost"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no port"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_from_one_address_is_rate_limited_but_healthz_answers() {
    let lts = Env::with_items(&[Item::per_device("RATE-DEV", 100, Utc::now())]);
    let server = lts.serve(&["--rate-limit", "2"]);
    let api = server.api();
    let mut statuses: HashMap<u16, usize> = HashMap::new();
    for i in 0..30 {
        let r = api.authorize(CODE, &format!("dev-{i}"), PRODUCT, "desktop").await;
        if r.0 == 429 {
            assert_error(&r, 429, "rate_limited");
        } else {
            assert_eq!(r.0, 200, "{}", r.1);
        }
        *statuses.entry(r.0).or_default() += 1;
    }
    let count = |s: u16| statuses.get(&s).copied().unwrap_or(0);
    assert!(count(429) >= 10 && count(200) >= 1, "{statuses:?}");
    let (status, body) = api.get("/healthz").await;
    assert_eq!((status, body["status"].as_str()), (200, Some("ok")), "{body}");
}

/// A 429 says when to come back: `Retry-After` in whole seconds (at least 1) and the same in its message,
/// and a client that waits that long is served.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_carries_a_retry_after_that_is_honoured() {
    let lts = Env::with_items(&[Item::per_device("RETRY-DEV", 100, Utc::now())]);
    // One request per second, bursts of two: the third at once is refused, for at most a second.
    let server = lts.serve(&["--rate-limit", "1"]);
    let api = server.api();
    let body =
        json!({"handshake": CODE, "uuid": "retry-1", "product": PRODUCT, "platform": "desktop"});
    let send = || api.client.post(api.url("/v1/authorize")).json(&body).send();
    let mut refused = None;
    for _ in 0..4 {
        let resp = send().await.expect("POST");
        if resp.status() == 429 {
            refused = Some(resp);
            break;
        }
        assert_eq!(resp.status(), 200);
    }
    let resp = refused.expect("a 429 after the burst");
    let retry_after =
        resp.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_string);
    let body: Value = resp.json().await.expect("JSON body");
    assert_eq!(body["error"]["code"], "rate_limited", "{body}");
    let secs: u64 = retry_after
        .as_deref()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no numeric Retry-After: {retry_after:?} {body}"));
    assert_eq!(secs, 1, "at one request per second the wait is at most a second");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains(&format!("retry in {secs} s")), "{message}");
    tokio::time::sleep(Duration::from_secs(secs)).await;
    assert_eq!(send().await.expect("POST").status(), 200, "waited as told");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_device_token_verifies_with_the_jwks_and_a_device_takes_one_seat() {
    let lts = Env::with_issuer();
    let now = Utc::now();
    // A fills up after one device (overuse 0), so a second seat for the same device would spill onto B.
    let a = Item::per_device("TOK-A", 1, now).expires(now + days(200));
    let b = Item::per_device("TOK-B", 10, now).expires(now + days(300));
    lts.import(CODE, "LIC-TOK", &[a.clone(), b]);
    lts.ok(&["handshake", "set", CODE, "--overuse", "0"]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    let lts_id = api.lts_id().await;

    let before = Utc::now().timestamp();
    let resp = ok(api.authorize(CODE, "device-1", PRODUCT, "desktop").await);
    let after = Utc::now().timestamp();
    assert_eq!(resp["item"], "TOK-A");
    assert_eq!(resp["option"], "per-device");

    let (status, jwks) = api.get("/v1/jwks").await;
    assert_eq!(status, 200, "{jwks}");
    let jwks: JwkSet = serde_json::from_value(jwks).expect("a JWK Set");
    let token = resp["token"].as_str().expect("token");
    let header = jsonwebtoken::decode_header(token).expect("JWS header");
    assert_eq!(header.alg, Algorithm::EdDSA);
    let jwk = match &header.kid {
        Some(kid) => jwks.find(kid).expect("the token's kid is in the JWKS"),
        None => &jwks.keys[0],
    };
    let key = DecodingKey::from_jwk(jwk).expect("decoding key");
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_issuer(&[lts_id.as_str()]);
    let claims = jsonwebtoken::decode::<Value>(token, &key, &validation)
        .expect("the token verifies against the JWKS")
        .claims;
    assert_eq!(claims["iss"], lts_id.as_str());
    assert_eq!(claims["sub"], "device-1");
    assert_eq!(claims["hs"], CODE);
    assert_eq!(claims["item"], "TOK-A");
    assert_eq!(claims["option"], "per-device");
    let iat = claims["iat"].as_i64().expect("iat");
    assert!((before..=after).contains(&iat), "iat {iat} not in {before}..={after}");
    let exp = claims["exp"].as_i64().expect("exp");
    let offline_until = time_of(&resp["offline_until"]);
    assert_eq!(exp, offline_until.timestamp());
    assert!(exp <= a.expires_at.timestamp());
    assert_eq!(exp - iat, 7 * 86400, "default offline grace is 7 days");
    let expires_at = time_of(&resp["expires_at"]);
    assert!(expires_at <= a.expires_at, "removal time within the item's validity");

    // A token signed by another key does not verify against this JWKS.
    let (tampered_head, rest) = token.split_once('.').expect("compact JWS");
    let (payload, _) = rest.split_once('.').expect("compact JWS");
    let forged = format!("{tampered_head}.{payload}.{}", "A".repeat(86));
    assert!(jsonwebtoken::decode::<Value>(&forged, &key, &validation).is_err());

    // The same device again: same item, no second seat (A is full, so a second seat would land on B).
    let again = ok(api.authorize(CODE, "device-1", PRODUCT, "desktop").await);
    assert_eq!(again["item"], "TOK-A");
    let show = lts.handshake(CODE);
    assert_eq!(show["active_devices"], 1, "{show}");
    let used = |n: usize| (show["items"][n]["id"].clone(), show["items"][n]["used"].clone());
    assert_eq!([used(0), used(1)], [(json!("TOK-A"), json!(1)), (json!("TOK-B"), json!(0))]);
    // Another device spills onto B.
    let other = ok(api.authorize(CODE, "device-2", PRODUCT, "mobile").await);
    assert_eq!(other["item"], "TOK-B");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn origin_wins_over_the_domain_field_and_matches_whole_labels() {
    let lts = Env::with_items(&[Item::per_device("DOM-A", 50, Utc::now())]);
    lts.ok(&["handshake", "domains", "add", CODE, "example.com"]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    let field = |d: &str| json!({ "domain": d });

    // The domain field alone is checked when there is no Origin.
    ok(api.authorize_with(CODE, "d1", field("shop.example.com"), None).await);
    let r = api.authorize_with(CODE, "d2", field("evil.org"), None).await;
    assert_error(&r, 403, "domain_not_allowed");
    // With an Origin, the Origin decides.
    let r = api.authorize_with(CODE, "d3", field("example.com"), Some("https://evil.org")).await;
    assert_error(&r, 403, "domain_not_allowed");
    let origin = Some("https://app.example.com:8443");
    ok(api.authorize_with(CODE, "d4", field("evil.org"), origin).await);
    ok(api.authorize_with(CODE, "d5", json!({}), Some("https://example.com")).await);
    for bad in ["https://example.com.evil.net", "https://notexample.com", "http://example.co"] {
        let r = api.authorize_with(CODE, "d6", json!({}), Some(bad)).await;
        assert_error(&r, 403, "domain_not_allowed");
    }
    assert_eq!(lts.handshake(CODE)["active_devices"], 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn usage_uploads_are_idempotent_by_report_id() {
    let lts = Env::with_issuer();
    lts.import(CODE, "LIC-USE", &[Item::per_scan("USE-SCAN", 100_000, Utc::now())]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    let resp = ok(api.authorize(CODE, "scanner-1", PRODUCT, "mobile").await);
    assert_eq!(
        (resp["item"].as_str(), resp["option"].as_str()),
        (Some("USE-SCAN"), Some("per-scan"))
    );

    let at = Utc::now();
    let first: Vec<Value> =
        (1..=3).map(|i| report(&format!("rep-{i}"), at, &[("qr", 10), ("ean13", 5)])).collect();
    let done = ok(api.usage(CODE, "scanner-1", first.clone()).await);
    assert_eq!(done, json!({"accepted": 3, "duplicates": 0}));
    let mut second = first;
    second.extend((4..=5).map(|i| report(&format!("rep-{i}"), at, &[("qr", 1)])));
    let done = ok(api.usage(CODE, "scanner-1", second.clone()).await);
    assert_eq!(done, json!({"accepted": 2, "duplicates": 3}));
    let done = ok(api.usage(CODE, "scanner-1", second).await);
    assert_eq!(done, json!({"accepted": 0, "duplicates": 5}));

    let r = api.usage(CODE, "stranger", vec![report("rep-x", at, &[("qr", 1)])]).await;
    assert_error(&r, 403, "no_matching_license");
    let r = api.usage("nope-00000001", "scanner-1", vec![report("rep-y", at, &[])]).await;
    assert_error(&r, 404, "unknown_handshake");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_scan_used_counts_the_reported_scans() {
    let lts = Env::with_issuer();
    lts.import(CODE, "LIC-UNITS", &[Item::per_scan("UNITS-SCAN", 100_000, Utc::now())]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    ok(api.authorize(CODE, "scanner-1", PRODUCT, "mobile").await);
    let at = Utc::now();
    let reports =
        vec![report("u-1", at, &[("qr", 10), ("ean13", 5)]), report("u-2", at, &[("qr", 7)])];
    ok(api.usage(CODE, "scanner-1", reports.clone()).await);
    ok(api.usage(CODE, "scanner-1", reports).await);
    assert_eq!(lts.item_used("UNITS-SCAN"), 22, "duplicates are not counted twice");
    assert_eq!(lts.handshake(CODE)["items"][0]["used"], 22);
}

/// The hostile review's case: an exhausted per-scan item stays exhausted through `license remove --force`
/// and a re-import of the same file, and `--force` says first what it drops.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_and_reimporting_a_license_keeps_its_consumption() {
    let lts = Env::with_issuer();
    let at = Utc::now();
    let scan = Item::per_scan("LEDGER-SCAN", 100, at);
    lts.import(CODE, "LIC-LEDGER", std::slice::from_ref(&scan));
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    ok(api.authorize(CODE, "scanner-1", PRODUCT, "mobile").await);
    let reports = vec![report("l-1", at, &[("qr", 150)])];
    ok(api.usage(CODE, "scanner-1", reports).await);
    assert_eq!(lts.item_used("LEDGER-SCAN"), 150);
    let r = api.authorize(CODE, "scanner-2", PRODUCT, "mobile").await;
    assert_error(&r, 403, "quota_exceeded");

    let out = lts
        .cmd()
        .args(["-o", "json", "license", "remove", "LIC-LEDGER", "--force"])
        .output()
        .expect("run ltsctl");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("Removing license LIC-LEDGER: drops 1 live seat(s) (LEDGER-SCAN: 1)")
            && err.contains("kept 150 consumed unit(s) and 1 usage report(s)"),
        "the note before acting says what goes and what stays:\n{err}"
    );
    let removed: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(removed["removed"], "LIC-LEDGER");
    assert_eq!(removed["seats_freed"], 1);
    assert_eq!(removed["units_kept"], 150);
    let audit = lts.ok(&["-o", "json", "audit", "list", "--actor", "local"]);
    let entry = audit
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["action"] == "license.remove")
        .expect("an audit entry");
    assert!(
        entry["detail"]
            .as_str()
            .is_some_and(|d| d.contains("LEDGER-SCAN: 1") && d.contains("150 consumed")),
        "{entry}"
    );

    lts.import(CODE, "LIC-LEDGER", &[scan]);
    assert_eq!(lts.item_used("LEDGER-SCAN"), 150, "not reset to 0");
    let r = api.authorize(CODE, "scanner-3", PRODUCT, "mobile").await;
    assert_error(&r, 403, "quota_exceeded");
    let usage = lts.ok(&["-o", "json", "usage", "--by", "item"]);
    assert_eq!(usage["scans"], 150, "and its history: {usage}");
}

/// Counts are bounded per name and per report, report times may not be far ahead, and a refused upload
/// names the field and records nothing (the hostile review's 99,999,999,999,999,999 scans and three counts
/// near 2^62).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn usage_counts_and_times_are_bounded() {
    let lts = Env::with_items(&[Item::per_scan("BOUND-SCAN", 1_000, Utc::now())]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    ok(api.authorize(CODE, "scanner-1", PRODUCT, "mobile").await);
    let now = Utc::now();
    let cases = [
        (
            vec![report("b-1", now, &[("qr", 99_999_999_999_999_999)])],
            "reports[0].scans.qr is 99999999999999999; one report may count at most 1000000 per name",
        ),
        (
            vec![
                report("b-2", now, &[("qr", 1)]),
                report("b-3", now, &[("a", 1 << 62), ("b", 1 << 62), ("c", 1 << 62)]),
            ],
            "reports[1].scans.a is 4611686018427387904",
        ),
        (
            vec![report("b-4", now, &[("qr", 600_000), ("ean13", 600_000)])],
            "reports[0]: the counts add up to more than 1000000",
        ),
        (vec![report("b-5", now + days(2), &[("qr", 1)])], "reports[0].at is "),
    ];
    for (reports, needle) in cases {
        let r = api.usage(CODE, "scanner-1", reports).await;
        assert_error(&r, 400, "invalid_request");
        let message = r.1["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(needle), "{needle:?} not in {message:?}");
    }
    assert_eq!(lts.item_used("BOUND-SCAN"), 0, "nothing of a refused upload counts");
    // The largest report allowed, and a little clock skew, are fine.
    let edge = vec![
        report("b-6", now, &[("qr", 1_000_000)]),
        report("b-7", now + chrono::TimeDelta::hours(2), &[("qr", 1)]),
    ];
    assert_eq!(ok(api.usage(CODE, "scanner-1", edge).await)["accepted"], 2);
    assert_eq!(lts.item_used("BOUND-SCAN"), 1_000_001);
    let usage = lts.ok(&["-o", "json", "usage", "--by", "item"]);
    assert_eq!(usage["scans"], 1_000_001, "{usage}");
}

/// A self-signed Ed25519 certificate for localhost / 127.0.0.1: (cert.pem, key.pem).
fn self_signed_cert(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let ca_false = "-addext basicConstraints=critical,CA:FALSE";
    self_signed(dir, name, ED25519, "DNS:localhost,IP:127.0.0.1", ca_false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_https_with_the_given_certificate() {
    if !have("openssl", &["version"]) {
        eprintln!("SKIPPED serves_https_with_the_given_certificate: no `openssl` CLI on PATH");
        return;
    }
    let lts = Env::with_items(&[Item::per_device("TLS-DEV", 5, Utc::now())]);
    let (cert, key) = self_signed_cert(&lts.work, "lts");
    let (other_cert, _) = self_signed_cert(&lts.work, "other");
    let (cert_arg, key_arg) = (cert.to_string_lossy(), key.to_string_lossy());
    let server = lts.serve(&["--rate-limit", "0", "--tls-cert", &cert_arg, "--tls-key", &key_arg]);
    assert!(server.https, "first line should say https: {}", server.url);
    assert!(server.url.starts_with("https://127.0.0.1:"), "{}", server.url);

    let pem = std::fs::read(&cert).expect("cert");
    let trusted = client_builder()
        .tls_certs_only([reqwest::Certificate::from_pem(&pem).expect("PEM cert")])
        .build()
        .expect("client");
    let api = Api { base: server.url.clone(), client: trusted };
    let resp = ok(api.authorize(CODE, "tls-device", PRODUCT, "desktop").await);
    assert_eq!(resp["item"], "TLS-DEV");
    let localhost = server.url.replace("127.0.0.1", "localhost");
    let (status, _) = Api { base: localhost, ..api.clone() }.get("/healthz").await;
    assert_eq!(status, 200);

    let other_pem = std::fs::read(&other_cert).expect("cert");
    let untrusting = client_builder()
        .tls_certs_only([reqwest::Certificate::from_pem(&other_pem).expect("PEM cert")])
        .build()
        .expect("client");
    let err = untrusting
        .get(format!("{}/healthz", server.url))
        .send()
        .await
        .expect_err("a client that does not trust the certificate must fail");
    assert!(err.is_connect() || err.is_request(), "{err:?}");
}

#[test]
fn a_missing_tls_file_is_not_found_with_its_path() {
    let lts = Env::with_issuer();
    let missing = lts.work.join("missing.pem");
    let other = lts.work.join("key.pem");
    std::fs::write(&other, "not used").unwrap();
    let out = lts
        .cmd()
        .args(["serve", "--listen", "127.0.0.1:0", "--tls-cert"])
        .arg(&missing)
        .arg("--tls-key")
        .arg(&other)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains(&format!("{}: no such file", missing.display())), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

/// One round: 500 distinct new devices at once against a per-device quota of 50 with overuse 0.
async fn seat_race_round(round: usize) {
    let lts = Env::with_items(&[Item::per_device("RACE-DEV", 50, Utc::now())]);
    lts.ok(&["handshake", "set", CODE, "--overuse", "0"]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    api.lts_id().await;
    let started = Instant::now();
    let tasks: Vec<_> = (0..500)
        .map(|i| {
            let api = api.clone();
            tokio::spawn(async move {
                let uuid = format!("race-{round}-{i:03}");
                api.authorize(CODE, &uuid, PRODUCT, "embedded").await
            })
        })
        .collect();
    let mut counts: HashMap<(u16, String), usize> = HashMap::new();
    for task in tasks {
        let (status, body) = task.await.expect("task");
        if status == 200 {
            assert_eq!(body["item"], "RACE-DEV");
        } else {
            assert_error(&(status, body.clone()), 403, "quota_exceeded");
        }
        let code = body["error"]["code"].as_str().unwrap_or("ok").to_string();
        *counts.entry((status, code)).or_default() += 1;
    }
    eprintln!("round {round}: {counts:?} in {:?}", started.elapsed());
    assert_eq!(counts.get(&(200, "ok".into())), Some(&50), "{counts:?}");
    assert_eq!(counts.get(&(403, "quota_exceeded".into())), Some(&450), "{counts:?}");
    let show = lts.handshake(CODE);
    assert_eq!(show["active_devices"], 50, "{show}");
    assert_eq!(show["items"][0]["used"], 50, "{show}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_authorizations_never_exceed_the_quota() {
    for round in 0..3 {
        seat_race_round(round).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document_lists_every_route() {
    let lts = Env::with_issuer();
    let server = lts.serve(&["--rate-limit", "0"]);
    let (status, doc) = server.api().get("/v1/openapi.json").await;
    assert_eq!(status, 200, "{doc}");
    let version = doc["openapi"].as_str().expect("openapi version");
    assert!(version.starts_with("3."), "{version}");
    for (path, method) in
        [("/v1/authorize", "post"), ("/v1/usage", "post"), ("/v1/jwks", "get"), ("/healthz", "get")]
    {
        assert!(doc["paths"][path][method].is_object(), "{method} {path} missing");
    }
    let (status, body) = server.api().get("/v1/nothing-here").await;
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("not_found")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_gracefully_and_seats_survive_a_restart() {
    let lts = Env::with_items(&[Item::per_server("TERM-SRV", 1, Utc::now())]);
    lts.ok(&["handshake", "set", CODE, "--overuse", "0"]);
    let mut server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    let first = ok(api.authorize(CODE, "server-1", PRODUCT, "server").await);
    // The client keeps its idle keep-alive connection open across the shutdown.
    let (status, exit) = server.terminate().expect("server was running");
    assert!(status.success(), "exit status {status}\n{}", server.stderr_text());
    assert!(exit < Duration::from_secs(5), "took {exit:?} to stop");
    let down = api.client.get(api.url("/healthz")).send().await;
    assert!(down.is_err(), "the server still answers after SIGTERM");

    assert_eq!(lts.handshake(CODE)["active_devices"], 1);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    let again = ok(api.authorize(CODE, "server-1", PRODUCT, "server").await);
    assert_eq!(again["item"], first["item"]);
    let r = api.authorize(CODE, "server-2", PRODUCT, "server").await;
    assert_error(&r, 403, "quota_exceeded");
    assert_eq!(lts.handshake(CODE)["active_devices"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_method_is_answered_in_the_error_shape() {
    let lts = Env::with_issuer();
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    let r = api.get("/v1/authorize").await;
    assert_eq!(r.0, 405, "{}", r.1);
    assert!(r.1["error"]["code"].is_string(), "405 body: {}", r.1);
    let resp = api.client.put(api.url("/healthz")).send().await.expect("PUT");
    assert_eq!(resp.status(), 405);
    let body: Value = resp.json().await.expect("a JSON error body");
    assert!(body["error"]["message"].is_string(), "{body}");
}

/// The server caches each code's settings; a change made by another process on the same data dir (the
/// CLI, while the server runs) must apply to the very next request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_made_by_the_cli_apply_to_the_next_request() {
    let lts = Env::with_items(&[
        Item::per_device("CACHE-A", 1, Utc::now()),
        Item::per_device("CACHE-B", 5, Utc::now()),
    ]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    assert_eq!(ok(api.authorize(CODE, "c1", PRODUCT, "desktop").await)["item"], "CACHE-A");
    lts.ok(&["handshake", "domains", "add", CODE, "example.com"]);
    let r = api.authorize(CODE, "c2", PRODUCT, "desktop").await;
    assert_error(&r, 403, "domain_not_allowed");
    lts.ok(&["handshake", "domains", "remove", CODE, "example.com"]);
    assert_eq!(
        ok(api.authorize(CODE, "c2", PRODUCT, "desktop").await)["item"],
        "CACHE-B",
        "A is full"
    );
    lts.ok(&["handshake", "unbind", CODE, "CACHE-B"]);
    let r = api.authorize(CODE, "c3", PRODUCT, "desktop").await;
    assert_error(&r, 403, "quota_exceeded");
}

/// Another process holding the store's write lock past the busy timeout (10 s) gets new devices a 503
/// `busy` (retry later), not a 500; once the lock is gone the same request succeeds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_locked_by_another_writer_answers_503_busy() {
    use sqlx::Connection;
    let lts = Env::with_items(&[Item::per_device("BUSY-A", 10, Utc::now())]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    ok(api.authorize(CODE, "before", PRODUCT, "desktop").await);
    let url = format!("sqlite://{}", lts.data.join("ltsctl.db").display());
    let mut holder = sqlx::SqliteConnection::connect(&url).await.expect("open");
    sqlx::query("BEGIN IMMEDIATE").execute(&mut holder).await.expect("lock");
    let started = Instant::now();
    let r = api.authorize(CODE, "during", PRODUCT, "desktop").await;
    assert_error(&r, 503, "busy");
    assert!(started.elapsed() >= Duration::from_secs(9), "{:?}", started.elapsed());
    // A device seated moments ago is answered from a read, lock or not.
    ok(api.authorize(CODE, "before", PRODUCT, "desktop").await);
    sqlx::query("ROLLBACK").execute(&mut holder).await.expect("unlock");
    ok(api.authorize(CODE, "during", PRODUCT, "desktop").await);
}
