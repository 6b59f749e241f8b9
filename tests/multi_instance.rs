//! Two real `ltsctl serve` processes on one PostgreSQL database: hammered with new devices against a small
//! quota, they seat exactly the quota between them, share one JWKS, and sweep once. Runs when
//! LTSCTL_TEST_DATABASE_URL is set (`.ci/postgres.sh` sets it), and says it was skipped otherwise.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use assert_cmd::cargo::cargo_bin;
use sqlx::Connection;

struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn ltsctl(db: &str, dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(cargo_bin("ltsctl"))
        .arg("--database")
        .arg(db)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LTSCTL_DATA_DIR")
        .env_remove("LTSCTL_SERVER")
        .output()
        .expect("run ltsctl")
}

fn ok(out: std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}

fn serve(db: &str) -> Server {
    let mut child = Command::new(cargo_bin("ltsctl"))
        .args([
            "--database",
            db,
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--rate-limit",
            "0",
        ])
        .env("LTSCTL_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start ltsctl serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .expect("listening line")
        .to_string();
    Server { child, url }
}

async fn fresh_database(base: &str) -> String {
    let name = format!("ltsctl_multi_{}", uuid::Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(base)
        .await
        .expect("connect to the test PostgreSQL");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .unwrap();
    let (head, _) = base.rsplit_once('/').unwrap();
    format!("{head}/{name}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_quota_keys_and_sweeps() {
    let Ok(base) = std::env::var("LTSCTL_TEST_DATABASE_URL") else {
        eprintln!("multi-instance test skipped: LTSCTL_TEST_DATABASE_URL is not set");
        return;
    };
    let _ = rustls::crypto::ring::default_provider().install_default();
    let db = fresh_database(&base).await;
    let dir = tempfile::tempdir().unwrap();
    let now = chrono::Utc::now();
    let t = |d: i64| {
        (now + chrono::Duration::days(d))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };
    std::fs::write(
        dir.path().join("doc.toml"),
        format!(
            "id = \"MULTI\"\nlicensee = \"Acme\"\nissued_at = {}\n\n[[items]]\nid = \"MULTI-A\"\nproduct = \"barcode-reader\"\n\
             option = \"per-device\"\nquota = 20\nactive_period = \"yearly\"\nvalid_from = {}\nexpires_at = {}\n",
            t(-1),
            t(-1),
            t(365)
        ),
    )
    .unwrap();
    ok(ltsctl(
        &db,
        dir.path(),
        &["issuer", "keygen", "--out", "k.pem"],
    ));
    ok(ltsctl(
        &db,
        dir.path(),
        &[
            "issuer", "sign", "doc.toml", "--key", "k.pem", "--out", "doc.lic",
        ],
    ));
    ok(ltsctl(&db, dir.path(), &["trust", "add", "k.pub.pem"]));
    ok(ltsctl(
        &db,
        dir.path(),
        &[
            "license",
            "import",
            "doc.lic",
            "--handshake",
            "multi-001",
            "--create",
        ],
    ));
    ok(ltsctl(
        &db,
        dir.path(),
        &["handshake", "set", "multi-001", "--overuse", "0"],
    ));

    let a = serve(&db);
    let mut pg = sqlx::PgConnection::connect(&db).await.unwrap();
    // The first instance's start-up sweep lands before the second starts, so the second skips its round.
    for _ in 0..100 {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sweeps")
            .fetch_one(&mut pg)
            .await
            .unwrap();
        if n > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let b = serve(&db);

    let client = reqwest::Client::new();
    let mut tasks = Vec::new();
    for i in 0..200 {
        let url = if i % 2 == 0 {
            a.url.clone()
        } else {
            b.url.clone()
        };
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let body = serde_json::json!({
                "handshake": "multi-001", "uuid": format!("dev-{i}"), "product": "barcode-reader", "platform": "desktop"
            });
            client.post(format!("{url}/v1/authorize")).json(&body).send().await.unwrap().status().as_u16()
        }));
    }
    let mut seated = 0;
    for t in tasks {
        match t.await.unwrap() {
            200 => seated += 1,
            403 => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(
        seated, 20,
        "two instances seat exactly the quota between them"
    );
    let show = ok(ltsctl(&db, dir.path(), &["handshake", "show", "multi-001"]));
    assert_eq!(show["active_devices"], 20);

    let jwks_a = client
        .get(format!("{}/v1/jwks", a.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let jwks_b = client
        .get(format!("{}/v1/jwks", b.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(jwks_a, jwks_b, "one token-signing key for every instance");

    let sweeps: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sweeps")
        .fetch_one(&mut pg)
        .await
        .unwrap();
    assert_eq!(
        sweeps, 1,
        "the start-up sweep ran once across both instances"
    );
    drop((a, b));
    pg.close().await.ok();
}
