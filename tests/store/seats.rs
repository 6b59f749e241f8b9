//! Seats and usage reports.

use super::*;

pub(crate) async fn case_seat_devices(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    code(&s, "OTHER", &["I1"]).await;
    let c = |exp| vec![cand("I1", Room::Devices(2), exp)];
    assert_eq!(seat(&s, "APP", "d1", T0, c(T0 + 600)).await, seated("I1", T0 + 600, true));
    assert_eq!(
        seat(&s, "OTHER", "d2", T0, c(T0 + 600)).await,
        seated("I1", T0 + 600, true),
        "seats on an item count across codes"
    );
    assert_eq!(seat(&s, "APP", "d3", T0, c(T0 + 600)).await, SeatOutcome::Full);
    assert_eq!(
        seat(&s, "APP", "d1", T0 + 10, c(T0 + 610)).await,
        seated("I1", T0 + 610, false),
        "a seated device keeps its seat"
    );
    let got = s.get_seat("APP", "d1").await.unwrap().unwrap();
    assert_eq!((got.item_id.as_str(), got.expires_at), ("I1", T0 + 610));
    assert_eq!(s.get_seat("APP", "nope").await.unwrap(), None);
    assert_eq!(s.get_seat("OTHER", "d1").await.unwrap(), None);
    assert_eq!(item_state(&s, "I1", T0 + 10).await.active_devices, 2);
    // d2's seat lapsed at T0+600: its place is free even before a sweep.
    assert_eq!(seat(&s, "APP", "d3", T0 + 601, c(T0 + 1200)).await, seated("I1", T0 + 1200, true));
    assert_eq!(seat(&s, "OTHER", "d2", T0 + 602, c(T0 + 1200)).await, SeatOutcome::Full);
    assert_eq!(s.counts(T0 + 602).await.unwrap().active_devices, 2);
    assert_eq!(seat(&s, "APP", "d9", T0, vec![]).await, SeatOutcome::Full, "no candidate");
    // Unlimited items seat everyone.
    import(&s, "L2", &[("U", "per-server", FAR)]).await;
    for i in 0..20 {
        let out =
            seat(&s, "APP", &format!("u{i}"), T0, vec![cand("U", Room::Unlimited, T0 + 60)]).await;
        assert_eq!(out, seated("U", T0 + 60, true));
    }
    assert_eq!(item_state(&s, "U", T0).await.active_devices, 20);
}

pub(crate) async fn case_seat_units(s: S) {
    import(&s, "L1", &[("I1", "per-scan", FAR), ("I2", "per-server", FAR)]).await;
    code(&s, "APP", &["I1", "I2"]).await;
    let units = || cand("I1", Room::Units(10), T0 + 600);
    assert_eq!(seat(&s, "APP", "d1", T0, vec![units()]).await, seated("I1", T0 + 600, true));
    let b = batch(
        "APP",
        "d1",
        "I1",
        T0 + 1,
        Room::Units(10),
        Some("scan"),
        T0 + 600,
        vec![report("r1", T0, &[("qr", 6), ("ean13", 3)], &[("m", 50)])],
    );
    assert_eq!(s.record_usage(b).await.unwrap(), recorded(1, 0));
    assert_eq!(item_state(&s, "I1", T0).await.units_used, 9);
    assert_eq!(
        seat(&s, "APP", "d2", T0 + 2, vec![units()]).await,
        seated("I1", T0 + 600, true),
        "9 of 10 used: room left"
    );
    let b = batch(
        "APP",
        "d2",
        "I1",
        T0 + 3,
        Room::Units(10),
        Some("scan"),
        T0 + 600,
        vec![report("r1", T0, &[("qr", 1)], &[])],
    );
    assert_eq!(s.record_usage(b).await.unwrap(), recorded(1, 0));
    assert_eq!(item_state(&s, "I1", T0).await.units_used, 10);
    assert_eq!(seat(&s, "APP", "d3", T0 + 4, vec![units()]).await, SeatOutcome::Full);
    assert_eq!(
        seat(&s, "APP", "d1", T0 + 4, vec![units()]).await,
        SeatOutcome::Full,
        "unit limits apply to seated devices too"
    );
    let both = vec![units(), cand("I2", Room::Unlimited, T0 + 700)];
    assert_eq!(
        seat(&s, "APP", "d1", T0 + 5, both).await,
        seated("I2", T0 + 700, true),
        "falls through to the next candidate"
    );
    assert_eq!(s.get_seat("APP", "d1").await.unwrap().unwrap().item_id, "I2");
}

