//! Devices at scale (listing, views, unregistering, usage statistics), then tokens and the audit log.

use super::*;

pub(crate) async fn fleet_fixture(s: &S) -> Vec<DeviceRow> {
    import(s, "L1", &[("I1", "per-device", FAR), ("I2", "per-device", FAR)]).await;
    code(s, "APP", &["I1", "I2"]).await;
    code(s, "OTHER", &["I1", "I2"]).await;
    let mut rows = Vec::new();
    for i in 0..30i64 {
        let code = if i % 2 == 0 { "APP" } else { "OTHER" };
        let item_id = if i % 3 == 0 { "I2" } else { "I1" };
        let first = T0 + (i * 13) % 17;
        let last = first + (i * 5) % 11;
        let exp = if i % 4 == 0 { T0 + 40 } else { T0 + 100 };
        rows.push(device(code, &format!("dev-{:02}", (i * 7) % 30), item_id, first, last, exp));
    }
    // The same devices through the other code too: equal keys are ordered by code, then UUID.
    for i in [3i64, 8, 21] {
        let mut r = rows[i as usize].clone();
        r.handshake = if r.handshake == "APP" { "OTHER".into() } else { "APP".into() };
        rows.push(r);
    }
    s.insert_devices(&rows).await.expect("insert_devices");
    rows
}

pub(crate) async fn case_insert_devices(s: S) {
    let rows = fleet_fixture(&s).await;
    assert_eq!(s.count_devices(&DeviceFilter::default()).await.unwrap(), 33);
    let fresh = device("APP", "new-1", "I1", T0, T0, T0 + 10);
    let err = s.insert_devices(&[fresh.clone(), rows[0].clone()]).await.unwrap_err();
    assert_eq!(
        err,
        conflict(&format!(
            "device {} is already seated through {}",
            rows[0].uuid, rows[0].handshake
        ))
    );
    assert!(s.device_seats("new-1").await.unwrap().is_empty(), "nothing inserted");
    s.insert_devices(std::slice::from_ref(&fresh)).await.unwrap();
    assert_eq!(s.device_seats("new-1").await.unwrap(), vec![fresh]);
}

pub(crate) fn sort_key(sort: DeviceSort, r: &DeviceRow) -> (i64, String, String) {
    match sort {
        DeviceSort::LastSeen => (r.last_seen, r.handshake.clone(), r.uuid.clone()),
        DeviceSort::FirstSeen => (r.first_seen, r.handshake.clone(), r.uuid.clone()),
        DeviceSort::Uuid => (0, r.uuid.clone(), r.handshake.clone()),
    }
}

pub(crate) fn cursor(sort: DeviceSort, r: &DeviceRow) -> DeviceCursor {
    let key = match sort {
        DeviceSort::LastSeen => r.last_seen.to_string(),
        DeviceSort::FirstSeen => r.first_seen.to_string(),
        DeviceSort::Uuid => r.uuid.clone(),
    };
    DeviceCursor { key, handshake: r.handshake.clone(), uuid: r.uuid.clone() }
}

pub(crate) fn matches(f: &DeviceFilter, r: &DeviceRow) -> bool {
    f.handshake.as_ref().is_none_or(|h| *h == r.handshake)
        && f.item.as_ref().is_none_or(|i| *i == r.item_id)
        && f.last_seen_before.is_none_or(|t| r.last_seen < t)
        && match f.state {
            DeviceState::All => true,
            DeviceState::Active => r.expires_at > f.now,
            DeviceState::Expired => r.expires_at <= f.now,
        }
}

