//! Meta, trusted keys and licenses.

use super::*;

pub(crate) async fn case_meta(s: S) {
    let id = s.lts_id().await.unwrap();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "lts_id {id}");
    assert_eq!(s.lts_id().await.unwrap(), id);
    assert_eq!(s.meta_init("signing_key", "first").await.unwrap(), "first");
    assert_eq!(s.meta_init("signing_key", "second").await.unwrap(), "first");
    assert_eq!(s.meta_init("lts_id", "other").await.unwrap(), id);
    assert_eq!(s.counts(T0).await.unwrap(), Counts::default());
    assert!(!s.location().is_empty());
}

pub(crate) async fn case_shared_meta(a: S, b: S) {
    assert_eq!(a.lts_id().await.unwrap(), b.lts_id().await.unwrap());
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            tokio::spawn(async move { s.meta_init("token_key", &format!("value-{i}")).await })
        })
        .collect();
    let mut values = Vec::new();
    for t in tasks {
        values.push(t.await.unwrap().unwrap());
    }
    values.dedup();
    assert_eq!(values.len(), 1, "every instance gets the first writer's value");
    assert_eq!(a.meta_init("token_key", "late").await.unwrap(), values[0]);
}

pub(crate) async fn case_trust(s: S) {
    let k1 = TrustedKeyRow {
        key_id: "k1".into(),
        name: Some("Issuer One".into()),
        public_key: (0..=255).collect(),
        added_at: T0,
    };
    assert!(s.add_trusted_key(k1.clone()).await.unwrap());
    assert!(!s.add_trusted_key(k1.clone()).await.unwrap(), "same key again");
    let mut other = k1.clone();
    other.public_key = vec![7; 32];
    assert_eq!(
        s.add_trusted_key(other).await.unwrap_err(),
        conflict("another key with id k1 is already trusted")
    );
    let k2 =
        TrustedKeyRow { key_id: "k2".into(), name: None, public_key: vec![2; 32], added_at: T0 };
    let k0 = TrustedKeyRow {
        key_id: "k0".into(),
        name: Some("later".into()),
        public_key: vec![0; 32],
        added_at: T0 + 5,
    };
    assert!(s.add_trusted_key(k0.clone()).await.unwrap());
    assert!(s.add_trusted_key(k2.clone()).await.unwrap());
    assert_eq!(
        s.list_trusted_keys().await.unwrap(),
        vec![k1.clone(), k2.clone(), k0.clone()],
        "by added_at, then key id"
    );
    assert_eq!(s.get_trusted_key("k2").await.unwrap(), Some(k2));
    assert_eq!(s.get_trusted_key("nope").await.unwrap(), None);
    s.remove_trusted_key("k1").await.unwrap();
    assert_eq!(
        s.remove_trusted_key("k1").await.unwrap_err(),
        not_found("no trusted key with id k1")
    );
    assert_eq!(s.counts(T0).await.unwrap().trusted_keys, 2);
}

// ---------------------------------------------------------------------------------------------------------
// Licenses

