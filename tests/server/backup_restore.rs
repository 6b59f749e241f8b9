//! Issue "Reliability and security": backup and restore. A backup taken while the server is under load
//! restores into a fresh data dir, passes the integrity check and holds every write acknowledged before the
//! backup started; garbage, corrupt, foreign and too-new files are refused (exit 2) without touching the
//! store; `restore` needs `--yes` without a terminal (exit 10); `backup` never overwrites without `--force`
//! and writes exactly where asked. The admin API's license import takes contents, and its `file_name` is a
//! label, never a path.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::util::sqlite::{integrity_check, new_pool, pool};
use crate::util::*;
use serde_json::{Value, json};

/// `ltsctl --data-dir DIR ARGS` from `cwd`, in `env`'s clean environment, stdin closed (no terminal).
fn ltsctl(env: &Env, dir: &Path, cwd: &Path, args: &[&str]) -> Out {
    env.on(&Target::local(dir)).in_dir(cwd).run(args)
}

/// Asserts the exit code of `what`: its stderr.
#[track_caller]
fn code(out: &Out, expected: i32, what: &str) -> String {
    expect_code(out, expected, &[what]);
    out.stderr.clone()
}

/// Writes acknowledged by the server, each with when its answer arrived.
#[derive(Default)]
struct Acks {
    devices: Vec<(Instant, String)>,
    reports: Vec<(Instant, String)>,
}

