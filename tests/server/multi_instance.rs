//! Two real `ltsctl serve` processes on one PostgreSQL database: hammered with new devices against a small
//! quota, they seat exactly the quota between them, share one JWKS, and sweep once. Runs when
//! LTSCTL_TEST_DATABASE_URL is set (`.ci/postgres.sh` sets it), and says it was skipped otherwise.

use sqlx::Connection;

use crate::util::pg::PgDb;
use crate::util::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_quota_keys_and_sweeps() {
    let Some(database) = PgDb::for_test("multi-instance test").await else {
        return;
    };
    let db = database.url.clone();
    let env = Env::new();
    let target = Target::database(&db);
    let ltsctl = env.on(&target);
    let items = [Item::per_device("MULTI-A", 20, now_secs())];
    ltsctl.issue_and_import("multi-001", "MULTI", &items);
    ltsctl.ok(&["handshake", "set", "multi-001", "--overuse", "0"]);

    let a = ltsctl.serve(&["--rate-limit", "0"]);
    let mut pg = sqlx::PgConnection::connect(&db).await.unwrap();
    // The first instance's start-up sweep lands before the second starts, so the second skips its round.
    for _ in 0..100 {
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM sweeps").fetch_one(&mut pg).await.unwrap();
        if n > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let b = ltsctl.serve(&["--rate-limit", "0"]);

    let client = reqwest::Client::new();
    let mut tasks = Vec::new();
    for i in 0..200 {
        let url = if i % 2 == 0 { a.url.clone() } else { b.url.clone() };
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
    assert_eq!(seated, 20, "two instances seat exactly the quota between them");
    let show = ltsctl.ok(&["handshake", "show", "multi-001"]);
    assert_eq!(show["active_devices"], 20);

    let jwks_a =
        client.get(format!("{}/v1/jwks", a.url)).send().await.unwrap().text().await.unwrap();
    let jwks_b =
        client.get(format!("{}/v1/jwks", b.url)).send().await.unwrap().text().await.unwrap();
    assert_eq!(jwks_a, jwks_b, "one token-signing key for every instance");

    let sweeps: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sweeps").fetch_one(&mut pg).await.unwrap();
    assert_eq!(sweeps, 1, "the start-up sweep ran once across both instances");
    drop((a, b));
    pg.close().await.ok();
    database.drop_db().await;
}
