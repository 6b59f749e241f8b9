//! Handshake codes: items, order, settings, domains, deletion.

use super::*;

pub(crate) async fn case_handshake_codes(s: S) {
    code(&s, "ZED", &[]).await;
    code(&s, "APP", &[]).await;
    assert_eq!(
        s.create_handshake(code_row("APP", T0)).await.unwrap_err(),
        conflict("handshake code APP already exists")
    );
    let mut full = code_row("FULL", T0);
    full.name = Some("Full".into());
    full.refresh_interval_secs = Some(600);
    full.overuse_percent = Some(20);
    full.password_hash = Some("$argon2id$v=19$m=19456,t=2,p=1$x$y".into());
    full.explicit_order = true;
    s.create_handshake(full.clone()).await.unwrap();
    let all = s.list_handshakes(T0).await.unwrap();
    let codes: Vec<_> = all.iter().map(|r| r.handshake.code.as_str()).collect();
    assert_eq!(codes, ["APP", "FULL", "ZED"]);
    assert_eq!(all[1].handshake, full);
    assert!(all[1].items.is_empty() && all[1].domains.is_empty());
    assert_eq!(all[1].active_devices, 0);
    assert_eq!(s.get_handshake("NOPE", T0).await.unwrap(), None);
    assert_eq!(s.get_handshake("FULL", T0).await.unwrap().unwrap().handshake, full);
    assert_eq!(s.counts(T0).await.unwrap().handshakes, 3);
}

pub(crate) async fn case_handshake_items(s: S) {
    import(
        &s,
        "L1",
        &[
            ("A", "per-device", T0 + 20 * DAY),
            ("B", "per-device", T0 + 10 * DAY),
            ("C", "per-device", T0 + 30 * DAY),
        ],
    )
    .await;
    code(&s, "APP", &[]).await;
    code(&s, "ZED", &[]).await;
    assert_eq!(s.bind_items("NOPE", &strings(&["A"]), T0).await.unwrap_err(), no_code("NOPE"));
    s.bind_items("APP", &strings(&["A", "B"]), T0 + 1).await.unwrap();
    assert_eq!(
        s.bind_items("APP", &strings(&["C", "A"]), T0 + 2).await.unwrap_err(),
        conflict("item A is already bound to handshake code APP")
    );
    assert_eq!(
        s.bind_items("APP", &strings(&["GHOST"]), T0 + 2).await.unwrap_err(),
        not_found("no license item GHOST")
    );
    assert_eq!(item_ids_of(&s, "APP").await, ["B", "A"], "C was not bound");
    s.bind_items("APP", &strings(&["C"]), T0 + 3).await.unwrap();
    let rec = s.get_handshake("APP", T0).await.unwrap().unwrap();
    assert_eq!(rec.handshake.updated_at, T0 + 3);
    assert!(!rec.handshake.explicit_order);
    assert_eq!(item_ids_of(&s, "APP").await, ["B", "A", "C"], "soonest expiry first");
    s.bind_items("ZED", &strings(&["A"]), T0).await.unwrap();
    assert_eq!(item_state(&s, "A", T0).await.handshakes, ["APP", "ZED"]);

    assert_eq!(
        s.order_items("APP", &strings(&["C", "A"]), T0).await.unwrap_err(),
        StoreError::Invalid(
            "the new order must name every item bound to APP exactly once; bound now: A, B, C"
                .into()
        )
    );
    code(&s, "EMPTY", &[]).await;
    assert_eq!(
        s.order_items("EMPTY", &strings(&["A"]), T0).await.unwrap_err(),
        StoreError::Invalid(
            "the new order must name every item bound to EMPTY exactly once; bound now: none"
                .into()
        )
    );
    assert_eq!(s.order_items("NOPE", &[], T0).await.unwrap_err(), no_code("NOPE"));
    s.order_items("APP", &strings(&["C", "A", "B"]), T0 + 4).await.unwrap();
    let rec = s.get_handshake("APP", T0).await.unwrap().unwrap();
    assert!(rec.handshake.explicit_order);
    assert_eq!(rec.handshake.updated_at, T0 + 4);
    assert_eq!(item_ids_of(&s, "APP").await, ["C", "A", "B"]);
    // Bound later: appended after the hand-set order.
    import(&s, "L2", &[("D", "per-device", T0 + DAY)]).await;
    s.bind_items("APP", &strings(&["D"]), T0 + 5).await.unwrap();
    assert_eq!(item_ids_of(&s, "APP").await, ["C", "A", "B", "D"]);

    assert_eq!(
        s.unbind_items("APP", &strings(&["A", "GHOST"]), T0).await.unwrap_err(),
        not_found("item GHOST is not bound to handshake code APP")
    );
    assert_eq!(item_ids_of(&s, "APP").await, ["C", "A", "B", "D"]);
    s.unbind_items("APP", &strings(&["A"]), T0 + 6).await.unwrap();
    assert_eq!(item_ids_of(&s, "APP").await, ["C", "B", "D"]);
    assert_eq!(item_state(&s, "A", T0).await.handshakes, ["ZED"]);
    assert_eq!(s.unbind_items("NOPE", &strings(&["A"]), T0).await.unwrap_err(), no_code("NOPE"));
}

