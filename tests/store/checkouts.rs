//! Offline check-outs (a seat held until the file ends, by every write and the sweeper), check-in, the
//! check-out filter of listings and bulk removal, and a device's first use (`--active-from first-use`).

use super::*;

/// A check-out request: the candidates' token (and seat) run until `until`.
fn checkout_req(code: &str, uuid: &str, now: i64, cands: Vec<SeatCandidate>) -> SeatRequest {
    SeatRequest { checkout: true, fresh_checked: true, ..seat_req(code, uuid, now, cands) }
}

fn held_until(item_id: &str, room: Room, until: i64) -> SeatCandidate {
    SeatCandidate { token_expires_at: until, ..cand(item_id, room, until) }
}

fn checked_out_filter(now: i64, checked_out: Option<bool>) -> DeviceFilter {
    DeviceFilter { checked_out, now, ..Default::default() }
}

async fn uuids(s: &S, filter: &DeviceFilter) -> Vec<String> {
    s.list_devices(DeviceListing { filter, sort: DeviceSort::Uuid, after: None, limit: 100 })
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.uuid)
        .collect()
}

pub(crate) async fn case_checkout_holds_its_seat(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR), ("I2", "per-device", FAR)]).await;
    code(&s, "APP", &["I1", "I2"]).await;
    let dev = Room::Devices(3);
    let until = T0 + 90 * DAY;
    for d in ["d1", "d2"] {
        seat(&s, "APP", d, T0, vec![cand("I1", dev, T0 + 600)]).await;
    }
    let out = s
        .seat_device(checkout_req("APP", "rig", T0, vec![held_until("I1", dev, until)]))
        .await
        .unwrap();
    assert_eq!(out, seated("I1", until, true));
    assert_eq!(
        seat(&s, "APP", "d3", T0, vec![cand("I1", dev, T0 + 600)]).await,
        SeatOutcome::Full,
        "the check-out takes a seat like any device"
    );
    let rows = s.device_seats("rig").await.unwrap();
    assert_eq!(rows[0].checked_out_until, Some(until));
    assert_eq!(uuids(&s, &checked_out_filter(T0, Some(true))).await, ["rig"]);
    assert_eq!(uuids(&s, &checked_out_filter(T0, Some(false))).await, ["d1", "d2"]);
    assert_eq!(s.count_devices(&checked_out_filter(until, Some(true))).await.unwrap(), 0);

    // Neither an online authorization nor an upload shortens it, and it stays on its item.
    assert_eq!(
        seat(&s, "APP", "rig", T0 + 10, vec![cand("I1", dev, T0 + 700)]).await,
        seated("I1", until, false)
    );
    assert_eq!(
        seat(&s, "APP", "rig", T0 + 20, vec![cand("I2", dev, T0 + 700)]).await,
        SeatOutcome::Full,
        "a checked-out device does not move to another item"
    );
    s.record_usage(batch("APP", "rig", "I1", T0 + 30, dev, None, T0 + 800, vec![])).await.unwrap();
    assert_eq!(s.get_seat("APP", "rig").await.unwrap().unwrap().expires_at, until);
    // Checked out again for less: the longer one stands; for more: it is extended.
    s.seat_device(checkout_req("APP", "rig", T0 + 40, vec![held_until("I1", dev, T0 + DAY)]))
        .await
        .unwrap();
    assert_eq!(s.device_seats("rig").await.unwrap()[0].checked_out_until, Some(until));

    // The sweeper frees the online seats only, until the check-out ends.
    assert_eq!(s.sweep(T0 + 1000, "test").await.unwrap().removed, 2);
    assert_eq!(s.sweep(until - 1, "test").await.unwrap().removed, 0);
    assert_eq!(s.sweep(until, "test").await.unwrap().removed, 1);
}

