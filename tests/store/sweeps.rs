//! Sweeps and the counts that wait for them: a sweep removes lapsed seats in short transactions and
//! records them as one run, one sweep at a time; `status` and the item states count live seats exactly
//! whether or not the sweeper has removed the lapsed ones yet.

use ltsctl::domain::batches::Pace;
use ltsctl::store::SweepBatches;

use super::*;

/// Transactions of `n` rows, with room for many of them.
pub(crate) fn batches_of(n: u32) -> SweepBatches {
    SweepBatches { pace: Pace::fixed(n), rounds: 1_000 }
}

/// `n` devices through `code` on `item`, named `{prefix}{i}`, each lapsing at `exp`.
pub(crate) fn devices(code: &str, item: &str, prefix: &str, n: usize, exp: i64) -> Vec<DeviceRow> {
    (0..n).map(|i| device(code, &format!("{prefix}{i:03}"), item, T0, T0, exp)).collect()
}

async fn uuids_on(s: &S, item: &str) -> Vec<String> {
    let filter = DeviceFilter { item: Some(item.into()), ..DeviceFilter::default() };
    let mut got: Vec<String> = s
        .list_devices(DeviceListing {
            filter: &filter,
            sort: DeviceSort::Uuid,
            after: None,
            limit: -1,
        })
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.uuid)
        .collect();
    got.sort();
    got
}

pub(crate) async fn case_sweep(s: S) {
    assert_eq!(s.last_sweep().await.unwrap(), None);
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    for (uuid, exp) in [("d1", T0 + 100), ("d2", T0 + 200), ("d3", T0 + 300)] {
        seat(&s, "APP", uuid, T0, vec![cand("I1", Room::Devices(10), exp)]).await;
    }
    let rec = s.sweep(T0 + 200, "timer").await.unwrap();
    assert_eq!((rec.started_at, rec.removed, rec.trigger.as_str()), (T0 + 200, 2, "timer"));
    assert!(rec.finished_at >= rec.started_at);
    assert_eq!(s.last_sweep().await.unwrap(), Some(rec));
    assert_eq!(s.get_seat("APP", "d1").await.unwrap(), None);
    assert_eq!(s.get_seat("APP", "d2").await.unwrap(), None, "removal time reached");
    assert!(s.get_seat("APP", "d3").await.unwrap().is_some());
    let rec = s.sweep(T0 + 201, "manual").await.unwrap();
    assert_eq!((rec.removed, rec.trigger.as_str()), (0, "manual"));
    assert_eq!(s.last_sweep().await.unwrap().unwrap().trigger, "manual");
}