pub(crate) async fn case_list_devices(s: S) {
    let rows = fleet_fixture(&s).await;
    let filters = [
        DeviceFilter::default(),
        DeviceFilter { handshake: Some("APP".into()), ..Default::default() },
        DeviceFilter { item: Some("I2".into()), ..Default::default() },
        DeviceFilter { last_seen_before: Some(T0 + 8), ..Default::default() },
        DeviceFilter { state: DeviceState::Active, now: T0 + 40, ..Default::default() },
        DeviceFilter { state: DeviceState::Expired, now: T0 + 40, ..Default::default() },
        DeviceFilter {
            handshake: Some("OTHER".into()),
            item: Some("I1".into()),
            last_seen_before: Some(T0 + 20),
            state: DeviceState::Active,
            now: T0 + 40,
            checked_out: None,
        },
        DeviceFilter { handshake: Some("NOPE".into()), ..Default::default() },
    ];
    for sort in [DeviceSort::LastSeen, DeviceSort::FirstSeen, DeviceSort::Uuid] {
        for f in &filters {
            let mut want: Vec<DeviceRow> = rows.iter().filter(|r| matches(f, r)).cloned().collect();
            want.sort_by_key(|r| sort_key(sort, r));
            let mut got: Vec<DeviceRow> = Vec::new();
            let mut after: Option<DeviceCursor> = None;
            loop {
                let page = s
                    .list_devices(DeviceListing {
                        filter: f,
                        sort,
                        after: after.as_ref(),
                        limit: 4,
                    })
                    .await
                    .unwrap();
                assert!(page.len() <= 4);
                let Some(last) = page.last() else { break };
                after = Some(cursor(sort, last));
                got.extend(page);
            }
            assert_eq!(got, want, "{sort:?} {f:?}");
            assert_eq!(s.count_devices(f).await.unwrap(), want.len() as i64, "count {f:?}");
            let all = s
                .list_devices(DeviceListing { filter: f, sort, after: None, limit: -1 })
                .await
                .unwrap();
            assert_eq!(all, want, "a negative limit is no limit ({sort:?})");
        }
    }
    assert!(
        s.list_devices(DeviceListing {
            filter: &DeviceFilter::default(),
            sort: DeviceSort::Uuid,
            after: None,
            limit: 0
        })
        .await
        .unwrap()
        .is_empty()
    );
}

pub(crate) async fn case_device_views(s: S) {
    let rows = fleet_fixture(&s).await;
    let uuid = rows[3].uuid.clone();
    let seats = s.device_seats(&uuid).await.unwrap();
    let codes: Vec<_> = seats.iter().map(|r| r.handshake.as_str()).collect();
    assert_eq!(codes, ["APP", "OTHER"], "ordered by code");
    assert!(seats.iter().all(|r| r.uuid == uuid));
    assert!(s.device_seats("nope").await.unwrap().is_empty());
    assert_eq!(s.device_usage("nope").await.unwrap(), DeviceUsage::default());
}

