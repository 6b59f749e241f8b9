//! One contract, two backends: every case below runs against the embedded SQLite store and, when
//! `LTSCTL_TEST_DATABASE_URL` points at a PostgreSQL server (see `.ci/postgres.sh`), against the PostgreSQL
//! store in a fresh database of its own. Errors are compared with their exact variant and message, listings
//! with their exact order, so the two backends stay interchangeable.
//!
//! The cases taking two stores open the same database twice: two `ltsctl serve` instances sharing it.
//!
//! The store conformance suite (`cargo test --test store`): the contract of the `Store` trait for both
//! backends, in these modules:
//! - `catalog`: meta, trusted keys and licenses.
//! - `checkouts`: offline check-outs (seats held until they end), check-in, first use.
//! - `codes`: handshake codes: items, order, settings, domains, deletion.
//! - `seats`: seating devices, units and concurrent windows, usage.
//! - `sweeps`: sweeps in batches, one at a time; counts with lapsed seats not swept yet.
//! - `fleet`: devices at scale (listing, views, unregistering, usage statistics), tokens, the audit log.
//! - `hot_path`: the per-item seat counter and the config generation the device path relies on.
//! - `races`: two instances on one database, racing.
//! - `ui_sessions`: the dashboard's sessions, with their token's state.
//! - `upgrades`: schema migrations of a store that holds data.
//! - `alerts`: alerts fired once with their deliveries, the outbox's leases, refusal counts.
//! - `rows`: building the rows and requests the cases use.
//!
//! `util` (the shared support module) gives it the throwaway PostgreSQL database.

#[path = "../util/mod.rs"]
mod util;

use std::future::Future;
use std::io::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ltsctl::store::{
    AuditRow, Counts, DeviceCursor, DeviceFilter, DeviceListing, DeviceRow, DeviceSort,
    DeviceState, DeviceUsage, HandshakePatch, HandshakeRow, ImportBinding, ImportResult, ItemRow,
    LicenseRow, PgStore, Room, SeatCandidate, SeatOutcome, SeatRefresh, SeatRequest, ServerStore,
    SqliteStore, Store, StoreError, SweepRecord, TokenRow, TrustedKeyRow, UiSessionFound,
    UiSessionRow, UsageBatch, UsageFilter, UsageGroup, UsageGrouping, UsageOutcome, UsageReportRow,
};
use sqlx::Connection;

mod alerts;
mod catalog;
mod checkouts;
mod codes;
mod fleet;
mod hot_path;
mod races;
mod rows;
mod seats;
mod sweeps;
mod ui_sessions;
mod upgrades;

use alerts::*;
use catalog::*;
use checkouts::*;
use codes::*;
use fleet::*;
use hot_path::*;
use races::*;
use rows::*;
use seats::*;
use sweeps::*;
use ui_sessions::*;

pub(crate) type S = Arc<dyn Store>;

/// 2023-11-14T22:13:20Z.
pub(crate) const T0: i64 = 1_700_000_000;
pub(crate) const DAY: i64 = 86_400;
pub(crate) const FAR: i64 = T0 + 365 * DAY;

// ---------------------------------------------------------------------------------------------------------
// Running a case on each backend

use util::pg::{PG_ENV, PgDb, with_database};

fn pg_url() -> Option<String> {
    static WARNED: AtomicBool = AtomicBool::new(false);
    let url = util::pg::test_database_url();
    if url.is_none() && !WARNED.swap(true, Ordering::SeqCst) {
        // Straight to the process's stderr: the test harness captures `eprintln!`.
        let _ = writeln!(
            std::io::stderr(),
            "PostgreSQL conformance tests skipped: {PG_ENV} is not set"
        );
    }
    url
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
    let b = SqliteStore::open(dir.path()).await.expect("open sqlite again");
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
        case_seat_bursts_keep_every_limit,
        case_a_failing_seat_fails_alone,
        case_checkout_holds_its_seat,
        case_checkout_refuses_unregistering_without_force,
        case_checkout_holds_a_concurrent_window,
        case_first_use_starts_the_removal_clock,
        case_leaving_first_use_starts_unused_clocks,
        case_record_usage,
        case_usage_totals_never_wrap,
        case_grants,
        case_sweep,
        case_sweep_in_batches,
        case_sweep_rounds_are_bounded,
        case_sweep_prunes_grants_in_batches,
        case_counts_without_unswept_seats,
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
        case_ui_sessions,
        case_alerts_fire_once_and_queue_in_one_transaction,
        case_outbox_leases_records_and_gives_up,
        case_refusal_counts_add_up,
    ],
    two: [
        case_shared_meta,
        case_concurrent_seats,
        case_concurrent_usage_window,
        case_concurrent_sweeps,
        case_concurrent_admin,
        case_seat_races_repeated,
        case_concurrent_evaluations_fire_once,
    ]
);

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL only

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
