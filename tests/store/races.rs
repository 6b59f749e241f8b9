//! Two instances on one database, racing: the limits and first-writer-wins rules hold across them.

use super::*;

pub(crate) async fn case_concurrent_seats(a: S, b: S) {
    import(&a, "L1", &[("I1", "per-device", FAR)]).await;
    code(&a, "APP", &["I1"]).await;
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            tokio::spawn(async move {
                let req = seat_req(
                    "APP",
                    &format!("dev-{i:03}"),
                    T0,
                    vec![cand("I1", Room::Devices(50), T0 + 600)],
                );
                s.seat_device(req).await
            })
        })
        .collect();
    let (mut ok, mut full) = (0, 0);
    for t in tasks {
        match t.await.unwrap().expect("seat_device") {
            SeatOutcome::Seated { new: true, .. } => ok += 1,
            SeatOutcome::Full => full += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!((ok, full), (50, 150));
    assert_eq!(b.count_devices(&DeviceFilter::default()).await.unwrap(), 50);
    assert_eq!(item_state(&a, "I1", T0).await.active_devices, 50);
}

pub(crate) async fn case_concurrent_usage_window(a: S, b: S) {
    import(&a, "L1", &[("I1", "per-concurrent-device", FAR)]).await;
    code(&a, "APP", &["I1"]).await;
    for i in 0..30 {
        let out =
            seat(&a, "APP", &format!("dev-{i:02}"), T0, vec![cand("I1", Room::Concurrent(5), FAR)])
                .await;
        assert_eq!(out, seated("I1", FAR, true));
    }
    let tasks: Vec<_> = (0..30)
        .map(|i| {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            tokio::spawn(async move {
                let reports = vec![report("r1", T0, &[("qr", 1)], &[])];
                let uuid = format!("dev-{i:02}");
                s.record_usage(batch(
                    "APP",
                    &uuid,
                    "I1",
                    T0 + 1,
                    Room::Concurrent(5),
                    None,
                    FAR,
                    reports,
                ))
                .await
            })
        })
        .collect();
    // Every device held a valid token when it reported: every report is accepted, and all 30 are in
    // the window now (the burst is the item's peak).
    for t in tasks {
        assert_eq!(t.await.unwrap().expect("record_usage"), recorded(1, 0));
    }
    let all = UsageFilter { handshake: None, item: None, since: None };
    let g = b.usage_groups(&all, UsageGrouping::Item).await.unwrap();
    assert_eq!((g[0].reports, g[0].devices), (30, 30));
    assert_eq!(a.concurrent_peak("I1", None).await.unwrap(), 30);
    // The limit holds from the next renewals on: only the first 5 to enter keep their place, whichever
    // instance asks, however many ask at once.
    let tasks: Vec<_> = (0..30)
        .map(|i| {
            let s = if i % 2 == 0 { b.clone() } else { a.clone() };
            tokio::spawn(async move {
                let uuid = format!("dev-{i:02}");
                let c = vec![cand("I1", Room::Concurrent(5), FAR)];
                (uuid.clone(), seat(&s, "APP", &uuid, T0 + 2, c).await)
            })
        })
        .collect();
    let mut renewed = Vec::new();
    for t in tasks {
        match t.await.unwrap() {
            (uuid, SeatOutcome::Seated { new: false, .. }) => renewed.push(uuid),
            (_, SeatOutcome::Full) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    renewed.sort();
    assert_eq!(renewed, ["dev-00", "dev-01", "dev-02", "dev-03", "dev-04"]);
}

pub(crate) async fn case_concurrent_sweeps(a: S, b: S) {
    import(&a, "L1", &[("I1", "per-device", FAR)]).await;
    code(&a, "APP", &["I1"]).await;
    let rows: Vec<DeviceRow> = (0..300)
        .map(|i| {
            device("APP", &format!("d{i:03}"), "I1", T0, T0, if i < 250 { T0 + 10 } else { FAR })
        })
        .collect();
    a.insert_devices(&rows).await.unwrap();
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            // Transactions of 10: each sweep takes 26 of them, with the others' in between.
            tokio::spawn(async move { s.sweep_batched(T0 + 100, "timer", batches_of(10)).await })
        })
        .collect();
    let mut removed = Vec::new();
    for t in tasks {
        let rec: SweepRecord = t.await.unwrap().expect("sweep");
        match rec.trigger.as_str() {
            "timer" => removed.push(rec.removed),
            // Another sweep of the store held the claim.
            "timer:skipped" => assert_eq!(rec.removed, 0),
            other => panic!("trigger {other}"),
        }
    }
    removed.sort();
    assert_eq!(
        removed.pop(),
        Some(250),
        "one run removed every lapsed seat, each once: sweeps do not interleave"
    );
    assert!(removed.iter().all(|&n| n == 0), "{removed:?}");
    assert_eq!(a.count_devices(&DeviceFilter::default()).await.unwrap(), 50);
    assert_eq!(a.last_sweep().await.unwrap().unwrap().trigger, "timer");
}

/// Racing administrative changes from two instances end as if applied one after the other.
pub(crate) async fn case_concurrent_admin(a: S, b: S) {
    import(&a, "L1", &[("I1", "per-device", FAR), ("I2", "per-device", FAR)]).await;
    // The same code created by both: one wins, the other gets the same conflict SQLite gives.
    let tasks: Vec<_> = (0..10)
        .map(|i| {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            tokio::spawn(async move { s.create_handshake(code_row("APP", T0)).await })
        })
        .collect();
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.unwrap());
    }
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    for r in results.into_iter().filter_map(Result::err) {
        assert_eq!(r, conflict("handshake code APP already exists"));
    }
    // The same license imported by both: imported once, unchanged for the others.
    let tasks: Vec<_> = (0..10)
        .map(|i| {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            tokio::spawn(async move {
                s.import_license(
                    license("L2", "fp"),
                    vec![item("L2", "J1", "per-device", FAR)],
                    None,
                    false,
                    T0,
                )
                .await
            })
        })
        .collect();
    let mut imported = 0;
    for t in tasks {
        if t.await.unwrap().unwrap() == ImportResult::Imported {
            imported += 1;
        }
    }
    assert_eq!(imported, 1);
    // Binding different items at once: every one bound, once.
    let tasks: Vec<_> = ["I1", "I2", "J1"]
        .into_iter()
        .enumerate()
        .map(|(i, id)| {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            tokio::spawn(async move { s.bind_items("APP", &[id.to_string()], T0).await })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let mut ids = item_ids_of(&b, "APP").await;
    ids.sort();
    assert_eq!(ids, ["I1", "I2", "J1"]);
    // The same token name: one wins.
    let tasks: Vec<_> = (0..6)
        .map(|i| {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            tokio::spawn(async move {
                s.create_token(token("ci", &format!("tid-{i}"), "admin", T0)).await
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        if t.await.unwrap().is_ok() {
            ok += 1;
        }
    }
    assert_eq!(ok, 1);
}

/// The seat race again and again (`LTSCTL_SEAT_ROUNDS`, default 50 rounds): 40 new devices at once
/// through two instances against a quota of 5, a fresh item each round. Exactly 5 every time.
pub(crate) async fn case_seat_races_repeated(a: S, b: S) {
    let rounds: usize =
        std::env::var("LTSCTL_SEAT_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    for r in 0..rounds {
        let (lic, item, app) = (format!("L{r}"), format!("I{r}"), format!("APP{r}"));
        import(&a, &lic, &[(&item, "per-device", FAR)]).await;
        code(&a, &app, &[&item]).await;
        let tasks: Vec<_> = (0..40)
            .map(|i| {
                let s = if i % 2 == 0 { a.clone() } else { b.clone() };
                let (item, app) = (item.clone(), app.clone());
                tokio::spawn(async move {
                    let req = seat_req(
                        &app,
                        &format!("dev-{i:02}"),
                        T0,
                        vec![cand(&item, Room::Devices(5), T0 + 600)],
                    );
                    s.seat_device(req).await.expect("seat_device")
                })
            })
            .collect();
        let mut seated = 0;
        for t in tasks {
            if matches!(t.await.unwrap(), SeatOutcome::Seated { .. }) {
                seated += 1;
            }
        }
        assert_eq!(seated, 5, "round {r}");
        assert_eq!(item_state(&b, &item, T0).await.active_devices, 5, "round {r}");
    }
}

/// A device that is renewed while a bulk unregister of idle devices waits for its row keeps its seat: at
/// READ COMMITTED, PostgreSQL re-checks a row changed meanwhile against the DELETE's own WHERE only, so
/// the idle filter must stand there too, not only in the subquery that picked the batch.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_only_a_device_renewed_during_bulk_unregister_keeps_its_seat() {
    let Some(url) = pg_url() else { return };
    let db = PgDb::create(&url).await;
    let store = Arc::new(PgStore::connect(&db.url).await.expect("connect"));
    let s: S = store.clone();
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    s.insert_devices(&[device("APP", "idle", "I1", T0, T0, FAR)]).await.unwrap();
    // The device authorizes again; its transaction holds the row until it commits.
    let mut renewal = sqlx::PgConnection::connect(&db.url).await.unwrap();
    sqlx::query("BEGIN").execute(&mut renewal).await.unwrap();
    sqlx::query("UPDATE devices SET last_seen = $1 WHERE uuid = 'idle'")
        .bind(T0 + 1_000)
        .execute(&mut renewal)
        .await
        .unwrap();
    let filter =
        DeviceFilter { last_seen_before: Some(T0 + 500), now: T0 + 600, ..DeviceFilter::default() };
    let unregister = {
        let s = s.clone();
        tokio::spawn(async move { s.unregister_matching(&filter, 100).await })
    };
    wait_for_a_row_lock(&db.url).await;
    sqlx::query("COMMIT").execute(&mut renewal).await.unwrap();
    let removed = unregister.await.unwrap().expect("unregister_matching");
    assert_eq!(removed, 0, "renewed meanwhile: no longer idle");
    assert_eq!(s.device_seats("idle").await.unwrap().len(), 1);
}

/// A device checked out while `devices unregister UUID` (no force) waits for its row keeps its seat and
/// the unregister is refused: the check-out condition stands in the DELETE itself, and the refusal is
/// read after it (a check read before the wait would have seen no check-out).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_only_a_device_checked_out_during_unregister_keeps_its_seat() {
    let Some(url) = pg_url() else { return };
    let db = PgDb::create(&url).await;
    let store = Arc::new(PgStore::connect(&db.url).await.expect("connect"));
    let s: S = store.clone();
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    s.insert_devices(&[device("APP", "rig", "I1", T0, T0, T0 + 100)]).await.unwrap();
    // The check-out's transaction holds the row until it commits.
    let mut checkout = sqlx::PgConnection::connect(&db.url).await.unwrap();
    sqlx::query("BEGIN").execute(&mut checkout).await.unwrap();
    sqlx::query("UPDATE devices SET checked_out_until = $1, expires_at = $1 WHERE uuid = 'rig'")
        .bind(T0 + 30 * DAY)
        .execute(&mut checkout)
        .await
        .unwrap();
    let unregister = {
        let s = s.clone();
        tokio::spawn(
            async move { s.unregister_devices(&strings(&["rig"]), None, false, T0 + 10).await },
        )
    };
    wait_for_a_row_lock(&db.url).await;
    sqlx::query("COMMIT").execute(&mut checkout).await.unwrap();
    let refused = unregister.await.unwrap();
    assert!(
        matches!(&refused, Err(StoreError::Conflict(m)) if m.contains("rig through APP")),
        "{refused:?}"
    );
    assert_eq!(s.device_seats("rig").await.unwrap().len(), 1, "the check-out keeps its seat");
}

/// Returns once a session on the database at `url` waits for a lock (the unregister under test, blocked
/// by the row the test's own transaction holds); fails after 30 s.
async fn wait_for_a_row_lock(url: &str) {
    let mut watch = sqlx::PgConnection::connect(url).await.unwrap();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let waiting: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock')",
        )
        .fetch_one(&mut watch)
        .await
        .unwrap();
        if waiting {
            return;
        }
        assert!(std::time::Instant::now() < until, "the unregister never waited for the row");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