pub(crate) async fn case_checkout_refuses_unregistering_without_force(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    code(&s, "OTHER", &["I1"]).await;
    let dev = Room::Devices(10);
    let until = T0 + 30 * DAY;
    seat(&s, "APP", "idle", T0, vec![cand("I1", dev, FAR)]).await;
    for code in ["APP", "OTHER"] {
        s.seat_device(checkout_req(code, "rig", T0, vec![held_until("I1", dev, until)]))
            .await
            .unwrap();
    }
    let err =
        s.unregister_devices(&strings(&["idle", "rig"]), None, false, T0 + 5).await.unwrap_err();
    let StoreError::Conflict(message) = &err else { panic!("{err:?}") };
    assert!(
        message.contains("rig through APP until 2023-12-14T22:13:20Z")
            && message.contains("rig through OTHER"),
        "{message}"
    );
    assert_eq!(s.count_devices(&DeviceFilter::default()).await.unwrap(), 3, "nothing removed");
    // In bulk, without force, they are kept.
    let idle = DeviceFilter {
        last_seen_before: Some(T0 + 1),
        checked_out: Some(false),
        now: T0 + 5,
        ..Default::default()
    };
    assert_eq!(s.unregister_matching(&idle, 100).await.unwrap(), 1);
    // Removing the license says which of the seats it would free are checked out.
    let err = s.remove_license("L1", false, false, T0 + 5).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::Conflict(m) if m.contains("2 of them checked out")),
        "{err:?}"
    );
    let dry = s.remove_license("L1", true, true, T0 + 5).await.unwrap();
    assert_eq!((dry.seats(), dry.checked_out), (2, 2));
    // Check-in through one code ends that one only; again, nothing is left to end.
    assert_eq!(s.check_in_device("rig", Some("OTHER"), T0 + 6).await.unwrap(), ["OTHER"]);
    assert!(s.check_in_device("rig", Some("OTHER"), T0 + 6).await.unwrap().is_empty());
    assert!(s.check_in_device("idle", None, T0 + 6).await.unwrap().is_empty());
    // After its end the device is an ordinary one again; with force it goes at once.
    assert_eq!(
        s.unregister_devices(&strings(&["rig"]), None, true, T0 + 7).await.unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(s.count_devices(&DeviceFilter::default()).await.unwrap(), 0);
}

pub(crate) async fn case_checkout_holds_a_concurrent_window(s: S) {
    import(&s, "L1", &[("C1", "per-concurrent-device", FAR)]).await;
    code(&s, "APP", &["C1"]).await;
    let one = Room::Concurrent(1);
    let until = T0 + 3600;
    s.seat_device(checkout_req("APP", "rig", T0, vec![held_until("C1", one, until)]))
        .await
        .unwrap();
    // Another device is seated, then reports: the window already holds the checked-out device.
    for now in [T0 + 600, until - 10] {
        assert_eq!(
            seat(&s, "APP", "online", now, vec![cand("C1", one, now + 180)]).await,
            SeatOutcome::Full,
            "at {now}"
        );
    }
    assert_eq!(
        seat(&s, "APP", "online", until + 301, vec![cand("C1", one, until + 481)]).await,
        seated("C1", until + 481, true),
        "the window is free once the check-out has ended"
    );
}

pub(crate) async fn case_first_use_starts_the_removal_clock(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    let dev = Room::Devices(10);
    let first_use = |exp: i64| {
        vec![SeatCandidate { unused_seat_expires_at: Some(FAR), ..cand("I1", dev, exp) }]
    };
    assert_eq!(
        seat(&s, "APP", "new", T0, first_use(T0 + 600)).await,
        seated("I1", FAR, true),
        "unused: held until the item expires"
    );
    assert_eq!(
        seat(&s, "APP", "new", T0 + 100, first_use(T0 + 700)).await,
        seated("I1", FAR, false)
    );
    let used = vec![report("r1", T0 + 150, &[], &[])];
    s.record_usage(batch("APP", "new", "I1", T0 + 200, dev, None, T0 + 800, used)).await.unwrap();
    assert_eq!(s.get_seat("APP", "new").await.unwrap().unwrap().expires_at, T0 + 800);
    assert_eq!(
        seat(&s, "APP", "new", T0 + 300, first_use(T0 + 900)).await,
        seated("I1", T0 + 900, false),
        "used: the usual removal time"
    );
    // A device that reported before the code switched to first-use counts as used.
    seat(&s, "APP", "old", T0, vec![cand("I1", dev, T0 + 600)]).await;
    let used = vec![report("r2", T0 + 10, &[], &[])];
    s.record_usage(batch("APP", "old", "I1", T0 + 20, dev, None, T0 + 620, used)).await.unwrap();
    assert_eq!(
        seat(&s, "APP", "old", T0 + 30, first_use(T0 + 630)).await,
        seated("I1", T0 + 630, false)
    );
    // An upload with no reports is not a use: it leaves an unused device's removal time alone.
    seat(&s, "APP", "quiet", T0, first_use(T0 + 600)).await;
    let mut empty = batch("APP", "quiet", "I1", T0 + 40, dev, None, T0 + 640, vec![]);
    if let Some(r) = empty.refresh.as_mut() {
        r.first_use = true;
    }
    s.record_usage(empty).await.unwrap();
    assert_eq!(s.get_seat("APP", "quiet").await.unwrap().unwrap().expires_at, FAR);
    assert_eq!(
        seat(&s, "APP", "quiet", T0 + 50, first_use(T0 + 650)).await,
        seated("I1", FAR, false)
    );
    // A check-out is a use: once checked out (and after it ends), the usual removal time applies.
    seat(&s, "APP", "kiosk", T0, first_use(T0 + 600)).await;
    let held = checkout_req("APP", "kiosk", T0 + 60, vec![held_until("I1", dev, T0 + 7 * DAY)]);
    assert_eq!(s.seat_device(held).await.unwrap(), seated("I1", T0 + 7 * DAY, false));
    assert_eq!(
        seat(&s, "APP", "kiosk", T0 + 8 * DAY, first_use(T0 + 9 * DAY)).await,
        seated("I1", T0 + 9 * DAY, true),
        "used by its check-out (whose seat lapsed on day 7): not held until the item expires"
    );
    // Without first-use, the usual removal time whatever the device did.
    assert_eq!(
        seat(&s, "APP", "plain", T0, vec![cand("I1", dev, T0 + 600)]).await,
        seated("I1", T0 + 600, true)
    );
}

