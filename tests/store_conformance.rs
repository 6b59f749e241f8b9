//! One contract, two backends: every case below runs against the embedded SQLite store and, when
//! `LTSCTL_TEST_DATABASE_URL` points at a PostgreSQL server (see `.ci/postgres.sh`), against the PostgreSQL
//! store in a fresh database of its own. Errors are compared with their exact variant and message, listings
//! with their exact order, so the two backends stay interchangeable.
//!
//! The cases taking two stores open the same database twice: two `ltsctl serve` instances sharing it.

use std::future::Future;
use std::io::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ltsctl::store::{
    AuditRow, Counts, DeviceCursor, DeviceFilter, DeviceRow, DeviceSort, DeviceState, DeviceUsage,
    HandshakePatch, HandshakeRow, ImportBinding, ImportResult, ItemRow, LicenseRow, PgStore, Room,
    SeatCandidate, SeatOutcome, SeatRefresh, SeatRequest, ServerStore, SqliteStore, Store,
    StoreError, SweepRecord, TokenRow, TrustedKeyRow, UsageBatch, UsageFilter, UsageGroup,
    UsageGrouping, UsageOutcome, UsageReportRow,
};
use sqlx::Connection;

#[path = "store_conformance/catalog.rs"]
mod catalog;
#[path = "store_conformance/codes.rs"]
mod codes;
#[path = "store_conformance/fleet.rs"]
mod fleet;
#[path = "store_conformance/hot_path.rs"]
mod hot_path;
#[path = "store_conformance/races.rs"]
mod races;
#[path = "store_conformance/rows.rs"]
mod rows;
#[path = "store_conformance/seats.rs"]
mod seats;
#[path = "store_conformance/upgrades.rs"]
mod upgrades;

use catalog::*;
use codes::*;
use fleet::*;
use hot_path::*;
use races::*;
use rows::*;
use seats::*;

pub(crate) type S = Arc<dyn Store>;

/// 2023-11-14T22:13:20Z.
pub(crate) const T0: i64 = 1_700_000_000;
pub(crate) const DAY: i64 = 86_400;
pub(crate) const FAR: i64 = T0 + 365 * DAY;

// ---------------------------------------------------------------------------------------------------------
// Running a case on each backend

const PG_ENV: &str = "LTSCTL_TEST_DATABASE_URL";

fn pg_url() -> Option<String> {
    static WARNED: AtomicBool = AtomicBool::new(false);
    match std::env::var(PG_ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            if !WARNED.swap(true, Ordering::SeqCst) {
                // Straight to the process's stderr: the test harness captures `eprintln!`.
                let _ = writeln!(
                    std::io::stderr(),
                    "PostgreSQL conformance tests skipped: {PG_ENV} is not set"
                );
            }
            None
        }
    }
}

/// `url` with its database name replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{db}", &base[..path_start]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A database of its own for one test, dropped afterwards (whether the test passed or not).
struct PgDb {
    admin_url: String,
    name: String,
    url: String,
}

impl PgDb {
    async fn create(admin_url: &str) -> PgDb {
        let name = format!("ltsctl_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(admin_url)
            .await
            .unwrap_or_else(|e| panic!("connecting to {PG_ENV}: {e}"));
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "CREATE DATABASE {name} TEMPLATE template0"
        )))
        .execute(&mut conn)
        .await
        .expect("CREATE DATABASE");
        let _ = conn.close().await;
        let url = with_database(admin_url, &name);
        PgDb {
            admin_url: admin_url.to_string(),
            name,
            url,
        }
    }

    /// Drops the database. A leftover database is no failure of the store: after a few tries (an
    /// autovacuum worker in it makes `WITH (FORCE)` fail for a role without pg_signal_backend) it is
    /// reported and left.
    async fn drop_db(self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let mut last = String::new();
        for _ in 0..20 {
            let done = async {
                let mut conn = sqlx::PgConnection::connect(&self.admin_url).await?;
                sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                    .execute(&mut conn)
                    .await?;
                conn.close().await
            };
            match done.await {
                Ok(()) => return,
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        let _ = writeln!(
            std::io::stderr(),
            "warning: could not drop test database {}: {last}",
            self.name
        );
    }
}

async fn run_sqlite<F, Fut>(case: F)
where
    F: FnOnce(S) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(dir.path()).await.expect("open sqlite");
    case(Arc::new(store)).await;
}

async fn run_sqlite2<F, Fut>(case: F)
where
    F: FnOnce(S, S) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().expect("temp dir");
    let a = SqliteStore::open(dir.path()).await.expect("open sqlite");
    let b = SqliteStore::open(dir.path())
        .await
        .expect("open sqlite again");
    case(Arc::new(a), Arc::new(b)).await;
}

/// Runs the case in a task so that a failing case still drops its database, then fails the test.
async fn finish_pg(
    result: Result<(), tokio::task::JoinError>,
    stores: Vec<Arc<PgStore>>,
    db: PgDb,
) {
    for s in stores {
        s.close().await;
    }
    db.drop_db().await;
    if let Err(e) = result {
        std::panic::resume_unwind(e.into_panic());
    }
}

