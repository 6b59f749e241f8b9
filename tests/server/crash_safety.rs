//! Issue "Reliability and security": crash safety. The real `ltsctl serve` is SIGKILLed while several
//! clients stream authorizations and usage uploads; after a restart every acknowledged device is seated,
//! every acknowledged report is counted exactly once and the store passes SQLite's integrity check. A bulk
//! `devices unregister` and a bulk `license import` killed midway leave every batch / every file all or
//! nothing, and a rerun finishes the job; so does a sweep killed between its batches. Seating is one transaction: a herd of concurrent new devices
//! against a quota seats exactly the quota, round after round.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::util::sqlite::{integrity_check, pool};
use crate::util::*;
use ltsctl::admin::HandshakeChanges;
use ltsctl::admin::prelude::*;
use ltsctl::license::IssuerKey;
use serde_json::{Value, json};
use sqlx::SqlitePool;

/// Devices `ltsctl seed` creates for the bulk-unregister test, 80% of them inactive: 20,000, four whole
/// 5,000-device batches. `LTSCTL_CRASH_SEED_DEVICES` raises it (a multiple of 6,250 keeps the batches
/// whole; 200,000 takes ~25 s to seed in a debug build).
fn seed_devices() -> u64 {
    std::env::var("LTSCTL_CRASH_SEED_DEVICES").ok().and_then(|s| s.parse().ok()).unwrap_or(25_000)
}
const BATCH: i64 = 5_000;
const DAY: i64 = 86_400;

fn db_path(lts: &Env) -> PathBuf {
    lts.data.join("ltsctl.db")
}

async fn count(pool: &SqlitePool, sql: &'static str, bind: i64) -> i64 {
    sqlx::query_scalar(sql).bind(bind).fetch_one(pool).await.expect(sql)
}

/// A POST that never panics: `None` when the server is gone.
async fn try_post(client: &reqwest::Client, url: &str, body: &Value) -> Option<(u16, Value)> {
    let resp = client.post(url).json(body).send().await.ok()?;
    let status = resp.status().as_u16();
    let body = resp.json::<Value>().await.ok()?;
    Some((status, body))
}

/// One usage upload: its reports and their scans, and whether the server acknowledged it.
#[derive(Debug, Clone)]
struct Upload {
    uuid: String,
    reports: Vec<Value>,
    scans: u64,
    acked: bool,
}

#[derive(Default)]
struct Log {
    seated: Vec<String>,
    uploads: Vec<Upload>,
}

/// Acknowledged writes so far, over all clients.
static ACKS: AtomicUsize = AtomicUsize::new(0);

