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
    assert_eq!(
        values.len(),
        1,
        "every instance gets the first writer's value"
    );
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
    assert!(
        !s.add_trusted_key(k1.clone()).await.unwrap(),
        "same key again"
    );
    let mut other = k1.clone();
    other.public_key = vec![7; 32];
    assert_eq!(
        s.add_trusted_key(other).await.unwrap_err(),
        conflict("another key with id k1 is already trusted")
    );
    let k2 = TrustedKeyRow {
        key_id: "k2".into(),
        name: None,
        public_key: vec![2; 32],
        added_at: T0,
    };
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
        async move { s.import_license(l, i, None, T0).await }
    };
    assert_eq!(
        imp(lic.clone(), items.clone()).await.unwrap(),
        ImportResult::Imported
    );
    assert_eq!(
        imp(lic.clone(), items.clone()).await.unwrap(),
        ImportResult::Unchanged
    );
    let mut changed = lic.clone();
    changed.fingerprint = "fp2".into();
    assert_eq!(
        imp(changed, items.clone()).await.unwrap_err(),
        conflict(
            "license L1 is already imported from a different file; remove it first with \
             `ltsctl license remove L1` if the new file replaces it"
        )
    );
    // An item id used by another license: nothing of the second license is kept.
    let clash = vec![
        item("L2", "I3", "per-device", FAR),
        item("L2", "I1", "per-device", FAR),
    ];
    assert_eq!(
        imp(license("L2", "fpx"), clash).await.unwrap_err(),
        conflict("item I1 already exists in license L1; item ids must be unique across licenses")
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
        assert_eq!(
            (st.active_devices, st.units_used, st.handshakes.len()),
            (0, 0, 0)
        );
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
        .import_license(license("L1", "fp"), items.clone(), Some(binding), T0)
        .await
        .unwrap();
    assert_eq!(r, ImportResult::Imported);
    assert_eq!(item_ids_of(&s, "APP").await, ["I2", "I1"]);
    // Renewal: the same file and binding again changes nothing and is no error.
    let again = ImportBinding {
        code: "APP".into(),
        create: None,
        items: strings(&["I1", "I2"]),
    };
    let r = s
        .import_license(license("L1", "fp"), items, Some(again), T0 + 5)
        .await
        .unwrap();
    assert_eq!(r, ImportResult::Unchanged);
    assert_eq!(item_ids_of(&s, "APP").await, ["I2", "I1"]);
    let rec = s.get_handshake("APP", T0).await.unwrap().unwrap();
    assert_eq!(rec.handshake.updated_at, T0 + 5);

    // A missing code without --create: the license is not imported either.
    let missing = ImportBinding {
        code: "NOPE".into(),
        create: None,
        items: strings(&["I3"]),
    };
    let err = s
        .import_license(
            license("L2", "fp"),
            vec![item("L2", "I3", "per-device", FAR)],
            Some(missing),
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
    assert_eq!(
        seat(&s, "APP", "d1", T0, vec![units]).await,
        seated("I1", T0 + 100, true)
    );
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
        seat(
            &s,
            "APP",
            "d2",
            T0,
            vec![cand("I2", Room::Devices(5), T0 + 100)]
        )
        .await,
        seated("I2", T0 + 100, true)
    );

    assert_eq!(
        s.remove_license("L1", false, T0).await.unwrap_err(),
        conflict(
            "license L1 is in use: 1 device(s) hold seats on its items; \
             unregister them first or pass --force to remove the license and free the seats"
        )
    );
    assert!(s.get_license("L1", T0).await.unwrap().is_some());
    // Only lapsed seats: no force needed.
    s.remove_license("L2", false, T0 + 100).await.unwrap();
    assert_eq!(s.get_seat("APP", "d2").await.unwrap(), None);
    // Forced: items, bindings, seats and usage go with it.
    s.remove_license("L1", true, T0).await.unwrap();
    assert_eq!(s.get_license("L1", T0).await.unwrap(), None);
    assert_eq!(s.get_seat("APP", "d1").await.unwrap(), None);
    assert!(item_ids_of(&s, "APP").await.is_empty());
    assert_eq!(s.device_usage("d1").await.unwrap(), DeviceUsage::default());
    assert_eq!(
        s.get_items(&strings(&["I1"]), T0).await.unwrap_err(),
        not_found("no license item I1")
    );
    assert_eq!(
        s.remove_license("L1", false, T0).await.unwrap_err(),
        not_found("no license L1")
    );
    assert_eq!(s.counts(T0).await.unwrap().items, 0);
}