pub(crate) async fn case_seat_concurrent(s: S) {
    import(&s, "L1", &[("I1", "per-concurrent-device", FAR), ("I2", "per-device", FAR)]).await;
    code(&s, "APP", &["I1", "I2"]).await;
    let conc = || cand("I1", Room::Concurrent(1), T0 + 3600);
    let use_ = |uuid: &str, now: i64, id: &str| {
        batch(
            "APP",
            uuid,
            "I1",
            now,
            Room::Concurrent(1),
            None,
            T0 + 3600,
            vec![report(id, now, &[("qr", 1)], &[])],
        )
    };
    // Seating alone takes no place in the window: only reporting usage does.
    assert_eq!(seat(&s, "APP", "d1", T0, vec![conc()]).await, seated("I1", T0 + 3600, true));
    assert_eq!(seat(&s, "APP", "d2", T0, vec![conc()]).await, seated("I1", T0 + 3600, true));
    assert_eq!(s.record_usage(use_("d1", T0 + 1, "a")).await.unwrap(), recorded(1, 0));
    // d2 was authorized while there was room: what it reports is recorded, and it is in the window too
    // (two devices against a limit of one: the peak says so).
    assert_eq!(s.record_usage(use_("d2", T0 + 2, "a")).await.unwrap(), recorded(1, 0));
    assert_eq!(s.device_usage("d2").await.unwrap().reports, 1);
    assert_eq!(s.concurrent_peak("I1", None).await.unwrap(), 2);
    assert_eq!(
        seat(&s, "APP", "d3", T0 + 3, vec![conc()]).await,
        SeatOutcome::Full,
        "the window is full"
    );
    assert_eq!(
        seat(&s, "APP", "d1", T0 + 4, vec![conc()]).await,
        seated("I1", T0 + 3600, false),
        "the first to enter keeps its place"
    );
    assert_eq!(
        seat(&s, "APP", "d2", T0 + 4, vec![conc()]).await,
        SeatOutcome::Full,
        "the second is not renewed: the limit holds again"
    );
    assert_eq!(s.record_usage(use_("d1", T0 + 5, "b")).await.unwrap(), recorded(1, 0));
    // Reporting again keeps d1's place (it entered first); once d2 is out of the window (its last
    // report before now - 300) and d1 too, a new device gets the place.
    assert_eq!(seat(&s, "APP", "d1", T0 + 200, vec![conc()]).await, seated("I1", T0 + 3600, false));
    assert_eq!(seat(&s, "APP", "d3", T0 + 400, vec![conc()]).await, seated("I1", T0 + 3600, true));
    assert_eq!(s.record_usage(use_("d3", T0 + 401, "a")).await.unwrap(), recorded(1, 0));
    // Moving to another item forgets the window: d3 moves away, d2 may come back.
    assert_eq!(
        seat(&s, "APP", "d3", T0 + 402, vec![cand("I2", Room::Devices(5), T0 + 3600)]).await,
        seated("I2", T0 + 3600, true)
    );
    assert_eq!(seat(&s, "APP", "d2", T0 + 403, vec![conc()]).await, seated("I1", T0 + 3600, false));
    assert_eq!(s.record_usage(use_("d2", T0 + 404, "b")).await.unwrap(), recorded(1, 0));
    // d2 holds the only place now: d3 cannot come back to I1.
    assert_eq!(seat(&s, "APP", "d3", T0 + 405, vec![conc()]).await, SeatOutcome::Full);
    // Peaks are per day and kept by item id.
    assert_eq!(s.concurrent_peak("I1", Some(T0 + 86_400)).await.unwrap(), 0);
    assert_eq!(s.concurrent_peak("I1", Some(T0)).await.unwrap(), 2);
    assert_eq!(s.concurrent_peak("I2", None).await.unwrap(), 0);
}