async fn run_pg<F, Fut>(case: F)
where
    F: FnOnce(S) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some(url) = pg_url() else { return };
    let db = PgDb::create(&url).await;
    let store = Arc::new(PgStore::connect(&db.url).await.expect("connect"));
    let result = tokio::spawn(case(store.clone())).await;
    finish_pg(result, vec![store], db).await;
}

async fn run_pg2<F, Fut>(case: F)
where
    F: FnOnce(S, S) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some(url) = pg_url() else { return };
    let db = PgDb::create(&url).await;
    let a = Arc::new(PgStore::connect(&db.url).await.expect("connect"));
    let b = Arc::new(PgStore::connect(&db.url).await.expect("connect again"));
    let result = tokio::spawn(case(a.clone(), b.clone())).await;
    finish_pg(result, vec![a, b], db).await;
}

/// One `#[tokio::test]` per case and backend: `sqlite::case_x` and `postgres::case_x`.
macro_rules! conformance {
    (one: [$($one:ident),* $(,)?], two: [$($two:ident),* $(,)?]) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $one() {
                    super::run_sqlite(super::$one).await
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $two() {
                    super::run_sqlite2(super::$two).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $one() {
                    super::run_pg(super::$one).await
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $two() {
                    super::run_pg2(super::$two).await
                }
            )*
        }
    };
}

conformance!(
    one: [
        case_meta,
        case_trust,
        case_license_import,
        case_import_binding,
        case_license_remove,
        case_ledger_outlives_the_license,
        case_replace_license,
        case_handshake_codes,
        case_handshake_items,
        case_handshake_order_by_expiry,
        case_handshake_update_and_domains,
        case_handshake_delete,
        case_seat_devices,
        case_seat_units,
        case_seat_concurrent,
        case_seat_moves,
        case_record_usage,
        case_usage_totals_never_wrap,
        case_grants,
        case_sweep,
        case_has_concurrent_items,
        case_insert_devices,
        case_list_devices,
        case_device_views,
        case_unregister,
        case_usage_groups,
        case_tokens,
        case_audit,
        case_seat_counter,
        case_config_generation,
        case_fresh_seat_is_not_rewritten,
        case_failing_batch_rolls_back_alone,
    ],
    two: [
        case_shared_meta,
        case_concurrent_seats,
        case_concurrent_usage_window,
        case_concurrent_sweeps,
        case_concurrent_admin,
        case_seat_races_repeated,
    ]
);

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL only

/// Must match the key in src/store/postgres/devices.rs.
const SWEEP_LOCK: i64 = 0x6c74_7353_5745_4550;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_only_sweep_skips_while_another_instance_sweeps() {
    let Some(url) = pg_url() else { return };
    let db = PgDb::create(&url).await;
    let store = Arc::new(PgStore::connect(&db.url).await.expect("connect"));
    let db_url = db.url.clone();
    let s: S = store.clone();
    let result = tokio::spawn(async move {
        import(&s, "L1", &[("I1", "per-device", FAR)]).await;
        code(&s, "APP", &["I1"]).await;
        seat(
            &s,
            "APP",
            "d1",
            T0,
            vec![cand("I1", Room::Devices(5), T0 + 10)],
        )
        .await;
        // Another instance's sweeper, as far as the lock is concerned.
        let mut other = sqlx::PgConnection::connect(&db_url).await.unwrap();
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(SWEEP_LOCK)
            .execute(&mut other)
            .await
            .unwrap();
        let rec = s.sweep(T0 + 100, "timer").await.unwrap();
        assert_eq!(
            rec,
            SweepRecord {
                started_at: T0 + 100,
                finished_at: T0 + 100,
                removed: 0,
                trigger: "timer:skipped".into(),
            }
        );
        assert_eq!(
            s.last_sweep().await.unwrap(),
            None,
            "a skipped run is not recorded"
        );
        assert!(s.get_seat("APP", "d1").await.unwrap().is_some());
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(SWEEP_LOCK)
            .execute(&mut other)
            .await
            .unwrap();
        let rec = s.sweep(T0 + 100, "timer").await.unwrap();
        assert_eq!((rec.removed, rec.trigger.as_str()), (1, "timer"));
        assert_eq!(s.last_sweep().await.unwrap(), Some(rec));
    })
    .await;
    finish_pg(result, vec![store], db).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_only_location_hides_the_password() {
    let Some(url) = pg_url() else { return };
    let db = PgDb::create(&url).await;
    let store = Arc::new(PgStore::connect(&db.url).await.expect("connect"));
    let location = store.location();
    assert!(location.contains(&db.name), "{location}");
    if let Some(rest) = db.url.split_once("://").map(|(_, r)| r)
        && let Some((userinfo, _)) = rest.split_once('@')
        && let Some((_, password)) = userinfo.split_once(':')
        && !password.is_empty()
    {
        assert!(!location.contains(password), "{location}");
        assert!(location.contains(":***@"), "{location}");
    }
    finish_pg(Ok(()), vec![store], db).await;
}

#[test]
fn with_database_replaces_only_the_path() {
    assert_eq!(
        with_database("postgres://u:p@h:5432/base?sslmode=disable", "t1"),
        "postgres://u:p@h:5432/t1?sslmode=disable"
    );
    assert_eq!(with_database("postgres://h", "t1"), "postgres://h/t1");
}