async fn client_task(base: String, task: usize, stop: Arc<AtomicBool>, deadline: Instant) -> Log {
    let client = client_builder().build().expect("client");
    let mut log = Log::default();
    let at = rfc3339(now_secs());
    for i in 0.. {
        if stop.load(Ordering::SeqCst) || Instant::now() > deadline {
            break;
        }
        let uuid = format!("crash-{task}-{i}");
        let body =
            json!({"handshake": CODE, "uuid": uuid, "product": PRODUCT, "platform": "desktop"});
        match try_post(&client, &format!("{base}/v1/authorize"), &body).await {
            Some((200, _)) => {
                ACKS.fetch_add(1, Ordering::SeqCst);
                log.seated.push(uuid.clone());
            }
            Some((status, body)) => panic!("authorize {uuid}: {status} {body}"),
            None => break,
        }
        let n = 1 + i % 3;
        let reports: Vec<Value> = (0..n)
            .map(|k| json!({"id": format!("r-{task}-{i}-{k}"), "at": at, "scans": {"QR": k + 1, "EAN13": 2}}))
            .collect();
        let scans = (0..n).map(|k| k as u64 + 3).sum();
        let body = json!({"handshake": CODE, "uuid": uuid, "reports": reports});
        let mut upload = Upload { uuid, reports, scans, acked: false };
        match try_post(&client, &format!("{base}/v1/usage"), &body).await {
            Some((200, body)) => {
                assert_eq!(body, json!({"accepted": n, "duplicates": 0}));
                ACKS.fetch_add(1, Ordering::SeqCst);
                upload.acked = true;
                log.uploads.push(upload);
            }
            Some((status, body)) => panic!("usage {}: {status} {body}", upload.uuid),
            None => {
                log.uploads.push(upload);
                break;
            }
        }
    }
    log
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_a_sigkill_of_the_server() {
    let at = now_secs();
    let lts = Env::with_items(&[Item::per_device("LIC-CRASH-A", 1_000_000, at)]);
    let mut server = lts.serve(&["--rate-limit", "0"]);

    let stop = Arc::new(AtomicBool::new(false));
    let deadline = Instant::now() + Duration::from_secs(10);
    let tasks: Vec<_> = (0..8)
        .map(|t| tokio::spawn(client_task(server.url.clone(), t, stop.clone(), deadline)))
        .collect();
    // Kill after ~1.5 s of traffic, or later on a slow machine: once 300 writes were acknowledged, or 5 s.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5)
        && (started.elapsed() < Duration::from_millis(1500) || ACKS.load(Ordering::SeqCst) < 300)
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill();
    stop.store(true, Ordering::SeqCst);
    let mut seated = Vec::new();
    let mut uploads = Vec::new();
    for t in tasks {
        let log = t.await.expect("client task");
        seated.extend(log.seated);
        uploads.extend(log.uploads);
    }
    let acked_uploads = uploads.iter().filter(|u| u.acked).count();
    assert!(
        seated.len() >= 10 && acked_uploads >= 10,
        "too little traffic before the kill: {} devices",
        seated.len()
    );
    integrity_check(&db_path(&lts)).await;

    let mut server = lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    // Every acknowledged device holds its seat; nothing appeared that no client asked for.
    let listed = lts.ok(&["-o", "json", "devices", "list", "--handshake", CODE]);
    let listed: BTreeSet<String> = listed
        .as_array()
        .expect("device list")
        .iter()
        .map(|d| d["uuid"].as_str().expect("uuid").to_string())
        .collect();
    let acked: BTreeSet<String> = seated.iter().cloned().collect();
    let missing: Vec<_> = acked.difference(&listed).collect();
    assert!(missing.is_empty(), "acknowledged devices lost: {missing:?}");
    let phantoms = listed.difference(&acked).count();
    assert!(
        phantoms <= 8,
        "{phantoms} devices seated that were never acknowledged (at most one in flight per client)"
    );

    // Re-uploading: acknowledged batches are all duplicates, the batch in flight at the kill is all or
    // nothing. Afterwards every report attempted is counted exactly once.
    let mut in_flight = BTreeMap::new();
    for u in &uploads {
        let (status, body) = api.usage(CODE, &u.uuid, u.reports.clone()).await;
        assert_eq!(status, 200, "{} {body}", u.uuid);
        let n = u.reports.len() as u64;
        let (accepted, dup) =
            (body["accepted"].as_u64().unwrap(), body["duplicates"].as_u64().unwrap());
        if u.acked {
            assert_eq!(
                (accepted, dup),
                (0, n),
                "acknowledged upload of {} counted again or lost",
                u.uuid
            );
        } else {
            assert!(
                (accepted, dup) == (0, n) || (accepted, dup) == (n, 0),
                "torn batch {}: {body}",
                u.uuid
            );
            in_flight.insert(u.uuid.clone(), dup == n);
        }
    }
    let usage = lts.ok(&["-o", "json", "usage", "--handshake", CODE]);
    let all_reports: u64 = uploads.iter().map(|u| u.reports.len() as u64).sum();
    let all_scans: u64 = uploads.iter().map(|u| u.scans).sum();
    assert_eq!(usage["reports"].as_u64(), Some(all_reports), "{usage}");
    assert_eq!(usage["scans"].as_u64(), Some(all_scans), "{usage}");
    server.kill();
    integrity_check(&db_path(&lts)).await;
    let acked_reports: usize = uploads.iter().filter(|u| u.acked).map(|u| u.reports.len()).sum();
    eprintln!(
        "crash-safety: {} acknowledged writes survived a SIGKILL ({} device authorizations, {} usage uploads \
         with {} reports; {} uploads in flight at the kill: {:?} committed)",
        seated.len() + acked_uploads,
        seated.len(),
        acked_uploads,
        acked_reports,
        in_flight.len(),
        in_flight.values().filter(|c| **c).count()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bulk_unregister_killed_midway_removes_whole_batches_and_a_rerun_finishes() {
    let lts = Env::with_issuer();
    let n = seed_devices();
    lts.ok(&["seed", "--devices", &n.to_string(), "--inactive-percent", "80"]);
    let db = db_path(&lts);
    let reader = pool(&db).await;
    let cutoff = chrono::Utc::now().timestamp() - 90 * DAY;
    let inactive_sql = "SELECT COUNT(*) FROM devices WHERE last_seen < ?";
    let active_sql = "SELECT COUNT(*) FROM devices WHERE last_seen >= ?";
    let inactive = count(&reader, inactive_sql, cutoff).await;
    let active = count(&reader, active_sql, cutoff).await;
    assert_eq!((inactive, active), (n as i64 * 4 / 5, n as i64 / 5));

    let mut child = lts
        .cmd()
        .args(["-o", "json", "devices", "unregister", "--inactive-for", "90d", "--yes"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn unregister");
    let started = Instant::now();
    let mut finished = None;
    loop {
        if count(&reader, inactive_sql, cutoff).await < inactive {
            break;
        }
        if let Some(status) = child.try_wait().expect("try_wait") {
            finished = Some(status);
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "no batch committed within 60 s");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(finished.is_none(), "unregister finished before the first batch was seen: {status}");
    reader.close().await;
    integrity_check(&db).await;

    let reader = pool(&db).await;
    let left = count(&reader, inactive_sql, cutoff).await;
    let removed = inactive - left;
    assert!(removed > 0 && removed % BATCH == 0, "{removed} removed: not whole batches of {BATCH}");
    assert_eq!(count(&reader, active_sql, cutoff).await, active, "active devices were touched");
    reader.close().await;

    let rerun = lts.ok(&["-o", "json", "devices", "unregister", "--inactive-for", "90d", "--yes"]);
    assert_eq!(rerun["removed"].as_i64(), Some(left), "{rerun}");
    let reader = pool(&db).await;
    assert_eq!(count(&reader, inactive_sql, cutoff).await, 0);
    assert_eq!(count(&reader, active_sql, cutoff).await, active);
    reader.close().await;
    integrity_check(&db).await;
    eprintln!(
        "crash-safety: bulk unregister of {inactive} devices SIGKILLed after {removed} ({} batches, {left} left); rerun removed the rest",
        removed / BATCH
    );
}

/// The start-up sweep of a server, SIGKILLed between two of its batches: what it removed stays removed
/// (only lapsed seats), it recorded no run, and the next start's sweep removes the rest and records it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sweep_killed_between_batches_loses_nothing_and_the_next_finishes() {
    let lts = Env::with_issuer();
    let n = seed_devices() as i64;
    lts.ok(&["seed", "--devices", &n.to_string(), "--inactive-percent", "0"]);
    let db = db_path(&lts);
    let reader = pool(&db).await;
    // Four in five lapsed long ago: far more than the sweep's first batches.
    sqlx::query("UPDATE devices SET expires_at = 1 WHERE rowid % 5 <> 0")
        .execute(&reader)
        .await
        .expect("lapse");
    // Each deletion made slow (a pointless recursive count per row), so the sweep runs long enough on
    // any machine to be caught between two batches.
    sqlx::query(
        "CREATE TRIGGER test_slow_delete AFTER DELETE ON devices BEGIN
             SELECT COUNT(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c
                                   WHERE x < 3000) SELECT x FROM c);
         END",
    )
    .execute(&reader)
    .await
    .expect("slow trigger");
    let (lapsed_sql, live_sql) = (
        "SELECT COUNT(*) FROM devices WHERE expires_at <= ?",
        "SELECT COUNT(*) FROM devices WHERE expires_at > ?",
    );
    let now = chrono::Utc::now().timestamp();
    let (lapsed, live) =
        (count(&reader, lapsed_sql, now).await, count(&reader, live_sql, now).await);
    assert_eq!((lapsed, live), (n * 4 / 5, n / 5));
    let sweeps = "SELECT COUNT(*) FROM sweeps WHERE removed >= ?";

    let mut server = lts.here().env("LTSCTL_LOG", "ltsctl=debug").serve(&[]);
    // The first batch is committed once it is logged.
    let started = Instant::now();
    while !server.stderr_text().contains("sweep batch: ") {
        assert!(started.elapsed() < Duration::from_secs(60), "no batch within 60 s");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    // Freeze the server where it is (between two batches, or in one, which the kill then undoes),
    // check nothing was recorded, and kill it.
    let stopped = std::process::Command::new("kill")
        .args(["-STOP", &server.pid().to_string()])
        .status()
        .expect("kill -STOP");
    assert!(stopped.success());
    assert_eq!(count(&reader, sweeps, 0).await, 0, "the sweep finished before it could be stopped");
    server.kill();
    let logged = server.stderr_text().matches("sweep batch: ").count();
    let left = count(&reader, lapsed_sql, now).await;
    assert!(0 < left && left < lapsed, "{left} of {lapsed} lapsed seats left");
    assert_eq!(count(&reader, live_sql, now).await, live, "live seats were touched");
    assert_eq!(count(&reader, sweeps, 0).await, 0, "a run was recorded");
    sqlx::query("DROP TRIGGER test_slow_delete").execute(&reader).await.expect("drop trigger");
    reader.close().await;
    integrity_check(&db).await;

    let mut server = lts.serve(&[]);
    let reader = pool(&db).await;
    let started = Instant::now();
    while count(&reader, sweeps, 0).await == 0 {
        assert!(started.elapsed() < Duration::from_secs(60), "no sweep within 60 s");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let exactly = "SELECT COUNT(*) FROM sweeps WHERE removed = ?";
    assert_eq!(count(&reader, sweeps, 0).await, 1);
    assert_eq!(count(&reader, exactly, left).await, 1, "one run removed the rest");
    assert_eq!(count(&reader, lapsed_sql, now).await, 0);
    assert_eq!(count(&reader, live_sql, now).await, live);
    reader.close().await;
    server.terminate();
    integrity_check(&db).await;
    eprintln!(
        "crash-safety: start-up sweep of {lapsed} lapsed seats SIGKILLed after {} ({logged} batches \
         logged); the next start's sweep removed the other {left} as one run",
        lapsed - left
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bulk_import_killed_midway_leaves_every_file_whole_or_absent() {
    const FILES: usize = 120;
    const ITEMS: usize = 3;
    let lts = Env::with_issuer();
    let key = IssuerKey::from_pkcs8_pem(
        &std::fs::read_to_string(lts.work.join("issuer.pem")).expect("key"),
    )
    .expect("issuer key");
    let at = now_secs();
    let mut files = Vec::new();
    for f in 0..FILES {
        let id = format!("LIC-BULK-{f:04}");
        let items: Vec<Item> =
            (0..ITEMS).map(|i| Item::per_device(&format!("{id}-{i}"), 10 + i as i64, at)).collect();
        let name = format!("bulk-{f:04}.lic");
        std::fs::write(lts.work.join(&name), sign(&document(&id, &items), &key)).expect("write");
        files.push(name);
    }
    let mut args: Vec<&str> = vec!["license", "import", "--handshake", CODE, "--create"];
    args.extend(files.iter().map(String::as_str));
    // The code exists first, so that a kill cannot land between its creation and the first import.
    lts.ok(&["handshake", "create", CODE]);

    let db = db_path(&lts);
    let reader = pool(&db).await;
    let mut child =
        lts.cmd().args(&args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("import");
    let started = Instant::now();
    loop {
        let imported: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM licenses")
            .fetch_one(&reader)
            .await
            .expect("count licenses");
        if imported >= 3 {
            break;
        }
        assert!(
            child.try_wait().expect("try_wait").is_none(),
            "import finished before it could be killed"
        );
        assert!(started.elapsed() < Duration::from_secs(60), "nothing imported within 60 s");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("wait");
    reader.close().await;
    integrity_check(&db).await;

    let check = |expect_all: bool| {
        let licenses = lts.ok(&["-o", "json", "license", "list"]);
        let licenses = licenses.as_array().expect("license list").clone();
        for l in &licenses {
            let items = l["items"].as_array().expect("items");
            assert_eq!(items.len(), ITEMS, "license {} is partial: {l}", l["id"]);
        }
        let code = lts.handshake(CODE);
        let bound = code["items"].as_array().expect("bound items").len();
        assert_eq!(bound, licenses.len() * ITEMS, "items imported but not bound (or the reverse)");
        if expect_all {
            assert_eq!(licenses.len(), FILES);
        }
        licenses.len()
    };
    let survived = check(false);
    assert!(survived < FILES, "every file was imported before the kill");
    let summary = lts.ok(&args);
    assert_eq!(summary["failed"].as_u64(), Some(0), "{summary}");
    assert_eq!(summary["unchanged"].as_u64(), Some(survived as u64), "{summary}");
    check(true);
    integrity_check(&db).await;
    eprintln!(
        "crash-safety: bulk import of {FILES} files SIGKILLed after {survived}; each whole, the rerun imported the rest"
    );
}

/// One round: a fresh store, a per-device item with 10 seats and no overuse, 100 new devices at once.
async fn quota_round(round: usize, t0: chrono::DateTime<chrono::Utc>) {
    let lts = InProc::start(t0).await;
    let item = Item::per_device("LIC-QUOTA-A", 10, t0);
    lts.import(CODE, "LIC-QUOTA", &[item]).await;
    // Per-device items tolerate 10% overuse by default: none here, so the limit is exactly 10.
    let exact = HandshakeChanges { overuse_percent: Some(0), ..Default::default() };
    lts.admin.handshake_set(CODE, exact).await.expect("overuse 0");
    let tasks: Vec<_> = (0..100)
        .map(|i| {
            let api = lts.api.clone();
            let uuid = format!("r{round}-d{i}");
            tokio::spawn(async move { api.authorize(CODE, &uuid, PRODUCT, "mobile").await })
        })
        .collect();
    let mut seated = 0;
    for t in tasks {
        match t.await.expect("authorize task") {
            (200, _) => seated += 1,
            refused => assert_error(&refused, 403, "quota_exceeded"),
        }
    }
    assert_eq!(seated, 10, "round {round}");
    assert_eq!(lts.active_devices(CODE).await, 10, "round {round}");
    lts.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_new_devices_seat_exactly_the_quota() {
    let rounds: usize =
        std::env::var("LTSCTL_QUOTA_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(50);
    let (t0, started) = (now_secs(), Instant::now());
    // Three rounds at a time (each on its own store): most of a round is waiting for SQLite's lock.
    let mut running = tokio::task::JoinSet::new();
    for round in 0..rounds {
        if running.len() == 3 {
            running.join_next().await.expect("a round").expect("round");
        }
        running.spawn(quota_round(round, t0));
    }
    while let Some(done) = running.join_next().await {
        done.expect("round");
    }
    eprintln!(
        "crash-safety: {rounds} rounds of 100 concurrent new devices against a quota of 10 seated \
         exactly 10 ({:?})",
        started.elapsed()
    );
}
