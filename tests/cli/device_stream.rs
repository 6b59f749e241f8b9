//! The remote `devices list -o json` is one streamed answer (`GET /v1/admin/devices/stream`): the same
//! bytes as the local listing, over many chunks, on SQLite and on PostgreSQL; and a stream that is cut off,
//! miscounted or ends with an error is an error with its exit code, never a short list that looks whole.

use std::io::{Read, Write};
use std::process::Stdio;

use crate::util::pg::PgDb;
use crate::util::*;
use chrono::{DateTime, TimeDelta, Utc};
use const_format::concatcp;
use ltsctl::store::{DeviceRow, DevicesStore, PgStore};

/// The listing with each `"idle_seconds":N` as `"idle_seconds":_`: the one value that moves with the
/// clock between two commands. Everything else must be the same bytes.
fn without_idle(text: &str) -> String {
    let key = "\"idle_seconds\":";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(key) {
        out.push_str(&rest[..at + key.len()]);
        out.push('_');
        rest = rest[at + key.len()..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// `devices list -o json EXTRA` on both targets: the same document, and how many devices it holds.
#[track_caller]
fn same_on_both(env: &Env, remote: &Target, extra: &str) -> usize {
    let line = format!("devices list -o json {extra}");
    let local = env.here().sh_code(&line, 0);
    let far = env.on(remote).sh_code(&line, 0);
    assert!(
        far.stdout == local.stdout || without_idle(&far.stdout) == without_idle(&local.stdout),
        "{extra}: remote and local listings differ"
    );
    far.json().as_array().expect("array").len()
}

/// The streamed answer as the API gives it: its media type and body.
fn stream_answer(url: &str, token: &str, query: &str) -> (String, String) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let resp = reqwest::Client::new()
            .get(format!("{url}/v1/admin/devices/stream?{query}"))
            .bearer_auth(token)
            .send()
            .await
            .expect("stream");
        assert_eq!(resp.status(), 200);
        let media = resp.headers()["content-type"].to_str().unwrap().to_string();
        (media, resp.text().await.expect("body"))
    })
}

#[test]
fn the_remote_listing_is_one_stream_with_the_local_listings_bytes() {
    let env = Env::new();
    let now = now_secs();
    let seeder = Seeder::open(&env.data, now - TimeDelta::days(200));
    let far = now + TimeDelta::days(400);
    seeder.import(CODE, "LIC-S", &[Item::per_device("STREAM-A", 100_000, now).expires(far)]);
    // 6,000 devices (more than one page of the paged API, and about 30 chunks of the stream): a third
    // idle for 200 days, a third for 100, a third seen now.
    seeder.insert(CODE, "STREAM-A", &uuids("d200", 2_000));
    seeder.set_time(now - TimeDelta::days(100));
    seeder.insert(CODE, "STREAM-A", &uuids("d100", 2_000));
    seeder.set_time(now);
    seeder.insert(CODE, "STREAM-A", &uuids("d000", 2_000));
    drop(seeder);
    let token = env.token("viewer", "viewer");
    let server = env.serve(&["--rate-limit", "0"]);
    let remote = Target::remote(&server.url, Some(&token));

    assert_eq!(same_on_both(&env, &remote, ""), 6_000);
    assert_eq!(same_on_both(&env, &remote, "--inactive-for 90d"), 4_000);
    assert_eq!(same_on_both(&env, &remote, "--inactive-for 150d --sort uuid"), 2_000);
    assert_eq!(same_on_both(&env, &remote, "--sort first-seen --limit 2500"), 2_500);
    assert_eq!(same_on_both(&env, &remote, "--expired"), 0);
    let code = format!("--active --handshake {CODE} --item STREAM-A");
    assert_eq!(same_on_both(&env, &remote, &code), 6_000);

    // Through the streamed route: one device per line, then the end line with the count.
    let (media, body) =
        stream_answer(&server.url, &token, "inactive_for_seconds=7776000&limit=3999");
    assert_eq!(media, "application/x-ndjson");
    assert!(body.len() > 4 * 64 * 1024, "several chunks: {} bytes", body.len());
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines.len(), 4_000);
    assert!(lines[..3_999].iter().all(|l| l.starts_with("{\"uuid\":\"d")));
    assert_eq!(lines[3_999], r#"{"end":{"count":3999}}"#);
}

