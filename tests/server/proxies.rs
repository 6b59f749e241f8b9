//! Issue "Production deployment": the client address behind reverse proxies. Only a trusted proxy's
//! forwarding header names the client (its right-most entry that is not a trusted proxy); from any other
//! peer the header is ignored. The rate limit, the access log and the audit log key on that address.
//! Every server here runs at `--rate-limit 1` (bursts of 2): a hundred requests counted as one client
//! are refused whatever the machine's speed, and a hundred clients of one request each never are.

use crate::util::*;

fn lts() -> Env {
    Env::with_items(&[Item::per_device("LIC-PROXY-A", 1000, now_secs())])
}

/// Authorizes `uuids[i]` with the headers `headers(i)`, all at once: the statuses.
async fn herd(api: &Api, n: usize, headers: impl Fn(usize) -> Vec<(String, String)>) -> Vec<u16> {
    let mut tasks = Vec::new();
    for i in 0..n {
        let api = api.clone();
        let headers = headers(i);
        tasks.push(tokio::spawn(async move {
            let h: Vec<(&str, &str)> =
                headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let resp = api.authorize_via(CODE, &format!("proxied-{i}"), &h).await;
            if resp.0 != 200 {
                assert_error(&resp, 429, "rate_limited");
            }
            resp.0
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.expect("request task"));
    }
    statuses
}

fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

fn xff(value: String) -> Vec<(String, String)> {
    vec![("X-Forwarded-For".into(), value)]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_devices_behind_one_trusted_proxy_are_each_their_own_client() {
    let lts = lts();
    let server = lts.serve(&["--rate-limit", "1", "--trusted-proxy", "127.0.0.1/32"]);
    // As nginx sends it: whatever the client sent, then the address nginx saw.
    let statuses = herd(&server.api(), 100, |i| {
        xff(format!("198.51.100.1, 10.0.{}.{}", i / 250, i % 250 + 1))
    })
    .await;
    assert_eq!(count(&statuses, 200), 100, "{statuses:?}");
    assert_eq!(lts.handshake(CODE)["active_devices"], 100);

    // The same through `Forwarded` (RFC 7239) on a server told to read it, IPv6 clients with ports.
    let lts = self::lts();
    let server = lts.serve(&[
        "--rate-limit",
        "1",
        "--trusted-proxy",
        "127.0.0.1",
        "--forwarded-header",
        "forwarded",
    ]);
    let statuses = herd(&server.api(), 100, |i| {
        vec![(
            "Forwarded".into(),
            format!("for=198.51.100.1, for=\"[2001:db8::{:x}]:4711\";proto=https", i + 1),
        )]
    })
    .await;
    assert_eq!(count(&statuses, 200), 100, "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_headers_from_an_untrusted_peer_are_ignored() {
    let lts = lts();
    // A proxy range the loopback peer is not in: its headers count for nothing.
    let server = lts.serve(&["--rate-limit", "1", "--trusted-proxy", "192.0.2.0/24"]);
    let statuses =
        herd(&server.api(), 100, |i| xff(format!("10.0.{}.{}", i / 250, i % 250 + 1))).await;
    assert!(
        count(&statuses, 429) > 0 && count(&statuses, 200) < 100,
        "one client at 1/s got {statuses:?}"
    );
    // No trusted proxy at all: the same.
    let server = lts.serve(&["--rate-limit", "1"]);
    let statuses = herd(&server.api(), 100, |i| xff(format!("10.1.0.{}", i + 1))).await;
    assert!(count(&statuses, 429) > 0, "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spoofed_left_most_entry_does_not_escape_the_limit() {
    let lts = lts();
    let server = lts.serve(&["--rate-limit", "1", "--trusted-proxy", "127.0.0.1/32"]);
    // One client (203.0.113.7, as the proxy saw it) making up a new address for each request.
    let statuses =
        herd(&server.api(), 100, |i| xff(format!("10.9.{}.{}, 203.0.113.7", i / 250, i % 250 + 1)))
            .await;
    assert!(
        count(&statuses, 429) > 0 && count(&statuses, 200) < 100,
        "the spoofer got {statuses:?}"
    );
    // Its neighbour behind the same proxy is not held back by it.
    let resp =
        server.api().authorize_via(CODE, "neighbour", &[("X-Forwarded-For", "203.0.113.8")]).await;
    ok(resp);
}

#[tokio::test]
async fn the_access_log_names_the_forwarded_client() {
    let lts = lts();
    // The access log is at level info (the tests' default is warn).
    let server = lts.here().env("LTSCTL_LOG", "info").serve(&[
        "--trusted-proxy",
        "127.0.0.1/32",
        "--access-log",
    ]);
    let api = server.api();
    ok(api.authorize_via(CODE, "logged", &[("X-Forwarded-For", "6.6.6.6, 203.0.113.9")]).await);
    // An untrusted header on a server without proxies: the peer.
    let plain = lts.here().env("LTSCTL_LOG", "info").serve(&["--access-log"]);
    ok(plain.api().authorize_via(CODE, "logged-2", &[("X-Forwarded-For", "203.0.113.10")]).await);
    let log = plain.wait_for_log("POST");
    assert!(log.contains("client=127.0.0.1"), "{log}");
    assert!(!log.contains("203.0.113.10"), "{log}");
    let log = server.wait_for_log("POST");
    let line = log
        .lines()
        .find(|l| l.contains("ltsctl::access") && l.contains("/v1/authorize"))
        .unwrap_or_else(|| panic!("no access log line: {log}"));
    assert!(line.contains("client=203.0.113.9"), "{line}");
    assert!(line.contains("peer=127.0.0.1"), "{line}");
    assert!(line.contains("status=200"), "{line}");
    assert!(!log.contains("6.6.6.6"), "the spoofed entry was logged: {log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_records_the_forwarded_client_of_each_admin_change() {
    let lts = lts();
    let admin = lts.token("proxied-admin", "admin");
    let viewer = lts.token("proxied-viewer", "viewer");
    let server = lts.serve(&["--trusted-proxy", "127.0.0.1/32"]);
    let api = server.api();
    let create = |token: &str, name: &str, forwarded: &str| {
        api.client
            .post(api.url("/v1/admin/tokens"))
            .bearer_auth(token)
            .header("X-Forwarded-For", forwarded)
            .json(&serde_json::json!({"name": name, "role": "viewer"}))
            .send()
    };
    let resp = create(&admin, "made-via-proxy", "6.6.6.6, 203.0.113.44").await.expect("POST");
    assert_eq!(resp.status().as_u16(), 200, "{:?}", resp.text().await);
    // A refused change is recorded with its address too.
    let resp = create(&viewer, "refused", "203.0.113.45").await.expect("POST");
    assert_eq!(resp.status().as_u16(), 403);
    // Through `ltsctl --server` with no proxy header: the TCP peer.
    lts.on(&Target::remote(&server.url, Some(&admin))).ok(&["token", "revoke", "made-via-proxy"]);

    let entries = lts.ok(&["-o", "json", "audit", "list", "--limit", "3"]);
    let entries = entries.as_array().expect("entries");
    let by_action = |action: &str| {
        entries
            .iter()
            .find(|e| e["action"] == action)
            .unwrap_or_else(|| panic!("no {action} entry: {entries:?}"))
    };
    assert_eq!(by_action("token.create")["client"], "203.0.113.44");
    assert_eq!(by_action("denied")["client"], "203.0.113.45");
    assert_eq!(by_action("token.revoke")["client"], "127.0.0.1");
    // Local access has no address.
    let local = lts.ok(&["-o", "json", "audit", "list", "--actor", "local", "--limit", "1"]);
    assert_eq!(local[0]["client"], serde_json::Value::Null, "{local}");
}