pub(crate) async fn case_handshake_order_by_expiry(s: S) {
    import(
        &s,
        "L1",
        &[
            ("A", "per-device", T0 + 3 * DAY),
            ("B", "per-device", T0 + DAY),
            ("C", "per-device", T0 + 2 * DAY),
        ],
    )
    .await;
    code(&s, "APP", &["A", "B", "C"]).await;
    s.order_items("APP", &strings(&["A", "C", "B"]), T0 + 1).await.unwrap();
    assert_eq!(item_ids_of(&s, "APP").await, ["A", "C", "B"]);
    let generation = s.config_generation().await.unwrap();
    s.order_by_expiry("APP", T0 + 2).await.unwrap();
    let rec = s.get_handshake("APP", T0).await.unwrap().unwrap();
    assert!(!rec.handshake.explicit_order);
    assert_eq!(rec.handshake.updated_at, T0 + 2);
    assert_eq!(item_ids_of(&s, "APP").await, ["B", "C", "A"]);
    assert!(
        s.config_generation().await.unwrap() > generation,
        "cached copies of the code must see the new order"
    );
    // An item bound later takes its place by expiry too.
    import(&s, "L2", &[("D", "per-device", T0 + DAY / 2)]).await;
    s.bind_items("APP", &strings(&["D"]), T0 + 3).await.unwrap();
    assert_eq!(item_ids_of(&s, "APP").await, ["D", "B", "C", "A"]);
    // Already in expiry order: harmless. An unknown code: not found.
    s.order_by_expiry("APP", T0 + 4).await.unwrap();
    assert_eq!(s.get_handshake("APP", T0).await.unwrap().unwrap().handshake.updated_at, T0 + 4);
    assert_eq!(s.order_by_expiry("NOPE", T0).await.unwrap_err(), no_code("NOPE"));
}