pub(crate) async fn case_seat_moves(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR), ("I2", "per-device", FAR)]).await;
    code(&s, "APP", &["I1", "I2"]).await;
    let i1 = || cand("I1", Room::Devices(1), T0 + 600);
    let i2 = || cand("I2", Room::Devices(5), T0 + 600);
    let mut req = seat_req("APP", "d1", T0, vec![i1(), i2()]);
    req.name = Some("scanner".into());
    req.domain = Some("a.example".into());
    assert_eq!(s.seat_device(req).await.unwrap(), seated("I1", T0 + 600, true));
    assert_eq!(
        seat(&s, "APP", "d2", T0, vec![i1(), i2()]).await,
        seated("I2", T0 + 600, true),
        "first candidate full: the next one"
    );
    assert_eq!(
        seat(&s, "APP", "d1", T0 + 1, vec![i2(), i1()]).await,
        seated("I1", T0 + 600, false),
        "its current item first, whatever the order"
    );
    let mut req = seat_req("APP", "d1", T0 + 2, vec![i2()]);
    req.platform = "macos".into();
    assert_eq!(
        s.seat_device(req).await.unwrap(),
        seated("I2", T0 + 600, true),
        "its item is no candidate any more: moved"
    );
    let rows = s.device_seats("d1").await.unwrap();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(
        (r.item_id.as_str(), r.platform.as_str(), r.first_seen, r.last_seen),
        ("I2", "macos", T0, T0 + 2)
    );
    assert_eq!(r.name.as_deref(), Some("scanner"), "kept when not sent");
    assert_eq!(r.domain.as_deref(), Some("a.example"));
    assert_eq!(
        seat(&s, "APP", "d3", T0 + 3, vec![i1()]).await,
        seated("I1", T0 + 600, true),
        "the place d1 left is free"
    );
    // An expired seat is not kept: the device is seated anew.
    assert_eq!(seat(&s, "APP", "d2", T0 + 600, vec![i2()]).await, seated("I2", T0 + 600, true));
}

pub(crate) async fn case_record_usage(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR), ("I2", "per-page", FAR)]).await;
    code(&s, "APP", &["I1", "I2"]).await;
    code(&s, "OTHER", &["I1"]).await;
    let dev = Room::Devices(10);
    let no_reports = |uuid: &str, item_id: &str, now: i64| {
        batch("APP", uuid, item_id, now, dev, None, now + 600, vec![])
    };
    // The service decides which item a report counts on (the device's grants); the store refreshes a
    // seat only while it is live on the item named.
    assert_eq!(s.record_usage(no_reports("d1", "I1", T0)).await.unwrap(), recorded(0, 0));
    assert_eq!(s.get_seat("APP", "d1").await.unwrap(), None, "no seat made");
    seat(&s, "APP", "d1", T0, vec![cand("I1", dev, T0 + 600)]).await;
    s.record_usage(no_reports("d1", "I2", T0 + 1)).await.unwrap();
    let got = s.get_seat("APP", "d1").await.unwrap().unwrap();
    assert_eq!(got.expires_at, T0 + 600, "seated on another item: not refreshed");
    s.record_usage(no_reports("d1", "I1", T0 + 600)).await.unwrap();
    let got = s.get_seat("APP", "d1").await.unwrap().unwrap();
    assert_eq!(got.expires_at, T0 + 600, "seat lapsed: not refreshed");
    let r1 = report("r1", T0 - 50, &[("qr", 3)], &[]);
    let r2 = report("r2", T0 - 20, &[("qr", 1), ("ean13", 2)], &[("m1", 5)]);
    let r3 = report("r3", T0 - 10, &[("ean13", 6)], &[]);
    let b = batch("APP", "d1", "I1", T0 + 10, dev, None, T0 + 1200, vec![r1.clone(), r2.clone()]);
    assert_eq!(s.record_usage(b).await.unwrap(), recorded(2, 0));
    let seat_now = s.get_seat("APP", "d1").await.unwrap().unwrap();
    assert_eq!(seat_now.expires_at, T0 + 1200, "seat refreshed");
    assert_eq!(s.device_seats("d1").await.unwrap()[0].last_seen, T0 + 10);
    let b = batch("APP", "d1", "I1", T0 + 20, dev, None, T0 + 1300, vec![r1.clone(), r2, r3]);
    assert_eq!(s.record_usage(b).await.unwrap(), recorded(1, 2));
    // Report ids are the device's own: another device (or code) may use the same ones.
    seat(&s, "OTHER", "d1", T0, vec![cand("I1", dev, T0 + 600)]).await;
    let b = batch("OTHER", "d1", "I1", T0 + 30, dev, None, T0 + 600, vec![r1.clone()]);
    assert_eq!(s.record_usage(b).await.unwrap(), recorded(1, 0));
    seat(&s, "APP", "d2", T0, vec![cand("I1", dev, T0 + 600)]).await;
    let b = batch("APP", "d2", "I1", T0 + 30, dev, None, T0 + 600, vec![r1]);
    assert_eq!(s.record_usage(b).await.unwrap(), recorded(1, 0));
    assert_eq!(item_state(&s, "I1", T0).await.units_used, 0, "no unit kind: no units");

    let usage = s.device_usage("d1").await.unwrap();
    assert_eq!(
        usage,
        DeviceUsage {
            reports: 4,
            scans: vec![("ean13".into(), 8), ("qr".into(), 7)],
            pages: vec![("m1".into(), 5)],
            first_report: Some(T0 - 50),
            last_report: Some(T0 - 10),
        }
    );

    // Per-page: pages count as units, once per report id.
    seat(&s, "APP", "d3", T0, vec![cand("I2", Room::Units(100), T0 + 600)]).await;
    let p = report("p1", T0, &[("qr", 9)], &[("m1", 4), ("m2", 3)]);
    let b = || {
        batch("APP", "d3", "I2", T0 + 1, Room::Units(100), Some("page"), T0 + 600, vec![p.clone()])
    };
    assert_eq!(s.record_usage(b()).await.unwrap(), recorded(1, 0));
    assert_eq!(s.record_usage(b()).await.unwrap(), recorded(0, 1));
    assert_eq!(item_state(&s, "I2", T0).await.units_used, 7);
    let b = batch("APP", "d3", "I2", T0 + 2, Room::Units(100), Some("page"), T0 + 600, vec![]);
    assert_eq!(s.record_usage(b).await.unwrap(), recorded(0, 0));
}