async fn load(
    base: String,
    task: usize,
    stop: Arc<std::sync::atomic::AtomicBool>,
    acks: Arc<Mutex<Acks>>,
) {
    let api = Api::new(base);
    let at = rfc3339(now_secs());
    let mut i = 0;
    while !stop.load(std::sync::atomic::Ordering::SeqCst) && i < 5000 {
        let uuid = format!("load-{task}-{i}");
        ok(api.authorize(CODE, &uuid, PRODUCT, "server").await);
        acks.lock().unwrap().devices.push((Instant::now(), uuid.clone()));
        let id = format!("rep-{task}-{i}");
        let body =
            ok(api.usage(CODE, &uuid, vec![json!({"id": id, "at": at, "scans": {"QR": 2}})]).await);
        assert_eq!(body["accepted"], 1);
        acks.lock().unwrap().reports.push((Instant::now(), id));
        i += 1;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_load_restores_with_every_earlier_write() {
    let at = now_secs();
    let lts = Env::with_items(&[Item::per_device("LIC-BACKUP-A", 1_000_000, at)]);
    let server = lts.serve(&["--rate-limit", "0"]);
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let acks = Arc::new(Mutex::new(Acks::default()));
    let tasks: Vec<_> = (0..4)
        .map(|t| tokio::spawn(load(server.url.clone(), t, stop.clone(), acks.clone())))
        .collect();
    tokio::time::sleep(Duration::from_millis(600)).await;
    let file = lts.work.join("under-load.db");
    let started = Instant::now();
    // On this worker thread, while the others carry the load.
    let out = tokio::task::block_in_place(|| {
        let args = ["-o", "json", "backup", file.to_str().unwrap()];
        ltsctl(&lts, &lts.data, &lts.work, &args)
    });
    let took = started.elapsed();
    code(&out, 0, "backup under load");
    // Writers carried on during the backup.
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for t in tasks {
        t.await.expect("load task");
    }
    let acks = std::mem::take(&mut *acks.lock().unwrap());
    let before = |v: &[(Instant, String)]| -> BTreeSet<String> {
        v.iter().filter(|(t, _)| *t < started).map(|(_, u)| u.clone()).collect()
    };
    let (devices_before, reports_before) = (before(&acks.devices), before(&acks.reports));
    let during = acks.devices.iter().filter(|(t, _)| *t >= started && *t <= started + took).count();
    assert!(
        devices_before.len() >= 10,
        "too little load before the backup: {}",
        devices_before.len()
    );
    assert_eq!(out.json()["lts_id"], server.api().lts_id().await, "backup JSON names the instance");
    integrity_check(&file).await;

    // Restore into a fresh data dir.
    let fresh = lts.work.join("fresh");
    let out = ltsctl(
        &lts,
        &fresh,
        &lts.work,
        &["-o", "json", "restore", file.to_str().unwrap(), "--yes"],
    );
    code(&out, 0, "restore into a fresh dir");
    let restored_db = fresh.join("ltsctl.db");
    integrity_check(&restored_db).await;
    let p = pool(&restored_db).await;
    let uuids: BTreeSet<String> = sqlx::query_scalar("SELECT uuid FROM devices")
        .fetch_all(&p)
        .await
        .expect("devices")
        .into_iter()
        .collect();
    let reports: BTreeSet<String> = sqlx::query_scalar("SELECT id FROM usage_reports")
        .fetch_all(&p)
        .await
        .expect("reports")
        .into_iter()
        .collect();
    p.close().await;
    let lost: Vec<_> = devices_before.difference(&uuids).collect();
    assert!(lost.is_empty(), "devices acknowledged before the backup are missing: {lost:?}");
    let lost: Vec<_> = reports_before.difference(&reports).collect();
    assert!(lost.is_empty(), "reports acknowledged before the backup are missing: {lost:?}");
    // The restored store works: same instance, and the CLI reads it.
    let status = ltsctl(&lts, &fresh, &lts.work, &["-o", "json", "status"]).json();
    assert_eq!(status["lts_id"], server.api().lts_id().await);
    let listed = ltsctl(&lts, &fresh, &lts.work, &["-o", "json", "devices", "list"]).json();
    assert_eq!(listed.as_array().map(Vec::len), Some(uuids.len()));
    eprintln!(
        "backup-restore: backup under load took {took:?} ({during} authorizations acknowledged meanwhile); \
         {} devices and {} reports acknowledged before it are all in the restored store",
        devices_before.len(),
        reports_before.len()
    );
}

/// A data dir with some content, and a snapshot of its database bytes.
struct Live {
    lts: Env,
}

impl Live {
    fn new() -> Live {
        let at = now_secs();
        let lts = Env::with_items(&[Item::per_device("LIC-LIVE-A", 10, at)]);
        Live { lts }
    }

    /// The database's bytes after a full checkpoint, so that the comparison covers the WAL too.
    async fn db_bytes(&self) -> Vec<u8> {
        let db = self.lts.data.join("ltsctl.db");
        let p = pool(&db).await;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&p).await.expect("checkpoint");
        p.close().await;
        std::fs::read(&db).expect("db")
    }

    fn run(&self, args: &[&str]) -> Out {
        ltsctl(&self.lts, &self.lts.data, &self.lts.work, args)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.lts.work.join(name)
    }

    fn backup(&self, name: &str) -> PathBuf {
        let file = self.path(name);
        code(&self.run(&["backup", file.to_str().unwrap()]), 0, "backup");
        file
    }

    /// Restoring `file` is refused with `exit` and leaves the live store byte for byte as it was.
    async fn refuses(&self, file: &Path, exit: i32, what: &str) -> String {
        let before = self.db_bytes().await;
        let status_before = self.run(&["-o", "json", "status"]).json();
        let err = code(&self.run(&["restore", file.to_str().unwrap(), "--yes"]), exit, what);
        assert!(err.contains("ltsctl: error:"), "{what}: {err}");
        assert!(self.db_bytes().await == before, "{what}: the live store changed");
        assert_eq!(self.run(&["-o", "json", "status"]).json()["lts_id"], status_before["lts_id"]);
        assert!(
            !self.lts.data.join("ltsctl.db.restoring").exists(),
            "{what}: a staged copy was left behind"
        );
        err
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_backups_are_refused_and_change_nothing() {
    let live = Live::new();
    let good = live.backup("good.db");
    let good_bytes = std::fs::read(&good).expect("good");
    let write = |name: &str, bytes: &[u8]| {
        let p = live.path(name);
        std::fs::write(&p, bytes).expect("write");
        p
    };
    let mut n = 0;
    for (name, bytes) in [
        ("garbage.db", b"this is not a database at all\n".repeat(100)),
        (
            "random.db",
            (0..65_536u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(),
        ),
        ("truncated.db", good_bytes[..good_bytes.len() / 2].to_vec()),
        ("header-only.db", good_bytes[..100].to_vec()),
        ("empty.db", Vec::new()),
    ] {
        live.refuses(&write(name, &bytes), 2, name).await;
        n += 1;
    }
    // Corrupt b-tree pages: every page after the first has its header bytes overwritten.
    let page = u16::from_be_bytes([good_bytes[16], good_bytes[17]]) as usize;
    let page = if page == 1 { 65_536 } else { page };
    let mut corrupt = good_bytes.clone();
    for start in (page..corrupt.len()).step_by(page) {
        corrupt[start..start + 8]
            .copy_from_slice(&[0x0d, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    }
    live.refuses(&write("corrupt.db", &corrupt), 2, "corrupt pages").await;
    n += 1;

    // A valid SQLite file that is not an ltsctl store, and stores this ltsctl cannot read.
    let foreign = live.path("foreign.db");
    let p = new_pool(&foreign).await;
    sqlx::query("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        .execute(&p)
        .await
        .expect("create");
    sqlx::query("INSERT INTO notes (body) VALUES ('hello')").execute(&p).await.expect("insert");
    p.close().await;
    live.refuses(&foreign, 2, "a non-ltsctl SQLite file").await;
    let edited = |name: &str, sql: &'static str| {
        let path = live.path(name);
        std::fs::copy(&good, &path).expect("copy");
        async move {
            let p = pool(&path).await;
            sqlx::query(sql).execute(&p).await.expect(sql);
            p.close().await;
            path
        }
    };
    let newer = edited(
        "newer.db",
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) \
         VALUES (999999, 'from the future', CURRENT_TIMESTAMP, 1, x'00', 0)",
    )
    .await;
    let err = live.refuses(&newer, 2, "a newer schema").await;
    assert!(err.contains("newer"), "{err}");
    let anonymous = edited("anonymous.db", "DELETE FROM meta WHERE key = 'lts_id'").await;
    live.refuses(&anonymous, 2, "no lts_id").await;
    n += 3;
    // A missing file is "not found".
    live.refuses(&live.path("no-such.db"), 3, "a missing file").await;
    // The good backup is still accepted.
    code(&live.run(&["restore", good.to_str().unwrap(), "--yes"]), 0, "good backup");
    integrity_check(&live.lts.data.join("ltsctl.db")).await;
    eprintln!("backup-restore: {} bad backups refused, the live store untouched", n + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_without_yes_and_without_a_terminal_is_exit_10() {
    let live = Live::new();
    let file = live.backup("b.db");
    // Something changes after the backup, so a restore would be visible.
    live.lts.ok(&["handshake", "create", "after-backup-1"]);
    let before = live.db_bytes().await;
    let err = code(&live.run(&["restore", file.to_str().unwrap()]), 10, "restore without --yes");
    assert!(err.contains("--yes"), "{err}");
    assert!(live.db_bytes().await == before, "the live store changed");
    assert!(
        live.lts.ok(&["-o", "json", "handshake", "list"]).to_string().contains("after-backup-1")
    );
    // With --yes it goes through and the later change is gone.
    code(&live.run(&["restore", file.to_str().unwrap(), "--yes"]), 0, "restore --yes");
    assert!(
        !live.lts.ok(&["-o", "json", "handshake", "list"]).to_string().contains("after-backup-1")
    );
}

/// `restore` (and `migrate --from`) while `ltsctl serve` has the store open would replace the file under
/// the server, which would go on writing to the deleted one: authorizations answered 200 afterwards would
/// be lost. Both refuse while any process holds the data dir, and work once it is stopped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_and_migrate_refuse_while_the_server_runs() {
    let live = Live::new();
    let file = live.backup("b.db");
    let mut server = live.lts.serve(&["--rate-limit", "0"]);
    let api = server.api();
    ok(api.authorize(CODE, "after-backup", PRODUCT, "desktop").await);
    let err =
        code(&live.run(&["restore", file.to_str().unwrap(), "--yes"]), 4, "restore while serving");
    assert!(err.contains("in use by another process") && err.contains("stop it first"), "{err}");
    let err = code(
        &live.run(&[
            "migrate",
            "--from",
            live.lts.data.to_str().unwrap(),
            "--to",
            "postgres://nobody@127.0.0.1:1/none",
        ]),
        4,
        "migrate --from a live data dir",
    );
    assert!(err.contains("in use by another process"), "{err}");
    // Nothing was replaced: the server's acknowledged writes are all there, before and after it stops.
    ok(api.authorize(CODE, "during-refusals", PRODUCT, "desktop").await);
    server.terminate();
    let devices = live.lts.ok(&["-o", "json", "devices", "list"]).to_string();
    assert!(devices.contains("after-backup") && devices.contains("during-refusals"), "{devices}");
    // Stopped: the restore goes through (and takes the store back to the backup).
    code(&live.run(&["restore", file.to_str().unwrap(), "--yes"]), 0, "restore once stopped");
    let devices = live.lts.ok(&["-o", "json", "devices", "list"]).to_string();
    assert!(!devices.contains("after-backup"), "{devices}");
}

#[test]
fn backup_never_overwrites_without_force() {
    let live = Live::new();
    let file = live.path("existing.db");
    std::fs::write(&file, b"precious").expect("write");
    let err =
        code(&live.run(&["backup", file.to_str().unwrap()]), 4, "backup onto an existing file");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&file).expect("read"), b"precious");
    code(&live.run(&["backup", file.to_str().unwrap(), "--force"]), 0, "backup --force");
    let bytes = std::fs::read(&file).expect("read");
    assert!(bytes.starts_with(b"SQLite format 3\0"), "--force wrote a database");
    // And that file restores.
    let fresh = live.path("fresh");
    code(
        &ltsctl(&live.lts, &fresh, &live.lts.work, &["restore", file.to_str().unwrap(), "--yes"]),
        0,
        "restore",
    );
}

#[test]
fn backup_writes_exactly_where_asked() {
    let live = Live::new();
    let work = live.path("work");
    std::fs::create_dir_all(work.join("deeper")).expect("dirs");
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(&live.lts.work)
            .expect("root")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    // Relative to the working dir, `..` included; nothing is written anywhere else.
    let out = ltsctl(&live.lts, &live.lts.data, &work.join("deeper"), &["backup", "../../x.db"]);
    code(&out, 0, "backup ../../x.db");
    let mut expected = before.clone();
    expected.push("x.db".into());
    expected.sort();
    assert_eq!(listing(), expected);
    assert!(std::fs::read_dir(work.join("deeper")).expect("deeper").next().is_none());
    // An absolute path, and a directory that does not exist (refused, nothing created).
    let abs = live.path("abs.db");
    code(&live.run(&["backup", abs.to_str().unwrap()]), 0, "absolute backup");
    assert!(abs.is_file());
    let missing = live.path("no-such-dir/x.db");
    let out = live.run(&["backup", missing.to_str().unwrap()]);
    // Not found (3), naming the directory, with how to fix it; no SQLite or OS text.
    let err = code(&out, 3, "a backup into a missing directory");
    let dir = live.path("no-such-dir");
    assert!(err.contains(&format!("directory {} does not exist", dir.display())), "{err}");
    assert!(err.contains("hint:") && err.contains("mkdir -p"), "{err}");
    assert!(!err.contains("database") && !err.contains("os error"), "{err}");
    assert!(!dir.exists());
    // A file where the directory should be: a usage error.
    let file = live.path("a-file");
    std::fs::write(&file, b"x").expect("write");
    let out = live.run(&["backup", file.join("x.db").to_str().unwrap()]);
    let err = code(&out, 2, "a backup under a file");
    assert!(err.contains("is a file, not a directory"), "{err}");
}

/// Every file under `dir` except the store's own (which change by design) and server logs.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("ltsctl.db") || name.starts_with("serve-") {
            continue;
        }
        if entry.path().is_dir() {
            let inner = files_under(&entry.path()).into_iter();
            out.extend(inner.map(|n| format!("{name}/{n}")));
        }
        out.push(name);
    }
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_file_names_are_labels_not_paths() {
    let live = Live::new();
    let created = live.lts.ok(&["-o", "json", "token", "create", "paths", "--role", "admin"]);
    let token = created["token"].as_str().expect("token").to_string();
    let server = live.lts.serve(&[]);
    let api = server.api();
    let pem = std::fs::read_to_string(live.path("issuer.pem")).expect("key");
    let key = ltsctl::license::IssuerKey::from_pkcs8_pem(&pem).expect("issuer key");
    let before = files_under(&live.lts.root);
    let names =
        ["../../etc/passwd", "../up.lic", "/tmp/absolute.lic", "..\\..\\w.lic", "a/../../b"];
    for (i, name) in names.iter().enumerate() {
        let id = format!("LIC-PATH-{i}");
        let item = Item::per_device(&format!("{id}-A"), 5, now_secs());
        let body = json!({"file_name": name, "contents": sign(&document(&id, &[item]), &key)});
        let req = api.client.post(api.url("/v1/admin/licenses")).bearer_auth(&token);
        let resp = req.json(&body).send().await.expect("import");
        assert_eq!(resp.status().as_u16(), 200);
        let report: Value = resp.json().await.expect("report");
        assert_eq!(report["file"].as_str(), Some(*name), "only a label: {report}");
    }
    assert!(!Path::new("/tmp/absolute.lic").exists());
    assert_eq!(files_under(&live.lts.root), before, "an import wrote a file");
}