/// More lapsed devices than one transaction takes: all removed, and recorded as one run with the total;
/// live devices, on the same item and on others, untouched.
pub(crate) async fn case_sweep_in_batches(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR), ("I2", "per-device", FAR)]).await;
    code(&s, "APP", &["I1", "I2"]).await;
    code(&s, "OTHER", &["I2"]).await;
    let now = T0 + 100;
    let mut rows = devices("APP", "I1", "gone-", 21, T0 + 10);
    rows.extend(devices("APP", "I1", "at-now-", 2, now));
    rows.extend(devices("APP", "I1", "live-", 4, now + 1));
    rows.extend(devices("APP", "I1", "later-", 1, now + 100));
    rows.extend(devices("APP", "I2", "gone2-", 3, T0 + 50));
    rows.extend(devices("OTHER", "I2", "live2-", 6, FAR));
    s.insert_devices(&rows).await.unwrap();
    // 26 lapsed (21 + 2 at exactly now + 3), in transactions of 4: the last one takes 2.
    let rec = s.sweep_batched(now, "timer", batches_of(4)).await.unwrap();
    assert_eq!((rec.started_at, rec.removed, rec.trigger.as_str()), (now, 26, "timer"));
    assert!(rec.finished_at >= rec.started_at);
    assert_eq!(
        s.last_sweep().await.unwrap(),
        Some(rec),
        "one run with the total, not one per transaction"
    );
    let mut live: Vec<String> = (0..4).map(|i| format!("live-{i:03}")).collect();
    live.insert(0, "later-000".into());
    assert_eq!(uuids_on(&s, "I1").await, live);
    let live2: Vec<String> = (0..6).map(|i| format!("live2-{i:03}")).collect();
    assert_eq!(uuids_on(&s, "I2").await, live2);
    assert_eq!(s.counts(now).await.unwrap().active_devices, 11);
    assert_eq!(item_state(&s, "I1", now).await.active_devices, 5);
    assert_eq!(item_state(&s, "I2", now).await.active_devices, 6);
    // A multiple of the transaction size (the 4 seats that lapsed at now+1, and 4 more): the last,
    // empty transaction ends the run.
    s.insert_devices(&devices("APP", "I2", "again-", 4, now + 50)).await.unwrap();
    let rec = s.sweep_batched(now + 50, "manual", batches_of(4)).await.unwrap();
    assert_eq!((rec.removed, rec.trigger.as_str()), (8, "manual"));
    assert_eq!(s.last_sweep().await.unwrap(), Some(rec));
    assert_eq!(uuids_on(&s, "I1").await, ["later-000"]);
    assert_eq!(uuids_on(&s, "I2").await, live2);
    // Nothing lapsed: one empty transaction, still recorded.
    let rec = s.sweep(now + 60, "timer").await.unwrap();
    assert_eq!(rec.removed, 0);
    assert_eq!(s.last_sweep().await.unwrap(), Some(rec));
}

/// A sweep ends after its last allowed transaction even with lapsed rows left; the next one goes on.
pub(crate) async fn case_sweep_rounds_are_bounded(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    s.insert_devices(&devices("APP", "I1", "d", 11, T0 + 10)).await.unwrap();
    let bounded = SweepBatches { pace: Pace::fixed(2), rounds: 3 };
    let rec = s.sweep_batched(T0 + 100, "timer", bounded).await.unwrap();
    assert_eq!(rec.removed, 6, "3 transactions of 2");
    assert_eq!(s.last_sweep().await.unwrap(), Some(rec));
    assert_eq!(s.count_devices(&DeviceFilter::default()).await.unwrap(), 5);
    assert_eq!(s.counts(T0 + 100).await.unwrap().active_devices, 0);
    let rec = s.sweep_batched(T0 + 100, "timer", bounded).await.unwrap();
    assert_eq!(rec.removed, 5, "the rest, the last transaction short");
    assert_eq!(s.count_devices(&DeviceFilter::default()).await.unwrap(), 0);
}

/// Grants that ran out long enough ago are pruned in transactions too, all of them; the others stay.
pub(crate) async fn case_sweep_prunes_grants_in_batches(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    for i in 0..7 {
        let uuid = format!("old-{i}");
        seat(&s, "APP", &uuid, T0, vec![cand("I1", Room::Devices(100), T0 + 50)]).await;
    }
    let mut later = cand("I1", Room::Devices(100), T0 + 50);
    later.token_expires_at = T0 + 10 * DAY;
    seat(&s, "APP", "later", T0, vec![later]).await;
    let window = ltsctl::domain::usage::LATE_UPLOAD_WINDOW.as_secs() as i64;
    let rec = s.sweep_batched(T0 + 51 + window, "timer", batches_of(3)).await.unwrap();
    assert_eq!(rec.removed, 8, "every seat lapsed at T0+50");
    for i in 0..7 {
        let uuid = format!("old-{i}");
        assert!(s.device_grants("APP", &uuid).await.unwrap().is_empty(), "{uuid}");
    }
    assert_eq!(s.device_grants("APP", "later").await.unwrap().len(), 1, "its token ran out later");
}