pub(crate) async fn case_has_concurrent_items(s: S) {
    assert!(!s.has_concurrent_items().await.unwrap());
    import(&s, "L1", &[("C1", "per-concurrent-device", FAR), ("D1", "per-device", FAR)]).await;
    code(&s, "APP", &["D1"]).await;
    assert!(!s.has_concurrent_items().await.unwrap(), "not bound to any code");
    s.bind_items("APP", &strings(&["C1"]), T0).await.unwrap();
    assert!(s.has_concurrent_items().await.unwrap());
    s.unbind_items("APP", &strings(&["C1"]), T0).await.unwrap();
    assert!(!s.has_concurrent_items().await.unwrap());
}

/// Sums of usage are checked: a report whose counts overflow 64 bits, or units that would push an item's
/// total past 64 bits, are refused and change nothing; nothing wraps into a negative total.
pub(crate) async fn case_usage_totals_never_wrap(s: S) {
    import(&s, "L1", &[("I1", "per-scan", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    let room = Room::Units(i64::MAX);
    seat(&s, "APP", "d1", T0, vec![cand("I1", room, FAR)]).await;
    let upload = |id: &str, counts: &[(&str, i64)]| {
        batch("APP", "d1", "I1", T0 + 1, room, Some("scan"), FAR, vec![report(id, T0, counts, &[])])
    };
    let near = 1i64 << 62;
    let overflow = StoreError::Invalid(
        "a usage total would overflow a 64-bit integer; nothing recorded".into(),
    );
    assert_eq!(
        s.record_usage(upload("r0", &[("a", near), ("b", near), ("c", near)])).await.unwrap_err(),
        overflow,
        "three counts near 2^62 in one report"
    );
    assert_eq!(s.device_usage("d1").await.unwrap().reports, 0);
    assert_eq!(
        s.record_usage(upload("r1", &[("qr", i64::MAX - 5)])).await.unwrap(),
        recorded(1, 0)
    );
    let err = s.record_usage(upload("r2", &[("qr", 10)])).await.unwrap_err();
    assert!(
        matches!(err, StoreError::Database(_) | StoreError::Invalid(_)),
        "the item's total would overflow: {err:?}"
    );
    let state = item_state(&s, "I1", T0).await;
    assert_eq!(state.units_used, i64::MAX - 5, "unchanged, not wrapped");
    assert_eq!(s.device_usage("d1").await.unwrap().reports, 1);
}

/// What a device was told outlives its seat: every authorization on an item is a grant, from the first
/// token to the end of the latest; a sweep removes seats but keeps grants until they ran out long ago.
/// Usage reports count on the item each names, even one whose license is gone.
pub(crate) async fn case_grants(s: S) {
    import(&s, "L1", &[("I1", "per-scan", FAR), ("I2", "per-device", FAR)]).await;
    code(&s, "APP", &["I1", "I2"]).await;
    code(&s, "OTHER", &["I1"]).await;
    let on = |item: &str, room: Room, seat_exp: i64, token_exp: i64| {
        let mut c = cand(item, room, seat_exp);
        c.token_expires_at = token_exp;
        vec![c]
    };
    let units = Room::Units(1_000);
    seat(&s, "APP", "d1", T0, on("I1", units, T0 + 50, T0 + 100)).await;
    seat(&s, "APP", "d1", T0 + 40, on("I1", units, T0 + 90, T0 + 150)).await;
    seat(&s, "APP", "d1", T0 + 45, on("I1", units, T0 + 95, T0 + 120)).await;
    let grant = |item: &str, option: &str, from: i64, until: i64| ltsctl::store::GrantRow {
        item_id: item.into(),
        option: option.into(),
        granted_from: from,
        granted_until: until,
    };
    assert_eq!(
        s.device_grants("APP", "d1").await.unwrap(),
        [grant("I1", "per-scan", T0, T0 + 150)],
        "from the first token to the end of the latest"
    );
    // Moving to another item starts a grant there; the old one stays.
    let mut full = cand("I1", Room::Units(0), T0 + 200);
    full.token_expires_at = T0 + 200;
    let mut next = on("I2", Room::Devices(5), T0 + 300, T0 + 400);
    next.insert(0, full);
    seat(&s, "APP", "d1", T0 + 60, next).await;
    let both =
        [grant("I1", "per-scan", T0, T0 + 150), grant("I2", "per-device", T0 + 60, T0 + 400)];
    assert_eq!(s.device_grants("APP", "d1").await.unwrap(), both);
    assert!(s.device_grants("OTHER", "d1").await.unwrap().is_empty(), "per code");
    assert!(s.device_grants("APP", "nobody").await.unwrap().is_empty());

    // The seat is swept; the grants are not, until they ran out longer ago than late uploads are taken.
    assert_eq!(s.sweep(T0 + 500, "test").await.unwrap().removed, 1);
    assert_eq!(s.get_seat("APP", "d1").await.unwrap(), None);
    assert_eq!(s.device_grants("APP", "d1").await.unwrap(), both);
    // Reports on each item, the seat gone, the license of one of them removed: all recorded and counted.
    s.remove_license("L1", true, false, T0 + 501).await.unwrap();
    let mut r1 = report("r1", T0 + 10, &[("qr", 7)], &[]);
    r1.item_id = "I1".into();
    r1.unit_kind = Some("scan");
    let mut r2 = report("r2", T0 + 70, &[("qr", 5)], &[]);
    r2.item_id = "I2".into();
    let late = UsageBatch {
        handshake: "APP".into(),
        uuid: "d1".into(),
        now: T0 + 600,
        refresh: None,
        reports: vec![r1, r2],
    };
    assert_eq!(s.record_usage(late).await.unwrap(), recorded(2, 0));
    import(&s, "L1", &[("I1", "per-scan", FAR), ("I2", "per-device", FAR)]).await;
    assert_eq!(item_state(&s, "I1", T0 + 600).await.units_used, 7);
    assert_eq!(item_state(&s, "I2", T0 + 600).await.units_used, 0);
    let window = ltsctl::domain::usage::LATE_UPLOAD_WINDOW.as_secs() as i64;
    s.sweep(T0 + 150 + window, "test").await.unwrap();
    assert_eq!(s.device_grants("APP", "d1").await.unwrap().len(), 2, "not yet");
    s.sweep(T0 + 151 + window, "test").await.unwrap();
    assert_eq!(
        s.device_grants("APP", "d1").await.unwrap(),
        [grant("I2", "per-device", T0 + 60, T0 + 400)]
    );
}

/// A burst of concurrent authorizations (on SQLite they share group commits, decided together in memory):
/// new devices overflowing from a full item to the next, seated devices moving off an item that is no
/// candidate any more (freeing places that later requests of the same group may take), and the same
/// device twice at once. Whatever the grouping, no item holds more than its limit, every answer is what
/// the store holds, each seated device has its grant, and the counter agrees with the rows.
pub(crate) async fn case_seat_bursts_keep_every_limit(s: S) {
    import(
        &s,
        "L1",
        &[("I1", "per-device", FAR), ("I2", "per-device", FAR), ("I3", "per-device", FAR)],
    )
    .await;
    code(&s, "APP", &["I1", "I2", "I3"]).await;
    let i1 = || cand("I1", Room::Devices(10), T0 + 600);
    let i2 = || cand("I2", Room::Devices(10), T0 + 600);
    let i3 = || cand("I3", Room::Unlimited, T0 + 600);
    for i in 0..10 {
        let out = seat(&s, "APP", &format!("old-{i:02}"), T0, vec![i1()]).await;
        assert_eq!(out, seated("I1", T0 + 600, true));
    }
    let mut reqs = Vec::new();
    // The seated devices move to I2 (I1 is no candidate of theirs any more) ...
    for i in 0..10 {
        reqs.push(seat_req("APP", &format!("old-{i:02}"), T0 + 1, vec![i2(), i3()]));
    }
    // ... while 30 new devices (one of them sent twice) ask for I1, then I2, then I3.
    for i in 0..30 {
        reqs.push(seat_req("APP", &format!("new-{i:02}"), T0 + 1, vec![i1(), i2(), i3()]));
    }
    reqs.push(seat_req("APP", "new-07", T0 + 1, vec![i1(), i2(), i3()]));
    let tasks: Vec<_> = reqs
        .into_iter()
        .map(|req| {
            let s = s.clone();
            tokio::spawn(async move { (req.uuid.clone(), s.seat_device(req).await) })
        })
        .collect();
    let mut answers: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for t in tasks {
        let (uuid, out) = t.await.unwrap();
        match out.expect("seat_device") {
            SeatOutcome::Seated { item_id, .. } => answers.entry(uuid).or_default().push(item_id),
            SeatOutcome::Full => panic!("{uuid}: I3 is unlimited, nobody is refused"),
        }
    }
    let mut per_item: std::collections::BTreeMap<String, i64> = Default::default();
    for (uuid, items) in &answers {
        let rows = s.device_seats(uuid).await.unwrap();
        assert_eq!(rows.len(), 1, "{uuid}: one seat");
        let last = items.last().unwrap();
        assert!(
            items.iter().all(|i| i == last),
            "{uuid}: sent twice at once, told {items:?}: the same item both times"
        );
        assert_eq!(&rows[0].item_id, last, "{uuid}: told what the store holds");
        *per_item.entry(last.clone()).or_default() += 1;
        let grants = s.device_grants("APP", uuid).await.unwrap();
        assert!(
            grants.iter().any(|g| &g.item_id == last),
            "{uuid}: its grant on {last} is recorded"
        );
    }
    assert_eq!(answers.len(), 40);
    assert!(
        (0..10).all(|i| answers[&format!("old-{i:02}")].iter().all(|item| item != "I1")),
        "moved off I1"
    );
    // How many new devices got the places the old ones left on I1 depends on who came first; the limits
    // hold whatever the order, and I2 is full (40 devices want it before I3).
    let on = |item: &str| per_item.get(item).copied().unwrap_or(0);
    assert!(on("I1") <= 10, "I1 over its limit: {per_item:?}");
    assert_eq!(on("I2"), 10, "{per_item:?}");
    assert_eq!(on("I1") + on("I2") + on("I3"), 40);
    for (item, n) in &per_item {
        assert_eq!(item_state(&s, item, T0 + 1).await.active_devices, *n, "{item}");
    }
}

/// Many seat requests at once (so they share groups), one of them on an item that does not exist (its
/// seat breaks a foreign key): the others are seated exactly up to the limit, and only that one fails.
pub(crate) async fn case_a_failing_seat_fails_alone(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    let mut tasks = Vec::new();
    for i in 0..41 {
        let s = s.clone();
        let cands = if i == 20 {
            vec![cand("GHOST", Room::Unlimited, T0 + 600)]
        } else {
            vec![cand("I1", Room::Devices(30), T0 + 600)]
        };
        tasks.push(tokio::spawn(async move {
            s.seat_device(seat_req("APP", &format!("d{i}"), T0, cands)).await
        }));
    }
    let mut seated = 0;
    let mut full = 0;
    for (i, task) in tasks.into_iter().enumerate() {
        match task.await.expect("task") {
            Err(_) if i == 20 => {}
            Err(e) => panic!("d{i} failed with the bad request: {e}"),
            Ok(_) if i == 20 => panic!("a seat on a missing item was written"),
            Ok(SeatOutcome::Full) => full += 1,
            Ok(_) => seated += 1,
        }
    }
    assert_eq!((seated, full), (30, 10));
    assert_eq!(item_state(&s, "I1", T0).await.active_devices, 30);
}