pub(crate) async fn case_unregister(s: S) {
    import(&s, "L1", &[("I1", "per-device", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    code(&s, "OTHER", &["I1"]).await;
    let mut rows = vec![
        device("APP", "u1", "I1", T0, T0, T0 + 100),
        device("OTHER", "u1", "I1", T0, T0, T0 + 100),
        device("APP", "u2", "I1", T0, T0, T0 + 100),
        device("OTHER", "u3", "I1", T0, T0, T0 + 100),
    ];
    for i in 0..7 {
        let code = if i < 5 { "APP" } else { "OTHER" };
        rows.push(device(code, &format!("x{i}"), "I1", T0, T0 + i, T0 + 10));
    }
    s.insert_devices(&rows).await.unwrap();
    let missing = s
        .unregister_devices(&strings(&["u1", "nope", "u3"]), Some("APP"), false, T0)
        .await
        .unwrap();
    assert_eq!(missing, ["nope", "u3"]);
    assert_eq!(s.device_seats("u1").await.unwrap().len(), 1, "kept through OTHER");
    assert_eq!(s.device_seats("u3").await.unwrap().len(), 1);
    let missing = s.unregister_devices(&strings(&["u1", "u2"]), None, false, T0).await.unwrap();
    assert!(missing.is_empty());
    assert!(s.device_seats("u1").await.unwrap().is_empty());
    assert!(s.unregister_devices(&[], None, false, T0).await.unwrap().is_empty());

    let expired = DeviceFilter { state: DeviceState::Expired, now: T0 + 50, ..Default::default() };
    assert_eq!(s.count_devices(&expired).await.unwrap(), 7);
    let by_code = DeviceFilter { handshake: Some("OTHER".into()), ..expired.clone() };
    assert_eq!(s.unregister_matching(&by_code, 100).await.unwrap(), 2);
    let mut batches = Vec::new();
    loop {
        let n = s.unregister_matching(&expired, 2).await.unwrap();
        batches.push(n);
        if n == 0 {
            break;
        }
    }
    assert_eq!(batches, [2, 2, 1, 0]);
    assert_eq!(s.count_devices(&DeviceFilter::default()).await.unwrap(), 1);
    assert_eq!(s.device_seats("u3").await.unwrap().len(), 1);
}

pub(crate) async fn case_usage_groups(s: S) {
    import(&s, "L1", &[("I1", "per-scan", FAR), ("I2", "per-page", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    code(&s, "OTHER", &["I2"]).await;
    let seat_on = |code: &'static str, uuid: &'static str, item_id: &'static str| {
        let s = s.clone();
        async move {
            seat(&s, code, uuid, T0, vec![cand(item_id, Room::Unlimited, FAR)]).await;
        }
    };
    seat_on("APP", "d1", "I1").await;
    seat_on("APP", "d2", "I1").await;
    seat_on("OTHER", "d3", "I2").await;
    let rec = |code: &str, uuid: &str, item_id: &str, reports| {
        batch(code, uuid, item_id, T0 + 2 * DAY, Room::Unlimited, None, FAR, reports)
    };
    let day2 = T0 + DAY;
    let batches = vec![
        rec(
            "APP",
            "d1",
            "I1",
            vec![
                report("a", T0, &[("qr", 5), ("ean13", 1)], &[]),
                report("b", day2, &[("qr", 2)], &[]),
            ],
        ),
        rec("APP", "d2", "I1", vec![report("a", T0, &[("ean13", 3)], &[])]),
        rec("OTHER", "d3", "I2", vec![report("a", day2, &[("qr", 1)], &[("m2", 4), ("m1", 4)])]),
    ];
    for b in batches {
        assert!(s.record_usage(b).await.unwrap().accepted > 0);
    }
    let g = |key: &str, scans, pages, reports, devices| UsageGroup {
        key: key.into(),
        scans,
        pages,
        reports,
        devices,
    };
    let all = UsageFilter { handshake: None, item: None, since: None };
    let groups = |f: UsageFilter, by| {
        let s = s.clone();
        async move { s.usage_groups(&f, by).await.unwrap() }
    };
    assert_eq!(
        groups(all.clone(), UsageGrouping::Day).await,
        vec![g("2023-11-14", 9, 0, 2, 2), g("2023-11-15", 3, 8, 2, 2)]
    );
    assert_eq!(
        groups(all.clone(), UsageGrouping::Item).await,
        vec![g("I1", 11, 0, 3, 2), g("I2", 1, 8, 1, 1)]
    );
    assert_eq!(
        groups(all.clone(), UsageGrouping::Symbology).await,
        vec![g("qr", 8, 0, 3, 2), g("ean13", 4, 0, 2, 2)]
    );
    assert_eq!(
        groups(all.clone(), UsageGrouping::Module).await,
        vec![g("m1", 0, 4, 1, 1), g("m2", 0, 4, 1, 1)],
        "equal totals by name"
    );
    let other = UsageFilter { handshake: Some("OTHER".into()), ..all.clone() };
    assert_eq!(groups(other, UsageGrouping::Item).await, vec![g("I2", 1, 8, 1, 1)]);
    let i1_since = UsageFilter { handshake: None, item: Some("I1".into()), since: Some(day2) };
    assert_eq!(groups(i1_since, UsageGrouping::Day).await, vec![g("2023-11-15", 2, 0, 1, 1)]);
    let none = UsageFilter { handshake: Some("NOPE".into()), ..all };
    assert!(groups(none, UsageGrouping::Symbology).await.is_empty());
}

// ---------------------------------------------------------------------------------------------------------
// Access

pub(crate) fn token(name: &str, token_id: &str, role: &str, created_at: i64) -> TokenRow {
    TokenRow {
        name: name.into(),
        token_id: token_id.into(),
        secret_hash: (0..32).collect(),
        role: role.into(),
        created_at,
        expires_at: Some(created_at + DAY),
        revoked_at: None,
        last_used_at: None,
    }
}

pub(crate) async fn case_tokens(s: S) {
    let ci = token("ci", "tid-ci", "admin", T0);
    s.create_token(ci.clone()).await.unwrap();
    let taken = conflict(
        "a token named ci exists (or existed: names of revoked tokens stay taken, so the audit log stays unambiguous)",
    );
    assert_eq!(s.create_token(token("ci", "tid-other", "viewer", T0)).await.unwrap_err(), taken);
    let mut alice = token("alice", "tid-alice", "viewer", T0);
    alice.expires_at = None;
    s.create_token(alice.clone()).await.unwrap();
    let zed = token("zed", "tid-zed", "operator", T0 - 5);
    s.create_token(zed.clone()).await.unwrap();
    assert_eq!(
        s.list_tokens().await.unwrap(),
        vec![zed, alice, ci.clone()],
        "by creation time, then name"
    );
    assert_eq!(s.find_token("tid-ci").await.unwrap(), Some(ci.clone()));
    assert_eq!(s.find_token("nope").await.unwrap(), None);

    let last_used =
        |s: S| async move { s.find_token("tid-ci").await.unwrap().unwrap().last_used_at };
    s.touch_token("tid-ci", T0 + 10).await.unwrap();
    assert_eq!(last_used(s.clone()).await, Some(T0 + 10));
    s.touch_token("tid-ci", T0 + 60).await.unwrap();
    assert_eq!(last_used(s.clone()).await, Some(T0 + 10), "at most once a minute");
    s.touch_token("tid-ci", T0 + 71).await.unwrap();
    assert_eq!(last_used(s.clone()).await, Some(T0 + 71));
    s.touch_token("nope", T0).await.unwrap();

    s.revoke_token("ci", T0 + 100).await.unwrap();
    let got = s.find_token("tid-ci").await.unwrap().unwrap();
    assert_eq!(got.revoked_at, Some(T0 + 100));
    assert_eq!(
        s.revoke_token("ci", T0 + 200).await.unwrap_err(),
        not_found("no active token named ci")
    );
    assert_eq!(
        s.revoke_token("nope", T0).await.unwrap_err(),
        not_found("no active token named nope")
    );
    assert_eq!(s.create_token(token("ci", "tid-new", "admin", T0 + 300)).await.unwrap_err(), taken);
}

pub(crate) async fn case_audit(s: S) {
    let row = |at: i64, actor: &str, detail: Option<&str>| AuditRow {
        at,
        actor: actor.into(),
        action: "license.import".into(),
        target: format!("L{at}"),
        result: if detail.is_some() { "conflict" } else { "ok" }.into(),
        detail: detail.map(str::to_string),
        client: (actor == "ci").then(|| format!("203.0.113.{}", at - T0 + 1)),
    };
    let rows = vec![
        row(T0, "alice", None),
        row(T0 + 1, "ci", Some("already imported")),
        row(T0 + 2, "alice", None),
        row(T0 + 3, "ci", None),
        // Appended last with an earlier time: the log is newest-appended first.
        row(T0 - 100, "alice", Some("clock skew")),
    ];
    for r in &rows {
        s.append_audit(r.clone()).await.unwrap();
    }
    let rev = |idx: &[usize]| idx.iter().map(|&i| rows[i].clone()).collect::<Vec<_>>();
    assert_eq!(s.list_audit(None, None, 100).await.unwrap(), rev(&[4, 3, 2, 1, 0]));
    assert_eq!(s.list_audit(None, None, -1).await.unwrap(), rev(&[4, 3, 2, 1, 0]));
    assert_eq!(s.list_audit(None, None, 2).await.unwrap(), rev(&[4, 3]));
    assert_eq!(s.list_audit(Some(T0 + 1), None, 100).await.unwrap(), rev(&[3, 2, 1]));
    assert_eq!(s.list_audit(None, Some("alice"), 100).await.unwrap(), rev(&[4, 2, 0]));
    assert_eq!(s.list_audit(Some(T0), Some("alice"), 1).await.unwrap(), rev(&[2]));
    assert!(s.list_audit(None, Some("nobody"), 100).await.unwrap().is_empty());
}