/// Live seats counted by `status`, by each item's state (through its license, its code and on its own)
/// and by the room check agree, with lapsed seats the sweeper has not removed yet on several items.
pub(crate) async fn case_counts_without_unswept_seats(s: S) {
    import(
        &s,
        "L1",
        &[("I1", "per-device", FAR), ("I2", "per-device", FAR), ("I3", "per-device", FAR)],
    )
    .await;
    import(&s, "L2", &[("J1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1", "I2", "I3"]).await;
    code(&s, "OTHER", &["I2", "J1"]).await;
    let mut rows = devices("APP", "I1", "a-live-", 3, T0 + 1000);
    rows.extend(devices("APP", "I1", "a-gone-", 2, T0 + 10));
    rows.extend(devices("APP", "I2", "b-live-", 1, T0 + 1000));
    rows.extend(devices("OTHER", "I2", "b-gone-", 4, T0 + 20));
    rows.extend(devices("APP", "I3", "c-gone-", 1, T0 + 30));
    rows.extend(devices("OTHER", "J1", "j-soon-", 2, T0 + 100));
    s.insert_devices(&rows).await.unwrap();
    let expect = |now: i64, want: [(&'static str, i64); 4]| {
        let s = s.clone();
        async move {
            let total: i64 = want.iter().map(|(_, n)| n).sum();
            assert_eq!(s.counts(now).await.unwrap().active_devices, total, "status at {now}");
            let mut by_license = Vec::new();
            for l in s.list_licenses(now).await.unwrap() {
                by_license.extend(l.items.into_iter().map(|i| (i.item.id, i.active_devices)));
            }
            by_license.sort();
            let want_owned: Vec<(String, i64)> =
                want.iter().map(|(id, n)| (id.to_string(), *n)).collect();
            assert_eq!(by_license, want_owned, "license items at {now}");
            for code in ["APP", "OTHER"] {
                for i in s.get_handshake(code, now).await.unwrap().unwrap().items {
                    let n = want.iter().find(|(id, _)| *id == i.item.id).unwrap().1;
                    assert_eq!(i.active_devices, n, "{} through {code} at {now}", i.item.id);
                }
            }
            for (id, n) in want {
                assert_eq!(item_state(&s, id, now).await.active_devices, n, "{id} at {now}");
            }
        }
    };
    expect(T0, [("I1", 5), ("I2", 5), ("I3", 1), ("J1", 2)]).await;
    expect(T0 + 25, [("I1", 3), ("I2", 1), ("I3", 1), ("J1", 2)]).await;
    expect(T0 + 100, [("I1", 3), ("I2", 1), ("I3", 0), ("J1", 0)]).await;
    // A device moving to another item (its old row lapsed) counts once, on the new one.
    seat(&s, "APP", "a-gone-000", T0 + 100, vec![cand("I2", Room::Devices(10), T0 + 900)]).await;
    expect(T0 + 100, [("I1", 3), ("I2", 2), ("I3", 0), ("J1", 0)]).await;
    // Swept or not, the same numbers.
    s.sweep(T0 + 100, "timer").await.unwrap();
    expect(T0 + 100, [("I1", 3), ("I2", 2), ("I3", 0), ("J1", 0)]).await;
    s.unregister_devices(&strings(&["a-live-000"]), None, false, T0 + 100).await.unwrap();
    expect(T0 + 100, [("I1", 2), ("I2", 2), ("I3", 0), ("J1", 0)]).await;
    expect(T0 + 950, [("I1", 2), ("I2", 1), ("I3", 0), ("J1", 0)]).await;
}

// ---------------------------------------------------------------------------------------------------------
// One backend only

/// Must match `SWEEP_LOCK_FILE` in src/store/sqlite/server.rs.
const SWEEP_LOCK_FILE: &str = "ltsctl.sweep.lock";

/// Must match `SWEEP_LOCK` in src/store/postgres/server.rs.
const SWEEP_LOCK: i64 = 0x6c74_7353_5745_4550;

/// Another instance holds the sweep lock: this one skips the round, removes and records nothing, and
/// sweeps once it is free.
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
        seat(&s, "APP", "d1", T0, vec![cand("I1", Room::Devices(5), T0 + 10)]).await;
        // Another instance's sweeper, as far as the lock is concerned.
        let mut other = sqlx::PgConnection::connect(&db_url).await.unwrap();
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(SWEEP_LOCK)
            .execute(&mut other)
            .await
            .unwrap();
        assert_round_skipped(&s).await;
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

/// A sweep while another holds the claim: nothing removed, the round marked skipped, and not recorded.
async fn assert_round_skipped(s: &S) {
    let rec = s.sweep(T0 + 100, "timer").await.unwrap();
    let skipped = SweepRecord {
        started_at: T0 + 100,
        finished_at: T0 + 100,
        removed: 0,
        trigger: "timer:skipped".into(),
    };
    assert_eq!(rec, skipped);
    assert_eq!(s.last_sweep().await.unwrap(), None, "a skipped run is not recorded");
}

/// Another process sharing the data dir holds the sweep: this one skips the round, removes and records
/// nothing, and sweeps once it is free.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_only_sweep_skips_while_another_process_sweeps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s: S = Arc::new(SqliteStore::open(dir.path()).await.expect("open"));
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    s.insert_devices(&devices("APP", "I1", "d", 3, T0 + 10)).await.unwrap();
    let other = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.path().join(SWEEP_LOCK_FILE))
        .expect("the lock file");
    other.lock().expect("lock");
    assert_round_skipped(&s).await;
    assert_eq!(s.count_devices(&DeviceFilter::default()).await.unwrap(), 3);
    other.unlock().expect("unlock");
    let rec = s.sweep(T0 + 100, "timer").await.unwrap();
    assert_eq!((rec.removed, rec.trigger.as_str()), (3, "timer"));
    assert!(other.try_lock().is_ok(), "released once recorded");
}

