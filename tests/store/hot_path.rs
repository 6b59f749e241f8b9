//! What the device hot path relies on: the per-item seat counter (room checks without a count over the
//! fleet) stays exact through every way a device row comes and goes, and the config generation changes
//! with every change the device path's cache depends on, and with nothing else.

use super::*;

/// Whether one more device fits on `item` (quota `limit`) at `now`, asked through a throwaway code.
async fn fits(s: &S, item: &str, limit: i64, now: i64) -> bool {
    let probe = format!("probe-{now}-{}", uuid::Uuid::new_v4());
    let out = seat(s, "PROBE", &probe, now, vec![cand(item, Room::Devices(limit), now + 5)]).await;
    if out != SeatOutcome::Full {
        s.unregister_devices(&[probe], Some("PROBE"), false, now).await.unwrap();
    }
    out != SeatOutcome::Full
}

pub(crate) async fn case_seat_counter(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR), ("I2", "per-device", FAR)]).await;
    code(&s, "APP", &["I1", "I2"]).await;
    code(&s, "PROBE", &["I1", "I2"]).await;
    // Rows inserted in bulk (seed, migrate) count.
    s.insert_devices(&[
        device("APP", "a", "I1", T0, T0, T0 + 100),
        device("APP", "b", "I1", T0, T0, T0 + 10),
    ])
    .await
    .unwrap();
    assert!(!fits(&s, "I1", 2, T0).await, "two live seats fill a quota of 2");
    assert!(fits(&s, "I1", 3, T0).await);
    // An expired row the sweeper has not removed yet frees its place.
    assert!(fits(&s, "I1", 2, T0 + 10).await, "b lapsed at T0+10");
    // A device moving to another item frees its place on the first.
    assert_eq!(
        seat(&s, "APP", "a", T0 + 20, vec![cand("I2", Room::Devices(5), T0 + 200)]).await,
        seated("I2", T0 + 200, true)
    );
    assert!(fits(&s, "I1", 2, T0 + 5).await, "only b is on I1 now, and a is on I2");
    assert!(!fits(&s, "I1", 1, T0 + 5).await);
    assert!(!fits(&s, "I2", 1, T0 + 20).await);
    // Unregistering by name and in bulk, and sweeping, free places.
    s.unregister_devices(&strings(&["a"]), Some("APP"), false, T0).await.unwrap();
    assert!(fits(&s, "I2", 1, T0 + 20).await);
    s.insert_devices(&[
        device("APP", "c", "I1", T0, T0, T0 + 1000),
        device("APP", "d", "I1", T0, T0 - 5 * DAY, T0 + 1000),
    ])
    .await
    .unwrap();
    assert!(!fits(&s, "I1", 2, T0 + 20).await, "b (expired) does not count; c and d do");
    assert!(fits(&s, "I1", 3, T0 + 20).await);
    assert!(!fits(&s, "I1", 3, T0 + 5).await, "b, c and d");
    let filter =
        DeviceFilter { last_seen_before: Some(T0 - DAY), now: T0 + 20, ..DeviceFilter::default() };
    assert_eq!(s.unregister_matching(&filter, 100).await.unwrap(), 1);
    assert!(fits(&s, "I1", 2, T0 + 20).await, "d was removed in bulk");
    s.sweep(T0 + 20, "test").await.unwrap();
    assert!(fits(&s, "I1", 2, T0 + 20).await, "b was swept");
    assert!(!fits(&s, "I1", 1, T0 + 20).await, "c is still there");
    // A seat refresh keeps one place, it does not take another.
    for i in 0..3 {
        assert_eq!(
            seat(&s, "APP", "c", T0 + 30 + i, vec![cand("I1", Room::Devices(1), T0 + 2000)]).await,
            seated("I1", T0 + 2000, false)
        );
    }
    assert!(!fits(&s, "I1", 1, T0 + 40).await);
    assert!(fits(&s, "I1", 2, T0 + 40).await);
    // Deleting the code (forced) removes its devices and their places.
    s.delete_handshake("APP", true, T0 + 50).await.unwrap();
    assert!(fits(&s, "I1", 1, T0 + 50).await);
    // Removing the license with seats on its items, then importing it again: no count is left behind.
    code(&s, "APP", &["I1"]).await;
    seat(&s, "APP", "e", T0 + 60, vec![cand("I1", Room::Devices(5), FAR)]).await;
    s.remove_license("L1", true, false, T0 + 70).await.unwrap();
    import(&s, "L1", &[("I1", "per-device", FAR), ("I2", "per-device", FAR)]).await;
    code(&s, "AGAIN", &["I1"]).await;
    assert!(fits(&s, "I1", 1, T0 + 80).await, "the removed seats do not count");
    assert!(!fits(&s, "I1", 0, T0 + 80).await);
}