/// A server killed while the client is still reading: exit 8, the list said to be incomplete, and no
/// closing bracket on stdout (no JSON document to mistake for the whole list).
#[test]
fn a_server_that_dies_mid_stream_is_an_error_not_a_short_list() {
    let env = Env::new();
    // 100,000 devices, about 30 MB of JSON: more than the pipes and socket buffers between the server
    // and this test can hold, so the server is still sending when it is killed.
    env.here().sh_code("seed --devices 100000", 0);
    let token = env.token("viewer", "viewer");
    let mut server = env.serve(&["--rate-limit", "0"]);
    let mut cmd = env.on(&Target::remote(&server.url, Some(&token))).command();
    cmd.args(["devices", "list", "-o", "json"]).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    let mut stdout = child.stdout.take().unwrap();
    let mut start = vec![0u8; 4096];
    stdout.read_exact(&mut start).expect("the listing started");
    server.kill();
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).expect("read");
    let status = child.wait().expect("wait");
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(status.code(), Some(8), "{stderr}");
    assert_has(&stderr, &["stopped after", "the list is incomplete"]);
    start.extend(rest);
    let printed = String::from_utf8(start).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&printed).is_err());
    assert!(printed.matches("\"uuid\"").count() < 100_000);
}

/// A stand-in for a server that answers `GET .../devices/stream` with `body` (and a paged request with
/// `page`), `connection: close` and no length, so the body ends where the connection does.
fn fake_server(body: &'static str, page: &'static str) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten().take(8) {
            let mut stream = stream;
            let mut head = [0u8; 8192];
            let n = stream.read(&mut head).unwrap_or(0);
            let head = String::from_utf8_lossy(&head[..n]).to_string();
            let answer = if head.starts_with("GET /v1/admin/devices/stream") {
                if body.is_empty() {
                    let e = r#"{"error":{"kind":"not_found","message":"no device stream"}}"#;
                    format!(
                        "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{e}",
                        e.len()
                    )
                } else {
                    format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/x-ndjson\r\nconnection: close\r\n\r\n{body}"
                    )
                }
            } else {
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{page}",
                    page.len()
                )
            };
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    url
}

const ROW: &str = r#"{"uuid":"u-1","handshake":"h","item":"i","platform":"web","domain":null,"name":null,"first_seen":"2026-01-01T00:00:00Z","last_seen":"2026-01-01T00:00:00Z","idle_seconds":5,"expires_at":"2027-01-01T00:00:00Z","checked_out_until":null}"#;