/// `status` and the item states read SQLite's per-item seat counters (what keeps them fast at ten
/// million devices) rather than counting the rows: a counter changed behind the store's back shows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_only_counts_read_the_seat_counters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s: S = Arc::new(SqliteStore::open(dir.path()).await.expect("open"));
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    let mut rows = devices("APP", "I1", "live-", 3, FAR);
    rows.extend(devices("APP", "I1", "gone-", 2, T0 + 10));
    s.insert_devices(&rows).await.unwrap();
    assert_eq!(s.counts(T0 + 100).await.unwrap().active_devices, 3);
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(dir.path().join(ltsctl::store::sqlite_db_file()));
    let mut raw = sqlx::SqliteConnection::connect_with(&options).await.unwrap();
    sqlx::query("UPDATE item_seats SET n = n + 1000 WHERE item_id = 'I1'")
        .execute(&mut raw)
        .await
        .unwrap();
    assert_eq!(s.counts(T0 + 100).await.unwrap().active_devices, 1003);
    assert_eq!(item_state(&s, "I1", T0 + 100).await.active_devices, 1003);
}

/// Whether some session of this test's database waits for a lock on the `sweeps` table.
async fn waits_on_sweeps(conn: &mut sqlx::PgConnection) -> bool {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = 'sweeps'::regclass AND NOT granted
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))",
    )
    .fetch_one(conn)
    .await
    .unwrap()
}

/// Whether a session could take the sweep lock now (it is let go again at once).
async fn sweep_lock_free(conn: &mut sqlx::PgConnection) -> bool {
    let free: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
        .bind(SWEEP_LOCK)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    if free {
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(SWEEP_LOCK)
            .execute(&mut *conn)
            .await
            .unwrap();
    }
    free
}