pub(crate) async fn case_license_import(s: S) {
    let lic = license("L1", "fp1");
    let mut i1 = item("L1", "I1", "per-device", T0 + 30 * DAY);
    i1.quota = Some(5);
    i1.modules = strings(&["pdf", "ocr"]);
    i1.domain = Some("example.com".into());
    i1.active_period = Some("P1Y".into());
    let mut i2 = item("L1", "I2", "per-scan", T0 + 10 * DAY);
    i2.quota = None;
    let items = vec![i1.clone(), i2.clone()];
    let imp = |l: LicenseRow, i: Vec<ItemRow>| {
        let s = s.clone();
        async move { s.import_license(l, i, None, false, T0).await }
    };
    assert_eq!(imp(lic.clone(), items.clone()).await.unwrap(), ImportResult::Imported);
    assert_eq!(imp(lic.clone(), items.clone()).await.unwrap(), ImportResult::Unchanged);
    let mut changed = lic.clone();
    changed.fingerprint = "fp2".into();
    assert_eq!(
        imp(changed, items.clone()).await.unwrap_err(),
        conflict(
            "license L1 is already imported from a different file (issued 2023-11-13T22:13:20Z; this \
             one is issued 2023-11-13T22:13:20Z); if this file is the vendor's later issue of L1, import \
             it with --replace: its items keep their bindings, seats and consumption"
        )
    );
    // An item id used by another license: nothing of the second license is kept.
    let clash = vec![item("L2", "I3", "per-device", FAR), item("L2", "I1", "per-device", FAR)];
    assert_eq!(
        imp(license("L2", "fpx"), clash).await.unwrap_err(),
        conflict(
            "item I1 already exists in license L1; item ids must be unique across licenses (if this \
             license supersedes L1, remove L1 first: the consumption of I1 is kept)"
        )
    );
    assert_eq!(s.get_license("L2", T0).await.unwrap(), None);
    assert_eq!(
        s.get_items(&strings(&["I3"]), T0).await.unwrap_err(),
        not_found("no license item I3")
    );
    // A revocation item names the item it revokes.
    let mut r1 = item("L0", "R1", "per-device", FAR);
    r1.revokes = Some("I1".into());
    imp(license("L0", "fp0"), vec![r1.clone()]).await.unwrap();

    let all = s.list_licenses(T0).await.unwrap();
    let ids: Vec<_> = all.iter().map(|r| r.license.id.as_str()).collect();
    assert_eq!(ids, ["L0", "L1"]);
    let l1 = &all[1];
    assert_eq!(l1.license, lic);
    let got: Vec<ItemRow> = l1.items.iter().map(|i| i.item.clone()).collect();
    assert_eq!(got, items, "items in file order, every field kept");
    assert_eq!(l1.items[0].revoked_by.as_deref(), Some("R1"));
    assert_eq!(l1.items[1].revoked_by, None);
    for st in &l1.items {
        assert_eq!((st.active_devices, st.units_used, st.handshakes.len()), (0, 0, 0));
    }
    assert_eq!(s.get_license("L1", T0).await.unwrap().as_ref(), Some(l1));
    assert_eq!(s.get_license("nope", T0).await.unwrap(), None);
    let two = s.get_items(&strings(&["I2", "I1"]), T0).await.unwrap();
    assert_eq!(
        two.iter().map(|i| i.item.id.as_str()).collect::<Vec<_>>(),
        ["I2", "I1"],
        "in the order asked"
    );
    let c = s.counts(T0).await.unwrap();
    assert_eq!((c.licenses, c.items), (2, 3));
}

pub(crate) async fn case_import_binding(s: S) {
    let items = vec![
        item("L1", "I1", "per-device", T0 + 30 * DAY),
        item("L1", "I2", "per-device", T0 + 10 * DAY),
    ];
    let binding = ImportBinding {
        code: "APP".into(),
        create: Some(code_row("APP", T0)),
        items: strings(&["I1", "I2"]),
    };
    let r = s
        .import_license(license("L1", "fp"), items.clone(), Some(binding), false, T0)
        .await
        .unwrap();
    assert_eq!(r, ImportResult::Imported);
    assert_eq!(item_ids_of(&s, "APP").await, ["I2", "I1"]);
    // Renewal: the same file and binding again changes nothing and is no error.
    let again = ImportBinding { code: "APP".into(), create: None, items: strings(&["I1", "I2"]) };
    let r = s.import_license(license("L1", "fp"), items, Some(again), false, T0 + 5).await.unwrap();
    assert_eq!(r, ImportResult::Unchanged);
    assert_eq!(item_ids_of(&s, "APP").await, ["I2", "I1"]);
    let rec = s.get_handshake("APP", T0).await.unwrap().unwrap();
    assert_eq!(rec.handshake.updated_at, T0 + 5);

    // A missing code without --create: the license is not imported either.
    let missing = ImportBinding { code: "NOPE".into(), create: None, items: strings(&["I3"]) };
    let err = s
        .import_license(
            license("L2", "fp"),
            vec![item("L2", "I3", "per-device", FAR)],
            Some(missing),
            false,
            T0,
        )
        .await
        .unwrap_err();
    assert_eq!(
        err,
        not_found(
            "no handshake code NOPE; create it with `ltsctl handshake create NOPE` or pass --create"
        )
    );
    assert_eq!(s.get_license("L2", T0).await.unwrap(), None);

    // Binding fails after the code was created: license, items and code all roll back.
    let bad = ImportBinding {
        code: "NEW".into(),
        create: Some(code_row("NEW", T0)),
        items: strings(&["I4", "GHOST"]),
    };
    let err = s
        .import_license(
            license("L3", "fp"),
            vec![item("L3", "I4", "per-device", FAR)],
            Some(bad),
            false,
            T0,
        )
        .await
        .unwrap_err();
    assert_eq!(err, not_found("no license item GHOST"));
    assert_eq!(s.get_license("L3", T0).await.unwrap(), None);
    assert_eq!(s.get_handshake("NEW", T0).await.unwrap(), None);
    let c = s.counts(T0).await.unwrap();
    assert_eq!((c.licenses, c.items, c.handshakes), (1, 2, 1));
}