/// Switching a code from `first-use` back to `authorization` starts the clocks of its never-used devices:
/// each lapses a refresh interval after it was last seen (the code's, or the item's default), instead of
/// holding its seat until the item expires; used devices and other codes are left alone.
pub(crate) async fn case_leaving_first_use_starts_unused_clocks(s: S) {
    // An item that runs well past the one-year default interval.
    let end = T0 + 1000 * DAY;
    import(&s, "L1", &[("I1", "per-device", end)]).await;
    code(&s, "APP", &["I1"]).await;
    code(&s, "OTHER", &["I1"]).await;
    let first_use = HandshakePatch { active_from: Some("first-use".into()), ..Default::default() };
    for c in ["APP", "OTHER"] {
        s.update_handshake(c, first_use.clone(), T0).await.unwrap();
    }
    let dev = Room::Devices(10);
    let unused = |exp: i64| {
        vec![SeatCandidate { unused_seat_expires_at: Some(end), ..cand("I1", dev, exp) }]
    };
    seat(&s, "APP", "idle", T0, unused(T0 + 600)).await;
    seat(&s, "APP", "recent", T0 + 5 * DAY, unused(T0 + 5 * DAY + 600)).await;
    seat(&s, "OTHER", "idle", T0, unused(T0 + 600)).await;
    seat(&s, "APP", "used", T0, unused(T0 + 600)).await;
    let used = vec![report("u1", T0 + 10, &[], &[])];
    s.record_usage(batch("APP", "used", "I1", T0 + 20, dev, None, T0 + 620, used)).await.unwrap();
    let expires = |code: &'static str, uuid: &'static str| {
        let s = &s;
        async move { s.get_seat(code, uuid).await.unwrap().unwrap().expires_at }
    };
    assert_eq!(expires("APP", "idle").await, end);

    // Back to authorization with a one-day interval of the code's own.
    let back = HandshakePatch {
        refresh_interval_secs: Some(Some(DAY)),
        active_from: Some("authorization".into()),
        ..Default::default()
    };
    s.update_handshake("APP", back, T0 + 6 * DAY).await.unwrap();
    assert_eq!(expires("APP", "idle").await, T0 + DAY, "last seen at T0");
    assert_eq!(expires("APP", "recent").await, T0 + 6 * DAY);
    assert_eq!(expires("APP", "used").await, T0 + 620, "used: unchanged");
    assert_eq!(expires("OTHER", "idle").await, end, "another code: unchanged");
    // Setting the same value again changes nothing more.
    let again = HandshakePatch {
        active_from: Some("authorization".into()),
        refresh_interval_secs: Some(Some(3 * DAY)),
        ..Default::default()
    };
    s.update_handshake("APP", again, T0 + 7 * DAY).await.unwrap();
    assert_eq!(expires("APP", "idle").await, T0 + DAY);

    // Without an interval of its own: the item's default (a year for a per-device item).
    let back = HandshakePatch { active_from: Some("authorization".into()), ..Default::default() };
    s.update_handshake("OTHER", back, T0 + 6 * DAY).await.unwrap();
    assert_eq!(expires("OTHER", "idle").await, T0 + 365 * DAY);
}