/// Asks `check` every 20 ms until it holds; fails the test after 30 s.
async fn poll<F>(what: &str, conn: &mut sqlx::PgConnection, check: F)
where
    F: for<'c> Fn(&'c mut sqlx::PgConnection) -> futures_util::future::BoxFuture<'c, bool>,
{
    let until = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !check(conn).await {
        assert!(std::time::Instant::now() < until, "timed out waiting until {what}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// The claim of a sweep holds from before its first transaction until it is recorded (another instance
/// asking meanwhile skips the round), and is let go after: a finished sweep returns it, a cancelled one
/// too (its connection is closed, not handed back to the pool holding the lock).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_only_a_sweep_holds_its_claim_until_it_is_recorded() {
    let Some(url) = pg_url() else { return };
    let db = PgDb::create(&url).await;
    let a = Arc::new(PgStore::connect(&db.url).await.expect("connect"));
    let b = Arc::new(PgStore::connect(&db.url).await.expect("connect again"));
    let db_url = db.url.clone();
    let (sa, sb): (S, S) = (a.clone(), b.clone());
    let result = tokio::spawn(async move {
        import(&sa, "L1", &[("I1", "per-device", FAR)]).await;
        code(&sa, "APP", &["I1"]).await;
        sa.insert_devices(&devices("APP", "I1", "d", 30, T0 + 10)).await.unwrap();
        // Hold the sweep at its last step: recording the run waits for this table lock.
        let mut other = sqlx::PgConnection::connect(&db_url).await.unwrap();
        sqlx::query("BEGIN").execute(&mut other).await.unwrap();
        sqlx::query("LOCK TABLE sweeps IN EXCLUSIVE MODE").execute(&mut other).await.unwrap();
        let s = sa.clone();
        let sweep =
            tokio::spawn(async move { s.sweep_batched(T0 + 100, "timer", batches_of(4)).await });
        let mut watch = sqlx::PgConnection::connect(&db_url).await.unwrap();
        poll("the sweep records its run", &mut watch, |c| Box::pin(waits_on_sweeps(c))).await;
        assert_eq!(
            sb.count_devices(&DeviceFilter::default()).await.unwrap(),
            0,
            "its 8 transactions are committed"
        );
        assert!(!sweep_lock_free(&mut watch).await, "still claimed after the last batch");
        // (Not claimed, this sweep would wait for the table lock the test holds: hence the timeout.)
        let skipped =
            tokio::time::timeout(std::time::Duration::from_secs(30), sb.sweep(T0 + 100, "timer"));
        let rec = skipped.await.expect("skipped at once").unwrap();
        assert_eq!(rec.trigger, "timer:skipped");
        sqlx::query("COMMIT").execute(&mut other).await.unwrap();
        let rec = sweep.await.unwrap().unwrap();
        assert_eq!((rec.removed, rec.trigger.as_str()), (30, "timer"));
        assert_eq!(sb.last_sweep().await.unwrap(), Some(rec));
        assert!(sweep_lock_free(&mut watch).await, "released when done");

        // Cancelled at the same step: the claim goes with it.
        sa.insert_devices(&devices("APP", "I1", "e", 5, T0 + 10)).await.unwrap();
        sqlx::query("BEGIN").execute(&mut other).await.unwrap();
        sqlx::query("LOCK TABLE sweeps IN EXCLUSIVE MODE").execute(&mut other).await.unwrap();
        let s = sa.clone();
        let sweep = tokio::spawn(async move { s.sweep(T0 + 200, "cancelled").await });
        poll("the sweep records its run", &mut watch, |c| Box::pin(waits_on_sweeps(c))).await;
        sweep.abort();
        assert!(sweep.await.unwrap_err().is_cancelled());
        poll("the cancelled sweep's claim is released", &mut watch, |c| {
            Box::pin(sweep_lock_free(c))
        })
        .await;
        sqlx::query("COMMIT").execute(&mut other).await.unwrap();
        let rec = sb.sweep(T0 + 200, "timer").await.unwrap();
        assert_eq!(
            (rec.removed, rec.trigger.as_str()),
            (0, "timer"),
            "the cancelled sweep's transactions stay done"
        );
    })
    .await;
    finish_pg(result, vec![a, b], db).await;
}