pub(crate) async fn case_license_remove(s: S) {
    import(&s, "L1", &[("I1", "per-scan", FAR)]).await;
    import(&s, "L2", &[("I2", "per-device", FAR)]).await;
    code(&s, "APP", &["I1", "I2"]).await;
    let units = cand("I1", Room::Units(100), T0 + 100);
    assert_eq!(seat(&s, "APP", "d1", T0, vec![units]).await, seated("I1", T0 + 100, true));
    let b = batch(
        "APP",
        "d1",
        "I1",
        T0 + 1,
        Room::Units(100),
        Some("scan"),
        T0 + 100,
        vec![report("r1", T0, &[("qr", 3)], &[])],
    );
    assert_eq!(s.record_usage(b).await.unwrap(), recorded(1, 0));
    assert_eq!(
        seat(&s, "APP", "d2", T0, vec![cand("I2", Room::Devices(5), T0 + 100)]).await,
        seated("I2", T0 + 100, true)
    );

    let in_use = conflict(
        "license L1 is in use: devices hold 1 live seat(s) on its items (I1: 1); unregister them \
         first, or pass --force to remove the license and free the seats (its consumption and usage \
         history are kept either way)",
    );
    assert_eq!(s.remove_license("L1", false, false, T0).await.unwrap_err(), in_use);
    assert_eq!(
        s.remove_license("L1", false, true, T0).await.unwrap_err(),
        in_use,
        "a dry run refuses alike"
    );
    assert!(s.get_license("L1", T0).await.unwrap().is_some());
    // Only lapsed seats: no force needed.
    let r = s.remove_license("L2", false, false, T0 + 100).await.unwrap();
    assert_eq!(r.seats(), 0);
    assert_eq!(r.unbound, [("APP".to_string(), "I2".to_string())]);
    assert_eq!(s.get_seat("APP", "d2").await.unwrap(), None);
    // A forced dry run says what would go and changes nothing.
    let want = ltsctl::store::LicenseRemoval {
        freed_seats: vec![("I1".into(), 1)],
        checked_out: 0,
        unbound: vec![("APP".into(), "I1".into())],
        units_kept: 3,
        reports_kept: 1,
    };
    assert_eq!(s.remove_license("L1", true, true, T0).await.unwrap(), want);
    assert!(s.get_license("L1", T0).await.unwrap().is_some());
    assert_eq!(item_ids_of(&s, "APP").await, ["I1"]);
    // Forced: items, bindings and seats go with it; the usage ledger stays.
    assert_eq!(s.remove_license("L1", true, false, T0).await.unwrap(), want);
    assert_eq!(s.get_license("L1", T0).await.unwrap(), None);
    assert_eq!(s.get_seat("APP", "d1").await.unwrap(), None);
    assert!(item_ids_of(&s, "APP").await.is_empty());
    let kept = s.device_usage("d1").await.unwrap();
    assert_eq!((kept.reports, kept.scans.clone()), (1, vec![("qr".into(), 3)]));
    assert_eq!(
        s.get_items(&strings(&["I1"]), T0).await.unwrap_err(),
        not_found("no license item I1")
    );
    assert_eq!(
        s.remove_license("L1", false, false, T0).await.unwrap_err(),
        not_found("no license L1")
    );
    assert_eq!(s.counts(T0).await.unwrap().items, 0);
}

/// Consumption belongs to the item id for the item's lifetime: removing the license and importing the
/// same file again (or a renewal re-issuing the id with more quota) finds the units consumed and the
/// history as they were.
pub(crate) async fn case_ledger_outlives_the_license(s: S) {
    import(&s, "L1", &[("I1", "per-scan", FAR)]).await;
    code(&s, "APP", &["I1"]).await;
    seat(&s, "APP", "d1", T0, vec![cand("I1", Room::Units(100), FAR)]).await;
    let b = batch(
        "APP",
        "d1",
        "I1",
        T0 + 1,
        Room::Units(100),
        Some("scan"),
        FAR,
        vec![report("r1", T0, &[("qr", 150)], &[])],
    );
    assert_eq!(s.record_usage(b).await.unwrap(), recorded(1, 0));
    assert_eq!(item_state(&s, "I1", T0).await.units_used, 150);
    s.remove_license("L1", true, false, T0 + 2).await.unwrap();
    import(&s, "L1", &[("I1", "per-scan", FAR)]).await;
    let back = item_state(&s, "I1", T0 + 3).await;
    assert_eq!(back.units_used, 150, "removal and re-import keep the count");
    let g = s
        .usage_groups(
            &UsageFilter { handshake: None, item: Some("I1".into()), since: None },
            UsageGrouping::Item,
        )
        .await
        .unwrap();
    assert_eq!((g[0].scans, g[0].reports), (150, 1), "and the history");
    // Deleting the code keeps the history too.
    s.bind_items("APP", &strings(&["I1"]), T0 + 4).await.unwrap();
    s.delete_handshake("APP", true, T0 + 4).await.unwrap();
    assert_eq!(s.device_usage("d1").await.unwrap().reports, 1);
    assert_eq!(item_state(&s, "I1", T0 + 5).await.units_used, 150);
}