#[test]
fn a_cut_off_miscounted_or_failed_stream_is_an_error_with_its_exit_code() {
    let env = Env::new();
    let cases: [(&'static str, i32, &[&str]); 4] = [
        // Cut off: the connection closed before the end line.
        (
            concatcp!(ROW, "\n", ROW, "\n"),
            8,
            &["stopped after 2 device(s)", "the list is incomplete"],
        ),
        // Cut off inside a line.
        (concatcp!(ROW, "\n", r#"{"uuid":"u-2","hand"#), 8, &["stopped after 1 device(s)"]),
        // An end line that counts more than came.
        (concatcp!(ROW, "\n", r#"{"end":{"count":2}}"#, "\n"), 8, &["counts 2 device(s), 1 came"]),
        // The server's error after the listing started: its kind's exit code (busy: 11).
        (
            concatcp!(
                ROW,
                "\n",
                r#"{"error":{"kind":"busy","message":"the store is locked"}}"#,
                "\n"
            ),
            11,
            &["failed after 1 device(s): the store is locked", "the list is incomplete"],
        ),
    ];
    for (body, code, says) in cases {
        let url = fake_server(body, "");
        let out =
            env.on(&Target::remote(&url, Some("ltsctl_x_y"))).sh_code("devices list -o json", code);
        assert_has(&out.stderr, says);
        assert!(
            serde_json::from_str::<serde_json::Value>(&out.stdout).is_err(),
            "no whole document: {}",
            out.stdout
        );
    }
    // A whole stream is a whole list.
    let url = fake_server(concatcp!(ROW, "\n", r#"{"end":{"count":1}}"#, "\n"), "");
    let out = env.on(&Target::remote(&url, Some("ltsctl_x_y"))).sh_code("devices list -o json", 0);
    assert!(out.stdout.contains(ROW), "{}", out.stdout);
    let row: serde_json::Value = serde_json::from_str(ROW).unwrap();
    assert_eq!(out.json(), serde_json::json!([row]));
}

#[test]
fn a_server_without_the_streamed_listing_is_paged_as_before() {
    let env = Env::new();
    let page = concatcp!(r#"{"devices":["#, ROW, r#"],"next_cursor":null}"#);
    let url = fake_server("", page);
    let out = env.on(&Target::remote(&url, Some("ltsctl_x_y"))).sh_code("devices list -o json", 0);
    let list = out.json();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{}", out.stdout);
    assert_eq!(list[0]["uuid"], "u-1");
}

/// Device rows written straight into the PostgreSQL store (`n` of them, one a minute back from `at`).
fn pg_rows(n: usize, at: DateTime<Utc>) -> Vec<DeviceRow> {
    (0..n)
        .map(|i| {
            // Half a minute off the minute, so `--inactive-for 1h` is not decided by when the test runs.
            let seen = at.timestamp() - 60 * i as i64 - 30;
            DeviceRow {
                uuid: format!("pg-{i:05}"),
                handshake: CODE.into(),
                item_id: "PGSTREAM-A".into(),
                platform: "desktop".into(),
                domain: None,
                name: Some(format!("host \"{i}\" — ü")),
                first_seen: seen,
                last_seen: seen,
                expires_at: seen + 365 * 86_400,
                checked_out_until: None,
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_streamed_listing_works_against_a_postgresql_backed_server() {
    let Some(database) = PgDb::for_test("streamed listing PostgreSQL test").await else {
        return;
    };
    let env = Env::new();
    let target = Target::database(&database.url);
    let ltsctl = env.on(&target);
    let now = now_secs();
    let items = [Item::per_device("PGSTREAM-A", 100_000, now).expires(now + TimeDelta::days(400))];
    ltsctl.issue_and_import(CODE, "PGSTREAM", &items);
    let store = PgStore::connect(&database.url).await.expect("connect");
    // More than one page of the server's own paging (5,000 rows a page) on PostgreSQL.
    store.insert_devices(&pg_rows(5_500, now)).await.expect("insert");
    store.close().await;
    let created = ltsctl.sh("token create viewer --role viewer");
    let token = created["token"].as_str().expect("token").to_string();
    let server = ltsctl.serve(&["--rate-limit", "0"]);
    let remote = Target::remote(&server.url, Some(&token));
    for (extra, n) in
        [("", 5_500), ("--inactive-for 1h", 5_440), ("--sort uuid --limit 5001", 5_001)]
    {
        let line = format!("devices list -o json {extra}");
        let local = ltsctl.sh_code(&line, 0);
        let far = env.on(&remote).sh_code(&line, 0);
        assert_eq!(without_idle(&far.stdout), without_idle(&local.stdout), "{extra}");
        assert_eq!(far.json().as_array().map(Vec::len), Some(n), "{extra}");
    }
    drop(server);
    database.drop_db().await;
}