pub(crate) async fn case_handshake_update_and_domains(s: S) {
    code(&s, "APP", &[]).await;
    let base = s.get_handshake("APP", T0).await.unwrap().unwrap().handshake;
    let patch = HandshakePatch {
        name: Some(Some("My app".into())),
        refresh_interval_secs: Some(Some(3600)),
        offline_grace_secs: Some(7200),
        overuse_percent: Some(Some(10)),
        password_hash: Some(Some("$argon2id$hash".into())),
        active_from: Some("first-use".into()),
    };
    s.update_handshake("APP", patch, T0 + 50).await.unwrap();
    let got = s.get_handshake("APP", T0).await.unwrap().unwrap().handshake;
    let want = HandshakeRow {
        name: Some("My app".into()),
        refresh_interval_secs: Some(3600),
        offline_grace_secs: 7200,
        overuse_percent: Some(10),
        password_hash: Some("$argon2id$hash".into()),
        active_from: "first-use".into(),
        updated_at: T0 + 50,
        ..base.clone()
    };
    assert_eq!(got, want);
    s.update_handshake("APP", HandshakePatch::default(), T0 + 60).await.unwrap();
    let got = s.get_handshake("APP", T0).await.unwrap().unwrap().handshake;
    assert_eq!(got, HandshakeRow { updated_at: T0 + 60, ..want.clone() });
    let clear = HandshakePatch {
        name: Some(None),
        refresh_interval_secs: Some(None),
        offline_grace_secs: None,
        overuse_percent: Some(None),
        password_hash: Some(None),
        active_from: Some("authorization".into()),
    };
    s.update_handshake("APP", clear, T0 + 70).await.unwrap();
    let got = s.get_handshake("APP", T0).await.unwrap().unwrap().handshake;
    assert_eq!(got, HandshakeRow { offline_grace_secs: 7200, updated_at: T0 + 70, ..base });
    assert_eq!(
        s.update_handshake("NOPE", HandshakePatch::default(), T0).await.unwrap_err(),
        no_code("NOPE")
    );

    let domains = |s: S| async move { s.get_handshake("APP", T0).await.unwrap().unwrap().domains };
    s.add_domains("APP", &strings(&["b.example", "a.example"]), T0 + 80).await.unwrap();
    assert_eq!(domains(s.clone()).await, ["a.example", "b.example"]);
    assert_eq!(
        s.add_domains("APP", &strings(&["c.example", "a.example"]), T0).await.unwrap_err(),
        conflict("domain a.example is already bound to handshake code APP")
    );
    assert_eq!(
        s.add_domains("APP", &strings(&["x.example", "x.example"]), T0).await.unwrap_err(),
        conflict("domain x.example is already bound to handshake code APP")
    );
    assert_eq!(domains(s.clone()).await, ["a.example", "b.example"]);
    assert_eq!(
        s.remove_domains("APP", &strings(&["a.example", "nope.example"]), T0).await.unwrap_err(),
        not_found("domain nope.example is not bound to handshake code APP")
    );
    assert_eq!(domains(s.clone()).await, ["a.example", "b.example"]);
    s.remove_domains("APP", &strings(&["a.example"]), T0 + 90).await.unwrap();
    assert_eq!(domains(s.clone()).await, ["b.example"]);
    let rec = s.get_handshake("APP", T0).await.unwrap().unwrap();
    assert_eq!(rec.handshake.updated_at, T0 + 90);
    assert_eq!(s.add_domains("NOPE", &strings(&["a"]), T0).await.unwrap_err(), no_code("NOPE"));
    assert_eq!(s.remove_domains("NOPE", &strings(&["a"]), T0).await.unwrap_err(), no_code("NOPE"));
}

pub(crate) async fn case_handshake_delete(s: S) {
    import(&s, "L1", &[("B", "per-device", FAR)]).await;
    code(&s, "APP", &["B"]).await;
    code(&s, "ZED", &["B"]).await;
    s.add_domains("APP", &strings(&["a.example"]), T0).await.unwrap();
    seat(&s, "APP", "d1", T0, vec![cand("B", Room::Unlimited, T0 + 1000)]).await;
    seat(&s, "ZED", "d2", T0, vec![cand("B", Room::Unlimited, T0 + 50)]).await;
    let rec = s.get_handshake("APP", T0 + 100).await.unwrap().unwrap();
    assert_eq!(rec.active_devices, 1);
    assert_eq!(
        s.delete_handshake("APP", false, T0 + 100).await.unwrap_err(),
        conflict(
            "handshake code APP has 1 active device(s); unregister them first or pass --force"
        )
    );
    s.delete_handshake("APP", true, T0 + 100).await.unwrap();
    assert_eq!(s.get_handshake("APP", T0).await.unwrap(), None);
    assert_eq!(s.get_seat("APP", "d1").await.unwrap(), None);
    assert_eq!(item_state(&s, "B", T0).await.handshakes, ["ZED"]);
    // Only a lapsed seat: no force needed.
    s.delete_handshake("ZED", false, T0 + 100).await.unwrap();
    assert_eq!(s.delete_handshake("ZED", false, T0).await.unwrap_err(), no_code("ZED"));
    // The code can be created again, clean.
    code(&s, "APP", &[]).await;
    let rec = s.get_handshake("APP", T0).await.unwrap().unwrap();
    assert!(rec.items.is_empty() && rec.domains.is_empty());
}