/// `license import --replace`: a later issue of a stored license takes its place in one transaction.
pub(crate) async fn case_replace_license(s: S) {
    let mut i1 = item("L1", "I1", "per-scan", FAR);
    i1.quota = Some(100);
    let i2 = item("L1", "I2", "per-device", FAR);
    let i3 = item("L1", "I3", "per-device", FAR);
    s.import_license(
        license("L1", "fp1"),
        vec![i1.clone(), i2.clone(), i3.clone()],
        None,
        false,
        T0,
    )
    .await
    .unwrap();
    code(&s, "APP", &["I1", "I2", "I3"]).await;
    seat(&s, "APP", "d1", T0, vec![cand("I1", Room::Units(100), FAR)]).await;
    seat(&s, "APP", "d2", T0, vec![cand("I3", Room::Devices(5), FAR)]).await;
    let b = batch(
        "APP",
        "d1",
        "I1",
        T0 + 1,
        Room::Units(100),
        Some("scan"),
        FAR,
        vec![report("r1", T0, &[("qr", 90)], &[])],
    );
    s.record_usage(b).await.unwrap();

    // The identical file is no change; the same issue time is no later issue.
    let replace = |l: LicenseRow, items: Vec<ItemRow>| {
        let s = s.clone();
        async move { s.import_license(l, items, None, true, T0 + 10).await }
    };
    assert_eq!(
        replace(license("L1", "fp1"), vec![i1.clone(), i2.clone(), i3.clone()]).await.unwrap(),
        ImportResult::Unchanged
    );
    assert_eq!(
        replace(license("L1", "fp2"), vec![i1.clone()]).await.unwrap_err(),
        conflict(
            "license L1 is stored from a file issued 2023-11-13T22:13:20Z; this file is issued \
             2023-11-13T22:13:20Z, which is not later, so it does not replace it; ask the vendor which \
             file of L1 is current"
        )
    );
    // A later issue that drops an item with a live seat is refused whole.
    let mut later = license("L1", "fp2");
    later.issued_at = T0;
    later.licensee = "Renamed Corp".into();
    let mut more = i1.clone();
    more.quota = Some(200);
    let i4 = item("L1", "I4", "per-device", FAR);
    assert_eq!(
        replace(later.clone(), vec![more.clone(), i4.clone()]).await.unwrap_err(),
        conflict(
            "the new issue of license L1 no longer has item I3, and devices hold 1 live seat(s) on it; \
             unregister them first (`ltsctl devices list --item I3`), then import again"
        )
    );
    assert_eq!(item_state(&s, "I1", T0).await.item.quota, Some(100));
    // Keeping I3: I1 takes the new quota and keeps its binding, seat and consumption; I2 goes; I4 comes.
    assert_eq!(
        replace(later.clone(), vec![more.clone(), i3.clone(), i4.clone()]).await.unwrap(),
        ImportResult::Replaced { dropped_items: strings(&["I2"]) }
    );
    let rec = s.get_license("L1", T0).await.unwrap().unwrap();
    assert_eq!(rec.license, later);
    let ids: Vec<&str> = rec.items.iter().map(|i| i.item.id.as_str()).collect();
    assert_eq!(ids, ["I1", "I3", "I4"], "in the new file's order");
    let i1_now = item_state(&s, "I1", T0).await;
    assert_eq!((i1_now.item.quota, i1_now.units_used), (Some(200), 90));
    assert_eq!(i1_now.handshakes, strings(&["APP"]));
    assert_eq!(s.get_seat("APP", "d1").await.unwrap().unwrap().item_id, "I1");
    assert_eq!(s.get_seat("APP", "d2").await.unwrap().unwrap().item_id, "I3");
    assert_eq!(item_ids_of(&s, "APP").await, ["I1", "I3"], "I4 is not bound");
    // A replacement may not take an item id another license holds.
    import(&s, "L9", &[("X1", "per-device", FAR)]).await;
    let mut again = later.clone();
    again.issued_at = T0 + DAY;
    again.fingerprint = "fp3".into();
    assert_eq!(
        replace(again, vec![more, i3, item("L1", "X1", "per-device", FAR)]).await.unwrap_err(),
        conflict(
            "item X1 already exists in license L9; item ids must be unique across licenses (if this \
             license supersedes L9, remove L9 first: the consumption of X1 is kept)"
        )
    );
    assert_eq!(s.get_license("L1", T0).await.unwrap().unwrap().license, later);
    // A license not stored yet is imported.
    assert_eq!(
        replace(license("L5", "fp5"), vec![item("L5", "I5", "per-device", FAR)]).await.unwrap(),
        ImportResult::Imported
    );
}