pub(crate) async fn case_config_generation(s: S) {
    let mut last = s.config_generation().await.unwrap();
    let mut changed = |what: &'static str, now: i64| {
        assert_ne!(now, last, "{what} must change the config generation");
        last = now;
    };
    import(&s, "L1", &[("I1", "per-device", FAR), ("I2", "per-scan", FAR)]).await;
    changed("importing a license", s.config_generation().await.unwrap());
    code(&s, "APP", &["I1"]).await;
    changed("creating and binding a code", s.config_generation().await.unwrap());
    s.bind_items("APP", &strings(&["I2"]), T0).await.unwrap();
    changed("binding an item", s.config_generation().await.unwrap());
    s.order_items("APP", &strings(&["I2", "I1"]), T0).await.unwrap();
    changed("ordering items", s.config_generation().await.unwrap());
    s.update_handshake(
        "APP",
        HandshakePatch { offline_grace_secs: Some(60), ..HandshakePatch::default() },
        T0,
    )
    .await
    .unwrap();
    changed("changing a setting", s.config_generation().await.unwrap());
    s.add_domains("APP", &strings(&["example.com"]), T0).await.unwrap();
    changed("adding a domain", s.config_generation().await.unwrap());

    // The device path's view of the code: the admin view without the counts.
    let full = s.get_handshake("APP", T0).await.unwrap().unwrap();
    let lean = s.device_handshake("APP").await.unwrap().unwrap();
    assert_eq!(lean.handshake, full.handshake);
    assert_eq!(lean.domains, full.domains);
    let ids = |r: &ltsctl::store::HandshakeRecord| {
        r.items.iter().map(|i| i.item.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&lean), ids(&full), "same items, same order");
    assert_eq!(s.device_handshake("NOPE").await.unwrap(), None);

    // Device traffic, sweeps and tokens leave it alone.
    let before = s.config_generation().await.unwrap();
    seat(&s, "APP", "d1", T0, vec![cand("I1", Room::Devices(5), T0 + 100)]).await;
    s.record_usage(batch(
        "APP",
        "d1",
        "I1",
        T0 + 1,
        Room::Devices(5),
        None,
        T0 + 100,
        vec![report("r1", T0, &[("QR", 2)], &[])],
    ))
    .await
    .unwrap();
    s.sweep(T0 + 2, "test").await.unwrap();
    assert_eq!(s.config_generation().await.unwrap(), before);

    s.remove_domains("APP", &strings(&["example.com"]), T0).await.unwrap();
    changed("removing a domain", s.config_generation().await.unwrap());
    s.unbind_items("APP", &strings(&["I2"]), T0).await.unwrap();
    changed("unbinding an item", s.config_generation().await.unwrap());
    s.remove_license("L1", true, false, T0).await.unwrap();
    changed("removing a license", s.config_generation().await.unwrap());
    s.delete_handshake("APP", true, T0).await.unwrap();
    changed("deleting a code", s.config_generation().await.unwrap());
}

pub(crate) async fn case_fresh_seat_is_not_rewritten(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    let year = 366 * DAY;
    let c = |now: i64| vec![cand("I1", Room::Devices(5), now + year)];
    assert_eq!(seat(&s, "APP", "d", T0, c(T0)).await, seated("I1", T0 + year, true));
    // The device path's first read: the config generation and the row, in one statement.
    let found = s.device_lookup("APP", "d").await.unwrap();
    assert_eq!(found.generation, s.config_generation().await.unwrap());
    let row = found.seat.expect("seated");
    assert_eq!((row.item_id.as_str(), row.expires_at), ("I1", T0 + year));
    assert_eq!((row.platform.as_str(), row.domain, row.name), ("linux", None, None));
    assert_eq!(s.device_lookup("APP", "nobody").await.unwrap().seat, None);
    assert_eq!(s.device_lookup("NOPE", "d").await.unwrap().seat, None);
    // 30 s later: answered from the stored seat, nothing written.
    assert_eq!(seat(&s, "APP", "d", T0 + 30, c(T0 + 30)).await, seated("I1", T0 + year, false));
    let row = s.device_seats("d").await.unwrap().remove(0);
    assert_eq!((row.last_seen, row.expires_at), (T0, T0 + year));
    // Past a minute: refreshed.
    assert_eq!(
        seat(&s, "APP", "d", T0 + 61, c(T0 + 61)).await,
        seated("I1", T0 + 61 + year, false)
    );
    let row = s.device_seats("d").await.unwrap().remove(0);
    assert_eq!((row.last_seen, row.expires_at), (T0 + 61, T0 + 61 + year));
    // A changed detail is written at once.
    let mut req = seat_req("APP", "d", T0 + 62, c(T0 + 62));
    req.platform = "mobile".into();
    s.seat_device(req).await.unwrap();
    let row = s.device_seats("d").await.unwrap().remove(0);
    assert_eq!((row.platform.as_str(), row.last_seen), ("mobile", T0 + 62));
}

/// Usage batches arriving together share one transaction on SQLite (group commit): a batch that fails
/// half-way (here a symbology named twice in one report, refused by the counts' primary key after the
/// report rows were inserted) must leave nothing behind, and must not take the others down with it.
pub(crate) async fn case_failing_batch_rolls_back_alone(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    let uuids: Vec<String> = (0..24).map(|i| format!("dev-{i:02}")).collect();
    for u in &uuids {
        seat(&s, "APP", u, T0, vec![cand("I1", Room::Devices(100), FAR)]).await;
    }
    let mut tasks = Vec::new();
    for (i, u) in uuids.iter().enumerate() {
        let s = s.clone();
        let u = u.clone();
        let bad = i % 4 == 3;
        tasks.push(tokio::spawn(async move {
            let counts: &[(&str, i64)] = if bad { &[("QR", 1), ("QR", 2)] } else { &[("QR", 2)] };
            let reports = vec![report("r1", T0, &[("QR", 1)], &[]), report("r2", T0, counts, &[])];
            let out = s
                .record_usage(batch(
                    "APP",
                    &u,
                    "I1",
                    T0 + 1,
                    Room::Devices(100),
                    None,
                    FAR,
                    reports,
                ))
                .await;
            (u, bad, out)
        }));
    }
    for t in tasks {
        let (u, bad, out) = t.await.unwrap();
        let stored = s.device_usage(&u).await.unwrap().reports;
        if bad {
            assert!(matches!(out, Err(StoreError::Database(_))), "{u}: {out:?}");
            assert_eq!(stored, 0, "{u}: a failed batch left rows behind");
        } else {
            assert_eq!(out, Ok(recorded(2, 0)), "{u}");
            assert_eq!(stored, 2, "{u}");
        }
    }
}
